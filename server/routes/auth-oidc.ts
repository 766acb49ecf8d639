// The browser's round trip to the identity provider: start sends it there with state, nonce and a
// PKCE challenge kept in a short-lived cookie; the callback checks them, signs the person in and
// sends the browser back to the explorer (with ?signin=… saying why, when refused).
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { OidcClient, OidcRefusal, oidcSignIn, type OidcLogin } from '../identity/oidc.js';
import { ErrorBody } from '../model/api-schemas.js';
import { cookieSecure, setSessionCookie } from '../plugins/authentication.js';

const LOGIN_COOKIE = 'interlock_oidc';
const LOGIN_PATH = '/api/auth/oidc';
const Redirect = z.null().describe('a redirect (Location header)');

export async function oidcRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const settings = app.identity.settings;
  const oidc = settings.oidc ? new OidcClient(settings.oidc) : undefined;
  const tags = ['identity'];

  app.get('/auth/oidc/start', {
    schema: { tags, summary: 'Sign in at the identity provider: redirects there (404 when none is configured)', response: { 302: Redirect, 404: ErrorBody, 503: ErrorBody } },
  }, async (request, reply) => {
    if (!oidc) throw notFound('identity provider', 'oidc');
    const { url, login } = await oidc.start();
    // Lax, not Strict: it must come back with the provider's cross-site redirect to the callback.
    reply.setCookie(LOGIN_COOKIE, Buffer.from(JSON.stringify(login)).toString('base64url'), {
      httpOnly: true, sameSite: 'lax', path: LOGIN_PATH, maxAge: 600, secure: cookieSecure(settings, request),
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/auth/oidc/callback', {
    schema: { tags, summary: 'Where the identity provider sends the browser back; redirects to the explorer', response: { 303: Redirect, 404: ErrorBody } },
  }, async (request, reply) => {
    if (!oidc) throw notFound('identity provider', 'oidc');
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_PATH });
    const back = (outcome: string) => reply.redirect(`/?signin=${outcome}`, 303);
    let login: OidcLogin;
    try {
      login = JSON.parse(Buffer.from(request.cookies[LOGIN_COOKIE] ?? '', 'base64url').toString('utf8')) as OidcLogin;
    } catch {
      return back('expired');
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      const claims = await oidc.finish(query, login);
      const session = await oidcSignIn(app.db, settings, claims, request.ip);
      setSessionCookie(settings, request, reply, session);
      return reply.redirect('/', 303);
    } catch (error) {
      if (error instanceof OidcRefusal) return back(error.message);
      request.log.warn({ err: error }, 'sign-in at the identity provider failed');
      return back('failed');
    }
  });
}
