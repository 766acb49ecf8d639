// Sessions, CSRF, lockout and API tokens as a browser and a pipeline meet them, against the real
// Neo4j: every refusal exact, and each event in the audit log.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/identity/tokens.js';
import { anonymous, build, useApp } from '../helpers/app.js';
import { miniSite } from '../helpers/mini-site.js';

const ctx = useApp(() => miniSite(), { lockoutThreshold: 3, lockoutMinutes: 10, signInPerMinute: 8 });
const PASSWORD = 'correct horse battery';

const signIn = (app: FastifyInstance, username: string, password: string, source = '10.9.0.1') =>
  anonymous(app, { method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: source });
const cookieOf = (res: LightMyRequestResponse) => {
  const cookie = res.cookies.find((c) => c.name === 'interlock_session');
  return `interlock_session=${cookie?.value}`;
};
const lastAudit = async (n: number) => ((await ctx.app.inject({ method: 'GET', url: `/api/audit?limit=${n}` })).json().entries as Array<Record<string, unknown>>)
  .map((e) => [e.actor, e.action, e.target, e.outcome]);

describe('signing in and out with a browser session', () => {
  it('creates accounts for the tests', async () => {
    for (const [username, roles] of [['erin', ['engineer']], ['vic', ['viewer']], ['lock', ['viewer']]] as const) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/users', payload: { username, roles, password: PASSWORD } });
      expect([res.statusCode, res.json().user.username, res.json().password]).toEqual([201, username, undefined]);
    }
  });

  it('sets an http-only, SameSite=Strict cookie for /api; a changing request needs the CSRF token; sign-out ends the session', async () => {
    const res = await signIn(ctx.app, 'erin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'interlock_session')!;
    expect({ httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, path: cookie.path, secure: cookie.secure, length: cookie.value.length })
      .toEqual({ httpOnly: true, sameSite: 'Strict', path: '/api', secure: undefined, length: 43 });
    const { csrfToken, user, via } = res.json();
    expect([user.username, user.roles, via]).toEqual(['erin', ['engineer'], 'session']);
    const headers = { cookie: cookieOf(res) };

    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones', headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers })).json().csrfToken).toBe(csrfToken);
    const whatIf = { change: { kind: 'patch', targets: ['fw-a'] } };
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: whatIf, headers });
    expect([noToken.statusCode, noToken.json().code]).toEqual([403, 'INTERLOCK_CSRF']);
    const wrongToken = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: whatIf, headers: { ...headers, 'x-csrf-token': `${csrfToken}x` } });
    expect(wrongToken.json().code).toBe('INTERLOCK_CSRF');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: whatIf, headers: { ...headers, 'x-csrf-token': csrfToken } })).statusCode).toBe(200);

    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...headers, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/zones', headers });
    expect([after.statusCode, after.json().message]).toEqual([401, 'Sign-in required: the session has ended; sign in again.']);
    expect(await lastAudit(4)).toEqual([
      ['anonymous', 'auth:refused', 'GET /api/zones', 'refused'],
      ['erin', 'auth:sign-out', 'user/erin', 'ok'],
      ['erin', 'auth:forbidden', 'POST /api/impact', 'refused'],
      ['erin', 'auth:forbidden', 'POST /api/impact', 'refused'],
    ]);
  });

  it('says the same for a wrong password and an unknown account, and locks the account from that address only', async () => {
    const wrong = await signIn(ctx.app, 'lock', 'not the password', '10.9.0.2');
    const unknown = await signIn(ctx.app, 'nobody-here', 'whatever', '10.9.0.2');
    expect([wrong.statusCode, wrong.json()]).toEqual([401, { statusCode: 401, code: 'INTERLOCK_SIGN_IN_FAILED', message: 'Wrong username or password, or the account is disabled.' }]);
    expect(unknown.json()).toEqual(wrong.json());
    await signIn(ctx.app, 'lock', 'still not it', '10.9.0.2');
    const third = await signIn(ctx.app, 'lock', 'nor this', '10.9.0.2');
    expect([third.statusCode, third.json().code, Number(third.headers['retry-after']) > 590]).toEqual([429, 'INTERLOCK_LOCKED_OUT', true]);
    expect((await signIn(ctx.app, 'lock', PASSWORD, '10.9.0.2')).json().code).toBe('INTERLOCK_LOCKED_OUT');
    // Somebody else's failures elsewhere never lock the account out of its owner's machine.
    expect((await signIn(ctx.app, 'lock', PASSWORD, '10.9.0.3')).statusCode).toBe(200);

    const users = (await ctx.app.inject({ method: 'GET', url: '/api/users' })).json();
    expect(users.find((u: { username: string }) => u.username === 'lock').locked).toBe(true);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/users/lock/unlock' })).json()).toEqual({ cleared: 1 });
    expect((await signIn(ctx.app, 'lock', PASSWORD, '10.9.0.2')).statusCode).toBe(200);
    const log = await lastAudit(7);
    expect(log).toEqual([
      ['lock', 'auth:sign-in', 'user/lock', 'ok'],
      ['test-admin', 'user:unlock', 'user/lock', 'ok'],
      ['lock', 'auth:sign-in', 'user/lock', 'ok'],
      ['anonymous', 'auth:sign-in-locked', 'user/lock', 'refused'],
      ['anonymous', 'auth:sign-in-failed', 'user/lock', 'refused'],
      ['anonymous', 'auth:sign-in-failed', 'user/lock', 'refused'],
      ['anonymous', 'auth:sign-in-failed', 'user/(unknown)', 'refused'],
    ]);
  });

  it('limits sign-in attempts per address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 9; i++) answers.push((await signIn(ctx.app, `ghost${i}`, 'x', '10.9.0.4')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
  });
});

