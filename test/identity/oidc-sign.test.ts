// Signing by an account of the identity provider: the signer re-authenticates at a real OpenID
// Connect provider (oidc-provider, in this process on a loopback port) instead of re-entering a
// password. The browser's round trips are followed by hand, as in oidc.test.ts; the signature is
// recorded as a password signature is, with the same rules and the same audit entry.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { FRESH_SECONDS, freshAuthentication } from '../../server/reviews/sign-step-up.js';
import { anonymous, build } from '../helpers/app.js';
import { loadSite } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, get, PASSWORD, sign, submitted } from '../reviews/review-kit.js';
import { startTestProvider, TEST_CLIENT, type TestProvider } from '../helpers/oidc-provider.js';

const REDIRECT = 'http://interlock.test/api/auth/oidc/callback';
const STEP_UP = 'http://interlock.test/api/reviews/sign/callback';
const REDIRECTS = [REDIRECT, STEP_UP];
// Named apart from oidc.test.ts's people: both files share the test database, and an account of
// another provider (that file's, on another port) keeps its username.
const people: Record<string, { preferred_username: string; name: string; groups: string[] }> = {
  oksana: { preferred_username: 'oksana', name: 'Oksana Ops', groups: ['sec', 'hse'] },
  ivan: { preferred_username: 'ivan', name: 'Ivan', groups: ['sec'] },
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
      roleMap: [['sec', 'security-approver'], ['hse', 'safety-approver']], name: 'Test IdP', allowHttp: true,
    },
  }));
  await loadSite(db, miniSite());
  await createAccounts(app);
});
afterAll(async () => {
  await app.close();
  await db.close();
  await idp.close();
});

