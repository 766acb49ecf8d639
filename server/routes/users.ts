// Accounts and their API tokens, for admins (permissions.ts: users:manage).
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUser, listUsers, requireUser, setPassword, unlockUser, updateUser, userView } from '../identity/accounts.js';
import { CreatedUser, GeneratedPassword, IssuedToken, NewToken, NewUser, SetPassword, TokenView, UserChanges, UserListItem, UserView, Username } from '../identity/schemas.js';
import { issueToken, listTokens } from '../identity/tokens.js';
import { ErrorBody } from '../model/api-schemas.js';
import { actorOf } from '../plugins/authentication.js';

const UserParams = z.object({ username: Username });

export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.get('/users', {
    schema: { tags, summary: 'Every account with its roles, live tokens and lockout', response: { 200: z.array(UserListItem) } },
  }, async () => listUsers(app.db));

  app.post('/users', {
    schema: {
      tags, summary: 'Create a local account; a password left out is generated and shown this once',
      body: NewUser, response: { 201: CreatedUser, 400: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => reply.code(201).send(await createUser(app.db, actorOf(request), request.body)));

  app.patch('/users/:username', {
    schema: {
      tags, summary: 'Change an account\'s roles or display name, or disable it (its sessions end, its tokens stop)',
      params: UserParams, body: UserChanges, response: { 200: UserView, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => updateUser(app.db, actorOf(request), request.params.username, request.body));

  app.post('/users/:username/password', {
    schema: {
      tags, summary: 'Set an account\'s password (generated and shown once when left out); its sessions end',
      params: UserParams, body: SetPassword, response: { 200: GeneratedPassword, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => setPassword(app.db, actorOf(request), request.params.username, request.body.password));

  app.post('/users/:username/unlock', {
    schema: {
      tags, summary: 'Lift every sign-in lockout of an account',
      params: UserParams, response: { 200: z.object({ cleared: z.number().int().describe('lockout counters removed') }), 404: ErrorBody },
    },
  }, async (request) => unlockUser(app.db, actorOf(request), request.params.username));

  app.get('/users/:username/tokens', {
    schema: { tags, summary: 'An account\'s API tokens', params: UserParams, response: { 200: z.array(TokenView), 404: ErrorBody } },
  }, async (request) => {
    await requireUser(app.db, request.params.username);
    return listTokens(app.db, request.params.username);
  });

  app.post('/users/:username/tokens', {
    schema: {
      tags, summary: 'Issue an API token to an account (a pipeline\'s); the token is shown this once',
      params: UserParams, body: NewToken, response: { 201: IssuedToken, 400: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const user = userView(await requireUser(app.db, request.params.username));
    return reply.code(201).send(await issueToken(app.db, actorOf(request), user.username, request.body.name, request.body.days ?? app.identity.settings.tokenDays));
  });
}
