// Signing in and out, the caller's own session, password and API tokens.
import rateLimit from '@fastify/rate-limit';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { changeOwnPassword } from '../identity/accounts.js';
import type { Actor } from '../identity/actor.js';
import { AuthMethods, ChangeOwnPassword, IssuedToken, NewToken, SessionView, SignInBody, TokenView } from '../identity/schemas.js';
import { endSession, SESSION_COOKIE } from '../identity/sessions.js';
import { signIn } from '../identity/sign-in.js';
import { issueToken, listTokens, revokeToken } from '../identity/tokens.js';
import { ErrorBody } from '../model/api-schemas.js';
import { actorOf, setSessionCookie } from '../plugins/authentication.js';
import { oidcRoutes } from './auth-oidc.js';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const sessionAnswer = (actor: Actor, expiresAt?: string) => ({
  user: { id: actor.id, username: actor.username, displayName: actor.displayName, roles: [...actor.roles], source: actor.source ?? 'local' },
  via: actor.via,
  ...(actor.csrfToken ? { csrfToken: actor.csrfToken } : {}),
  ...(expiresAt ? { expiresAt } : {}),
});

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const settings = fastify.identity.settings;
  // Per address, in this plugin only: each attempt costs an Argon2 hash (19 MiB, tens of ms).
  await fastify.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('INTERLOCK_RATE_LIMITED',
      `Too many sign-in attempts from your address; wait ${Math.ceil(context.ttl / 1000)} s.`, undefined, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.get('/auth/methods', {
    schema: { tags, summary: 'How one may sign in: password, and the identity provider when configured', response: { 200: AuthMethods } },
  }, async () => ({ password: true as const, oidc: settings.oidc ? { name: settings.oidc.name, start: '/api/auth/oidc/start' } : null }));

  app.post('/auth/sign-in', {
    config: { rateLimit: { max: settings.signInPerMinute, timeWindow: 60_000 } },
    schema: {
      tags, summary: 'Sign in with a username and password: starts a browser session (cookie) and returns its CSRF token',
      description: 'Failed attempts are counted per account and address; reaching the threshold locks that account from that address for a while (429). ' +
        'An admin can lift a lockout. Only Interlock\'s own accounts are ever locked out.',
      body: SignInBody,
      response: { 200: SessionView, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
    },
  }, async (request, reply) => {
    try {
      const session = await signIn(app.db, { ...request.body, source: request.ip }, settings);
      setSessionCookie(app.identity.settings, request, reply, session);
      return sessionAnswer(session.actor, session.expiresAt);
    } catch (error) {
      request.refusalAudited = true;
      throw error;
    }
  });

  app.get('/auth/session', {
    schema: { tags, summary: 'Who is signed in, with the session\'s CSRF token', response: { 200: SessionView } },
  }, async (request) => sessionAnswer(actorOf(request)));

  app.post('/auth/sign-out', {
    schema: { tags, summary: 'End this browser session', response: { 204: z.null().describe('signed out') } },
  }, async (request, reply) => {
    await endSession(app.db, actorOf(request), request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    return reply.code(204).send(null);
  });

  app.post('/auth/password', {
    schema: {
      tags, summary: 'Change one\'s own password (the account\'s other sessions end)',
      body: ChangeOwnPassword, response: { 204: z.null().describe('changed'), 400: ErrorBody, 422: ErrorBody },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.kind !== 'user') throw new AppError('INTERLOCK_UNPROCESSABLE', 'Only an account has a password.');
    await changeOwnPassword(app.db, actor, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send(null);
  });

  app.get('/auth/tokens', {
    schema: { tags, summary: 'One\'s own API tokens (revoked and expired ones too)', response: { 200: z.array(TokenView) } },
  }, async (request) => listTokens(app.db, actorOf(request).username));

  app.post('/auth/tokens', {
    schema: {
      tags, summary: 'Issue oneself an API token (it acts with one\'s roles); the token is shown this once',
      body: NewToken, response: { 201: IssuedToken, 400: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.code(201).send(await issueToken(app.db, actor, actor.username, request.body.name, request.body.days ?? settings.tokenDays));
  });

  app.delete('/tokens/:id', {
    schema: {
      tags, summary: 'Revoke an API token (its owner or an admin); it stops working at once',
      params: IdParams, response: { 204: z.null().describe('revoked'), 404: ErrorBody },
    },
  }, async (request, reply) => {
    await revokeToken(app.db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  await app.register(oidcRoutes);
}
