// The one check point of every API request. At registration every /api route must have an entry in
// the permission table (server/identity/permissions.ts), or the app refuses to start; each gets the
// 401/403 answers and the security schemes in the OpenAPI document. At request time the caller is
// authenticated (a session cookie, an API token, or an in-process credential), a session's
// state-changing request must carry its CSRF token, and the table decides; a body that makes a
// route write is judged again once parsed. Every 401 and 403 is written to the audit log.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit-log.js';
import { AppError } from '../errors.js';
import { systemActor, type Actor } from '../identity/actor.js';
import { InternalCredentials } from '../identity/internal-credentials.js';
import { forbidden, PUBLIC, roleRefusal, routeRule, type RouteRule } from '../identity/permissions.js';
import { sameSecret } from '../identity/secrets.js';
import { resolveSession, SESSION_COOKIE, type NewSession } from '../identity/sessions.js';
import type { IdentitySettings } from '../identity/settings.js';
import { resolveToken, type Resolved } from '../identity/tokens.js';
import { ErrorBody } from '../model/api-schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    /** Set when the route audited its own refusal (a failed sign-in), so it is not logged twice. */
    refusalAudited?: boolean;
  }
  interface FastifyContextConfig {
    permission?: RouteRule;
  }
  interface FastifyInstance {
    identity: IdentityContext;
  }
}

export interface IdentityContext {
  settings: IdentitySettings;
  internal: InternalCredentials;
  /** Headers that make an injected request Interlock's own (reads and what-ifs only): the warm-up's. */
  systemHeaders(): Record<string, string>;
  /** Every /api route registered, with its rule: what the permission test walks. */
  routes: Array<{ method: string; url: string; rule: RouteRule }>;
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const SECURITY_SCHEMES = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (npm run users -- token NAME, or POST /api/auth/tokens): paste it here to try the API.' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The explorer\'s session after signing in; state-changing requests also need the X-CSRF-Token header.' },
} as const;

/** The caller, for a route the table protects (the hook has put it there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('INTERLOCK_UNAUTHENTICATED', 'Sign in first.');
  return request.actor;
}

/** The name a write records in the change journal and the audit log. */
export const actorName = (request: FastifyRequest): string => actorOf(request).username;

export function cookieSecure(settings: IdentitySettings, request: FastifyRequest): boolean {
  return settings.cookieSecure === 'always' || (settings.cookieSecure === 'auto' && request.protocol === 'https');
}

/** Sets the session cookie: http-only, SameSite=Strict, only for /api, Secure over https. */
export function setSessionCookie(settings: IdentitySettings, request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    httpOnly: true, sameSite: 'strict', path: '/api', secure: cookieSecure(settings, request), maxAge: settings.sessionMaxHours * 3600,
  });
}

async function authenticate(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<Resolved | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const bearer = /^Bearer +(\S+)$/i.exec(header)?.[1];
    if (!bearer) return { problem: 'the Authorization header must be "Bearer <token>"' };
    const internal = app.identity.internal.resolve(bearer, request);
    return internal ? { actor: internal } : resolveToken(app.db, bearer);
  }
  const session = request.cookies[SESSION_COOKIE];
  if (!session) return undefined;
  const resolved = await resolveSession(app.db, session, app.identity.settings);
  if ('problem' in resolved) reply.clearCookie(SESSION_COOKIE, { path: '/api' });
  return resolved;
}

function addErrorAnswers(routeOptions: { schema?: Record<string, unknown> }): void {
  const schema = routeOptions.schema;
  if (!schema) return;
  const response = (schema.response ?? {}) as Record<string | number, unknown>;
  routeOptions.schema = {
    ...schema,
    security: Object.keys(SECURITY_SCHEMES).map((name) => ({ [name]: [] })),
    response: {
      401: ErrorBody.describe('no credentials, or a session or token that is unknown, expired or revoked'),
      403: ErrorBody.describe('the caller\'s roles do not allow this (or a session request without its CSRF token)'),
      ...response,
    },
  };
}

export async function registerAuthentication(app: FastifyInstance, settings: IdentitySettings): Promise<void> {
  await app.register(fastifyCookie);
  const internal = new InternalCredentials();
  const system = internal.grant(systemActor(['viewer', 'engineer']));
  const identity: IdentityContext = { settings, internal, systemHeaders: () => ({ authorization: `Bearer ${system}` }), routes: [] };
  app.decorate('identity', identity);

  app.addHook('onRoute', (routeOptions) => {
    if (!routeOptions.url.startsWith('/api/')) return;
    const methods = Array.isArray(routeOptions.method) ? routeOptions.method : [routeOptions.method];
    const rules = methods.map((method) => {
      const rule = routeRule(method, routeOptions.url);
      // Fail closed: a route nobody decided on is not served.
      if (!rule) throw new Error(`${method} ${routeOptions.url} has no entry in the permission table (server/identity/permissions.ts): every API route needs one.`);
      identity.routes.push({ method, url: routeOptions.url, rule });
      return rule;
    });
    routeOptions.config = { ...routeOptions.config, permission: rules[0] };
    if (rules[0]!.action !== PUBLIC) addErrorAnswers(routeOptions as { schema?: Record<string, unknown> });
  });

  app.addHook('onRequest', async (request, reply) => {
    const rule = request.routeOptions.config.permission;
    if (!rule) return;
    const found = await authenticate(app, request, reply);
    if (found && 'actor' in found) request.actor = found.actor;
    if (rule.action === PUBLIC) return;
    if (!request.actor) {
      throw new AppError('INTERLOCK_UNAUTHENTICATED', `Sign-in required: ${found && 'problem' in found ? found.problem : 'send a session cookie (sign in) or an API token (Authorization: Bearer …)'}.`,
        undefined, { 'www-authenticate': 'Bearer realm="interlock"' });
    }
    if (request.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.actor.csrfToken!)) {
        throw new AppError('INTERLOCK_CSRF', `This request changes something and needs the session's CSRF token in the ${CSRF_HEADER} header (GET /api/auth/session gives it).`);
      }
    }
    const why = roleRefusal(request.actor, rule.action);
    if (why) throw forbidden(why);
  });

  app.addHook('preHandler', async (request) => {
    const writes = request.routeOptions.config.permission?.writes;
    if (!writes || !request.actor || !writes.when(request.body)) return;
    const why = roleRefusal(request.actor, writes.action);
    if (why) throw forbidden(`${writes.what} is refused: ${why}`);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if ((reply.statusCode !== 401 && reply.statusCode !== 403) || request.refusalAudited || !request.routeOptions.config.permission) return payload;
    let code: string | undefined;
    try {
      code = JSON.parse(String(payload)).code;
    } catch {
      // not JSON: the code stays unknown
    }
    await audit(app.db, {
      actor: request.actor?.username ?? 'anonymous', actorId: request.actor?.id ?? null,
      action: reply.statusCode === 401 ? 'auth:refused' : 'auth:forbidden', outcome: 'refused',
      target: `${request.method} ${request.routeOptions.url}`, details: { source: request.ip, code, path: request.url.split('?')[0] },
    }).catch((error: Error) => request.log.error({ err: error }, 'the refusal could not be written to the audit log'));
    return payload;
  });
}