const cookiesOf = (res: LightMyRequestResponse) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** The provider's cookies, kept across round trips as a browser keeps them. */
const jar = new Map<string, string>();
async function atProvider(start: string, until: string): Promise<string> {
  let url = start;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, form
      ? { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }
      : { redirect: 'manual', headers: { cookie } });
    form = undefined;
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value ?? '');
    }
    const location = res.headers.get('location');
    // Another person logging in over an existing session: the provider's page posts a form on.
    const html = location ? '' : await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (action) {
      form = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
      continue;
    }
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${html.slice(0, 300)}`);
    url = new URL(location, url).href;
    if (url.startsWith(until)) return url;
  }
  throw new Error('too many redirects at the provider');
}

/** Olga's browser session: signed in at the provider; its cookie and CSRF token. */
let olga: { cookie: string; csrf: string };
async function signInOlga(): Promise<void> {
  idp.signIn('oksana');
  const start = await anonymous(app, { method: 'GET', url: '/api/auth/oidc/start' });
  const back = new URL(await atProvider(start.headers.location as string, REDIRECT));
  const done = await anonymous(app, { method: 'GET', url: `/api/auth/oidc/callback${back.search}`, headers: { cookie: cookiesOf(start) } });
  const cookie = cookiesOf(done).split('; ').filter((c) => c.startsWith('interlock_session=')).join('; ');
  const session = (await anonymous(app, { method: 'GET', url: '/api/auth/session', headers: { cookie } })).json();
  expect(session.user).toMatchObject({ username: 'oksana', roles: ['safety-approver', 'security-approver'] });
  olga = { cookie, csrf: session.csrfToken };
}

const startStepUp = (id: string, discipline: string, body: Record<string, unknown>) =>
  anonymous(app, { method: 'POST', url: `/api/reviews/${id}/sign/${discipline}/reauth`, headers: { cookie: olga.cookie, 'x-csrf-token': olga.csrf }, payload: body });

/** At the provider as `person`, then Interlock's callback: where it sends the browser. */
async function reauthenticateAs(person: string, url: string): Promise<{ location: string; callback: string }> {
  idp.signIn(person);
  const back = new URL(await atProvider(url, STEP_UP));
  const res = await anonymous(app, { method: 'GET', url: `/api/reviews/sign/callback${back.search}` });
  expect(res.statusCode).toBe(303);
  return { location: res.headers.location as string, callback: back.search };
}

beforeAll(signInOlga);

describe('signing after re-authenticating at the identity provider', () => {
  it('refuses the password route to a provider account, and the step-up to a local one (422)', async () => {
    const id = await submitted(app);
    const hash = (await get(app, id)).assessment.hash;
    const withPassword = await anonymous(app, { method: 'POST', url: `/api/reviews/${id}/sign/security`, headers: { cookie: olga.cookie, 'x-csrf-token': olga.csrf }, payload: { meaning: 'approve', password: PASSWORD, assessmentHash: hash } });
    expect([withPassword.statusCode, withPassword.json().message]).toEqual([422, expect.stringContaining('re-authenticate at the identity provider')]);
    const local = await app.inject({ method: 'POST', url: `/api/reviews/${id}/sign/security/reauth`, headers: by(app, 'sam'), payload: { meaning: 'approve', assessmentHash: hash } });
    expect([local.statusCode, local.json().message]).toEqual([422, expect.stringContaining('local account')]);
    const bad = await startStepUp(id, 'security', { meaning: 'maybe', assessmentHash: hash });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, expect.stringContaining('meaning')]);
  });

  it('sends the signer to log in again, checks it is the same person, and records the signature as a password signature', async () => {
    const id = await submitted(app);
    const hash = (await get(app, id)).assessment.hash;
    const body = { meaning: 'approve', comment: 'oksana agrees, re-authenticated', assessmentHash: hash };

    // Someone else logs in at the provider in Olga's place: refused, nothing signed.
    const theirs = await startStepUp(id, 'security', body);
    expect(theirs.statusCode).toBe(200);
    const url = new URL(theirs.json().url);
    expect([url.searchParams.get('prompt'), url.searchParams.get('max_age'), url.searchParams.get('redirect_uri')]).toEqual(['login', '0', STEP_UP]);
    expect((await reauthenticateAs('ivan', url.href)).location).toBe(`/?tab=reviews&cr=${id}&sign=other-person`);
    expect((await get(app, id)).signatures).toEqual([]);

    // Olga herself, even though she holds a session at the provider, must log in again.
    const before = idp.logins;
    const mine = await startStepUp(id, 'security', body);
    const done = await reauthenticateAs('oksana', mine.json().url);
    expect(idp.logins).toBe(before + 1);
    expect(done.location).toBe(`/?tab=reviews&cr=${id}&sign=ok`);
    const review = await get(app, id);
    expect(review.signatures).toEqual([expect.objectContaining({ discipline: 'security', username: 'oksana', displayName: 'Oksana Ops', meaning: 'approve', comment: body.comment, assessmentHash: hash })]);
    expect(review.status).toBe('SUBMITTED');

    // The provider's answer is taken once.
    const replay = await anonymous(app, { method: 'GET', url: `/api/reviews/sign/callback${done.callback}` });
    expect(replay.headers.location).toBe('/?tab=reviews&sign=expired');

    // Separation of duties, as for a password: Olga cannot sign for safety too.
    const both = await startStepUp(id, 'safety', { ...body, comment: 'and for safety' });
    expect((await reauthenticateAs('oksana', both.json().url)).location).toBe(`/?tab=reviews&cr=${id}&sign=forbidden`);
    expect((await sign(app, 'sue', id, 'safety')).json().status).toBe('APPROVED');

    const refused = (await app.inject({ method: 'GET', url: '/api/audit?action=change:sign-refused&limit=5' })).json().entries;
    expect(refused.map((e: { actor: string; target: string; outcome: string; details: { reason: string; discipline: string } }) => [e.actor, e.target, e.outcome, e.details.discipline, e.details.reason]))
      .toEqual([['oksana', `change-request/${id}`, 'refused', 'safety', 'forbidden'], ['oksana', `change-request/${id}`, 'refused', 'security', 'other-person']]);
    const entries = (await app.inject({ method: 'GET', url: '/api/audit?action=change:sign&limit=10' })).json().entries
      .filter((e: { action: string }) => e.action === 'change:sign').slice(0, 2);
    expect(entries.map((e: { actor: string; target: string; details: { discipline: string; meaning: string; comment: string; assessmentHash: string } }) => [e.actor, e.target, e.details.discipline, e.details.meaning, e.details.comment, e.details.assessmentHash]))
      .toEqual([['sue', expect.stringContaining(id), 'safety', 'approve', 'sue agrees', hash], ['oksana', expect.stringContaining(id), 'security', 'approve', body.comment, hash]]);
  });

  it('binds the signature to what was asked: a reassessed request refuses the signature of the old hash', async () => {
    const id = await submitted(app);
    const stale = await startStepUp(id, 'security', { meaning: 'reject', assessmentHash: 'a'.repeat(64) });
    expect(stale.statusCode).toBe(200);
    expect((await reauthenticateAs('oksana', stale.json().url)).location).toBe(`/?tab=reviews&cr=${id}&sign=conflict`);
    expect((await get(app, id)).signatures).toEqual([]);
  });

  it('takes an authentication only when it happened after the step-up began and within the freshness window', () => {
    const started = Date.UTC(2026, 10, 27, 19, 0, 0);
    const s = (ms: number) => ms / 1000;
    expect(freshAuthentication(s(started + 20_000), started, started + 30_000)).toBe(true);
    expect(freshAuthentication(s(started - 60_000), started, started + 30_000)).toBe(false); // a remembered session
    expect(freshAuthentication(s(started + 1_000), started, started + 1_000 + (FRESH_SECONDS + 1) * 1000)).toBe(false); // too old by now
    expect(freshAuthentication(undefined, started, started)).toBe(false);
    expect(freshAuthentication(String(s(started)), started, started)).toBe(false);
  });
});
