// Sign-in at a real OpenID Connect provider (oidc-provider, running in this process on a loopback
// port): the browser's round trip is followed by hand — Interlock's start, the provider's
// authorisation endpoint, its interaction (login and consent, answered here for the chosen
// person), the redirect back — and Interlock's callback exchanges the code with the provider over
// HTTP. Roles follow the provider's groups at every sign-in; nobody is let in without one.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { anonymous, build } from '../helpers/app.js';
import { startTestProvider, TEST_CLIENT, type TestProvider } from '../helpers/oidc-provider.js';

const REDIRECT = 'http://interlock.test/api/auth/oidc/callback';
const REDIRECTS = [REDIRECT];
const people: Record<string, { preferred_username: string; name: string; groups: string[] }> = {
  olga: { preferred_username: 'Olga', name: 'Olga Ops', groups: ['ot-engineers', 'staff'] },
  mallory: { preferred_username: 'mallory', name: 'Mallory', groups: ['marketing'] },
  dup: { preferred_username: 'local-dup', name: 'Same name as a local account', groups: ['hse'] },
};

let idp: TestProvider;
let app: FastifyInstance;
let db: DbClient;

beforeAll(async () => {
  idp = await startTestProvider(people, REDIRECTS);
  const { issuer } = idp;
  ({ app, db } = await build({
    oidc: {
      issuer, ...TEST_CLIENT, redirectUrl: REDIRECT, rolesClaim: 'groups', usernameClaim: 'preferred_username',
      roleMap: [['ot-engineers', 'engineer'], ['hse', 'safety-approver']], name: 'Test IdP', allowHttp: true,
    },
  }));
  await app.inject({ method: 'POST', url: '/api/users', payload: { username: 'local-dup', roles: ['viewer'] } });
});
afterAll(async () => {
  await app.close();
  await db.close();
  await idp.close();
});

const cookiesOf = (res: LightMyRequestResponse) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** Follows the provider's redirects with its cookies, as a browser would, until it sends the browser back to Interlock. */
async function atProvider(start: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value ?? '');
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
    if (url.startsWith(REDIRECT)) return url;
  }
  throw new Error('too many redirects at the provider');
}

/** The whole round trip as `person`; Interlock's last answer (a redirect) and its cookies. */
async function signInAtProvider(person: string): Promise<LightMyRequestResponse> {
  idp.signIn(person);
  const start = await anonymous(app, { method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const back = new URL(await atProvider(start.headers.location as string));
  return anonymous(app, { method: 'GET', url: `/api/auth/oidc/callback${back.search}`, headers: { cookie: cookiesOf(start) } });
}

const session = async (res: LightMyRequestResponse) =>
  (await anonymous(app, { method: 'GET', url: '/api/auth/session', headers: { cookie: cookiesOf(res).split('; ').filter((c) => c.startsWith('interlock_session=')).join('; ') } })).json();

describe('sign-in at the identity provider', () => {
  it('offers the provider on the sign-in page', async () => {
    expect((await anonymous(app, { method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ password: true, oidc: { name: 'Test IdP', start: '/api/auth/oidc/start' } });
  });

  it('signs a person in with the roles their groups map to, and follows the groups at the next sign-in', async () => {
    const first = await signInAtProvider('olga');
    expect([first.statusCode, first.headers.location]).toEqual([303, '/']);
    expect(await session(first)).toMatchObject({ user: { username: 'olga', displayName: 'Olga Ops', roles: ['engineer'], source: 'oidc' }, via: 'session' });

    people.olga!.groups = ['hse'];
    const second = await signInAtProvider('olga');
    expect((await session(second)).user.roles).toEqual(['safety-approver']);
    const users = (await app.inject({ method: 'GET', url: '/api/users' })).json();
    expect(users.filter((u: { username: string }) => u.username === 'olga').map((u: { source: string }) => u.source)).toEqual(['oidc']);
  });

  it('refuses someone whose groups map to no role, and a name that is a local account\'s', async () => {
    const mallory = await signInAtProvider('mallory');
    expect([mallory.statusCode, mallory.headers.location, mallory.cookies.some((c) => c.name === 'interlock_session')]).toEqual([303, '/?signin=no-role', false]);
    const dup = await signInAtProvider('dup');
    expect(dup.headers.location).toBe('/?signin=username-taken');
    const log = (await app.inject({ method: 'GET', url: '/api/audit?action=auth:sign-in&limit=4' })).json().entries
      .map((e: { actor: string; action: string; target: string; details: { method: string; reason?: string } }) => [e.actor, e.action, e.target, e.details.method, e.details.reason]);
    expect(log).toEqual([
      ['anonymous', 'auth:sign-in-failed', 'user/local-dup', 'oidc', 'username-taken'],
      ['anonymous', 'auth:sign-in-failed', 'user/mallory', 'oidc', 'no-role'],
      ['olga', 'auth:sign-in', 'user/olga', 'oidc', undefined],
      ['olga', 'auth:sign-in', 'user/olga', 'oidc', undefined],
    ]);
  });

  it('refuses a callback whose state is not the one it started with', async () => {
    idp.signIn('olga');
    const mine = await anonymous(app, { method: 'GET', url: '/api/auth/oidc/start' });
    const theirs = await anonymous(app, { method: 'GET', url: '/api/auth/oidc/start' });
    const back = new URL(await atProvider(theirs.headers.location as string));
    const res = await anonymous(app, { method: 'GET', url: `/api/auth/oidc/callback${back.search}`, headers: { cookie: cookiesOf(mine) } });
    expect([res.headers.location, res.cookies.some((c) => c.name === 'interlock_session')]).toEqual(['/?signin=failed', false]);
  });
});