describe('session timeouts', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('ends a session after its idle time, and at its absolute end even when busy', async () => {
    const idle = (await build({ sessionIdleMinutes: 0.01 })).app; // 0.6 s
    const short = (await build({ sessionMaxHours: 0.0003 })).app; // ~1 s
    apps.push(idle, short);
    const idleSession = { cookie: cookieOf(await signIn(idle, 'vic', PASSWORD, '10.9.1.1')) };
    const shortSession = { cookie: cookieOf(await signIn(short, 'vic', PASSWORD, '10.9.1.2')) };
    expect((await idle.inject({ method: 'GET', url: '/api/zones', headers: idleSession })).statusCode).toBe(200);
    const started = Date.now();
    while (Date.now() - started < 1300) {
      await new Promise((r) => setTimeout(r, 250));
      await short.inject({ method: 'GET', url: '/api/zones', headers: shortSession });
    }
    expect((await idle.inject({ method: 'GET', url: '/api/zones', headers: idleSession })).json().message).toBe('Sign-in required: the session has expired; sign in again.');
    expect((await short.inject({ method: 'GET', url: '/api/zones', headers: shortSession })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, act with the owner\'s roles, and stop when revoked', async () => {
    const issued = await ctx.app.inject({ method: 'POST', url: '/api/users/erin/tokens', payload: { name: 'pipeline', days: 30 } });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^ilk_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer })).json()).toMatchObject({ user: { username: 'erin', source: 'local' }, via: 'token' });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { change: { kind: 'patch', targets: ['fw-a'] } }, headers: bearer })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/import', payload: {}, headers: bearer })).json().code).toBe('INTERLOCK_FORBIDDEN');
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/users/erin/tokens' })).json();
    expect(listed.map((t: Record<string, unknown>) => [t.id, t.name, t.state, 'token' in t])).toEqual([[id, 'pipeline', 'active', false]]);

    const someoneElse = await ctx.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: { authorization: `Bearer ${(await ctx.app.inject({ method: 'POST', url: '/api/users/vic/tokens', payload: { name: 'vic' } })).json().token}` } });
    expect(someoneElse.json()).toMatchObject({ statusCode: 403, message: 'Not allowed: only its owner or an admin may revoke a token.' });
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
    const revoked = await ctx.app.inject({ method: 'GET', url: '/api/zones', headers: bearer });
    expect([revoked.statusCode, revoked.json().message]).toEqual([401, 'Sign-in required: the API token was revoked.']);
  });

  it('expire, and stop with their disabled account', async () => {
    const expiring = await issueToken(ctx.db, { username: 'test' }, 'vic', 'short', 0.00001); // ~1 s
    const lasting = (await ctx.app.inject({ method: 'POST', url: '/api/users/vic/tokens', payload: { name: 'lasting' } })).json().token;
    await new Promise((r) => setTimeout(r, 1200));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones', headers: { authorization: `Bearer ${expiring.token}` } })).json().message)
      .toBe('Sign-in required: the API token has expired.');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones', headers: { authorization: `Bearer ${lasting}` } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'PATCH', url: '/api/users/vic', payload: { disabled: true } })).json()).toMatchObject({ username: 'vic', disabled: true });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones', headers: { authorization: `Bearer ${lasting}` } })).json().message)
      .toBe('Sign-in required: the API token\'s account is disabled.');
    expect((await signIn(ctx.app, 'vic', PASSWORD, '10.9.0.9')).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones', headers: { authorization: 'Bearer ilk_forged' } })).json().message)
      .toBe('Sign-in required: the API token is not known.');
  });
});
