// Every API route, called as every role and as nobody, against the one permission table: the
// table is the specification, and a route added without a rule fails here (and stops the app).
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Actor } from '../../server/identity/actor.js';
import { ACTIONS, authorize, PUBLIC, refusal, ROUTES } from '../../server/identity/permissions.js';
import { ROLES, type AppRole } from '../../server/identity/roles.js';
import { anonymous, as, useApp } from '../helpers/app.js';
import { snapshot } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';

const ctx = useApp(() => miniSite());

const routes = () => ctx.app.identity.routes.filter((r) => r.method !== 'HEAD');
/** Ids that exist nowhere, and a body no route accepts: an allowed call is answered without writing. */
const concrete = (url: string) => url.replace(/:(\w+)/g, 'no-such-$1');
const withBody = (method: string) => (['POST', 'PUT', 'PATCH'].includes(method) ? { payload: '"not an object"', headers: { 'content-type': 'application/json' } } : {});

describe('the permission table', () => {
  it('names every registered API route, and only those', () => {
    const registered = routes().map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(ROUTES).sort());
    expect(registered.length).toBeGreaterThan(60);
  });

  it('refuses to start an app with an API route that has no rule (fail closed)', async () => {
    const app = await buildApp({ db: ctx.db, clientDir: '/nonexistent' });
    const start = async () => {
      await app.register(async (f) => {
        f.get('/api/unruled', async () => 'served to anyone');
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow('GET /api/unruled has no entry in the permission table (server/identity/permissions.ts): every API route needs one.');
  });

  it('answers every route as the table says, for every role and for nobody', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { method, url, rule } of routes()) {
      const body = withBody(method);
      const nobody = await anonymous(ctx.app, { method: method as 'GET', url: concrete(url), ...body });
      outcomes.push(`${method} ${url} nobody → ${[401, 403].includes(nobody.statusCode) ? nobody.json().code : 'served'}`);
      expected.push(`${method} ${url} nobody → ${rule.action === PUBLIC ? 'served' : 'INTERLOCK_UNAUTHENTICATED'}`);
      for (const role of ROLES) {
        const res = await ctx.app.inject({ method: method as 'GET', url: concrete(url), ...body, headers: { ...body.headers, ...as(ctx.app, [role]) } });
        outcomes.push(`${method} ${url} ${role} → ${[401, 403].includes(res.statusCode) ? res.json().code : 'served'}`);
        const allowed = rule.action === PUBLIC || (ACTIONS[rule.action] as readonly AppRole[]).includes(role);
        expected.push(`${method} ${url} ${role} → ${allowed ? 'served' : 'INTERLOCK_FORBIDDEN'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('declares 401, 403 and the two ways to authenticate for every protected route in the OpenAPI document, and neither for health', async () => {
    const doc = (await anonymous(ctx.app, { method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerToken', 'sessionCookie']);
    const operations = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op })));
    const isProtected = (route: string) => ROUTES[route] !== undefined && ROUTES[route]!.action !== PUBLIC;
    const protectedOps = operations.filter((o) => isProtected(o.route));
    expect(protectedOps.length).toBe(Object.values(ROUTES).filter((r) => r.action !== PUBLIC).length);
    expect(protectedOps.filter(({ op }) => !('401' in op.responses && '403' in op.responses && op.security)).map((o) => o.route)).toEqual([]);
    const health = operations.find((o) => o.route === 'GET /api/health')!.op;
    expect(['401' in health.responses, health.security]).toEqual([false, undefined]);
  });

  it('writes an audit entry for every refusal, naming the caller, the route and the code', async () => {
    await anonymous(ctx.app, { method: 'GET', url: '/api/zones' });
    await ctx.app.inject({ method: 'POST', url: '/api/import', payload: {}, headers: as(ctx.app, ['viewer'], 'vera') });
    const page = (await ctx.app.inject({ method: 'GET', url: '/api/audit?limit=2' })).json();
    expect(page.entries.map((e: Record<string, unknown>) => [e.actor, e.action, e.target, e.outcome, (e.details as { code: string }).code])).toEqual([
      ['vera', 'auth:forbidden', 'POST /api/import', 'refused', 'INTERLOCK_FORBIDDEN'],
      ['anonymous', 'auth:refused', 'GET /api/zones', 'refused', 'INTERLOCK_UNAUTHENTICATED'],
    ]);
  });

  it('judges a body that makes a route write: an engineer may dry-run an inventory but not apply it', async () => {
    const request = (dryRun: boolean) => ({
      csv: 'Asset Tag,Name,Type,Zone\nnew-ws,New workstation,workstation,z-ctl\n', dryRun,
      mapping: { columns: { id: 'Asset Tag', name: 'Name', type: 'Type', zone: 'Zone' } },
    });
    const engineer = as(ctx.app, ['engineer'], 'erin');
    const dry = await ctx.app.inject({ method: 'POST', url: '/api/inventory', payload: request(true), headers: engineer });
    expect([dry.statusCode, dry.json().created.map((c: { asset: { id: string } }) => c.asset.id)]).toEqual([200, ['new-ws']]);
    const before = await snapshot(ctx.db, 'site');
    const apply = await ctx.app.inject({ method: 'POST', url: '/api/inventory', payload: request(false), headers: engineer });
    expect(apply.json()).toEqual({
      statusCode: 403, code: 'INTERLOCK_FORBIDDEN',
      message: 'Not allowed: an inventory import that is not a dry run is refused: site:import needs one of the roles admin; erin holds engineer.',
    });
    expect(await snapshot(ctx.db, 'site')).toEqual(before);
    const admin = await ctx.app.inject({ method: 'POST', url: '/api/inventory', payload: request(false), headers: as(ctx.app, ['admin'], 'ada') });
    expect([admin.statusCode, admin.json().applied]).toEqual([200, true]);
    // The journal keeps what earlier test files wrote: the newest revision is asked for by number.
    const made = (await ctx.app.inject({ method: 'GET', url: '/api/revisions?limit=1&perRevision=0' })).json().head as number;
    const revisions = (await ctx.app.inject({ method: 'GET', url: `/api/revisions?since=${made - 1}&limit=1` })).json();
    expect(revisions.revisions[0]).toMatchObject({ number: made, action: 'import:merge', actor: 'ada' });
  });
});

describe('authorize: rules that depend on data', () => {
  const person = (id: string, roles: AppRole[]): Actor => ({ kind: 'user', id, username: id, displayName: id, roles, via: 'session' });
  const both = person('bo', ['safety-approver', 'security-approver']);

  it('the requester of a change never signs it', () => {
    expect(refusal(person('sam', ['safety-approver']), 'change:sign-safety', { requesterId: 'sam', signatures: [] })).toBe('the requester of a change never signs it');
    expect(refusal(person('sam', ['safety-approver']), 'change:sign-safety', { requesterId: 'rita', signatures: [] })).toBeUndefined();
  });

  it('one person never signs for both disciplines, whatever roles they hold', () => {
    expect(refusal(both, 'change:sign-security', { requesterId: 'rita', signatures: [{ userId: 'bo', discipline: 'safety' }] }))
      .toBe('one person never signs for both disciplines: you signed for safety');
    expect(refusal(both, 'change:sign-security', { requesterId: 'rita', signatures: [{ userId: 'sue', discipline: 'safety' }] })).toBeUndefined();
    expect(() => authorize(both, 'change:sign-safety', { requesterId: 'bo' })).toThrow('Not allowed: the requester of a change never signs it.');
  });

  it('a discipline is signed only by its approvers', () => {
    expect(refusal(person('sam', ['safety-approver']), 'change:sign-security', { requesterId: 'rita' }))
      .toBe('change:sign-security needs one of the roles security-approver; sam holds safety-approver');
  });

  it('a token is revoked by its owner or an admin only', () => {
    expect(refusal(person('eve', ['engineer']), 'tokens:revoke', { ownerId: 'bob' })).toBe('only its owner or an admin may revoke a token');
    expect(refusal(person('bob', ['viewer']), 'tokens:revoke', { ownerId: 'bob' })).toBeUndefined();
    expect(refusal(person('ada', ['admin']), 'tokens:revoke', { ownerId: 'bob' })).toBeUndefined();
  });
});
