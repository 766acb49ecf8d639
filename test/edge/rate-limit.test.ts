// Request budgets per route and client address: over budget is 429 with Retry-After and the
// stable error body, and a refused request changes nothing. Budgets are scaled down (×0.1) so the
// test stays small: reads 60, what-ifs and edits 12, imports 1 a minute, sign-in 1 in 15 minutes.
import { describe, expect, it } from 'vitest';
import { budgetOf, RATE_BUDGETS } from '../../server/plugins/rate-limit.js';
import { snapshot } from '../helpers/db.js';
import { useEdgeApp } from './edge-app.js';

const ctx = useEdgeApp({ rateLimitScale: 0.1, pressure: false }, (app) => {
  // How the sign-in route (routes/auth.ts) declares its own, strict budget (outside /api, which
  // takes only the permission table's routes).
  app.post('/test-sign-in', { config: { rateBudget: 'sign-in' } }, async () => ({ ok: true }));
});

describe('rate limit', () => {
  it('gives each route the budget of its kind', () => {
    expect(budgetOf('GET', '/api/zones')).toBe('read');
    expect(budgetOf('HEAD', '/api/graph/topology')).toBe('read');
    expect(budgetOf('POST', '/api/impact')).toBe('what-if');
    expect(budgetOf('POST', '/api/explain/flow')).toBe('what-if');
    expect(budgetOf('POST', '/api/zones')).toBe('write');
    expect(budgetOf('PUT', '/api/zones/:id')).toBe('write');
    expect(budgetOf('DELETE', '/api/assets/:id')).toBe('write');
    for (const url of ['/api/import', '/api/inventory', '/api/advisories', '/api/traffic', '/api/conduits/:id/import-firewall']) expect(budgetOf('POST', url)).toBe('import');
    expect(Object.fromEntries(Object.entries(RATE_BUDGETS).map(([k, b]) => [k, `${b.max}/${b.minutes} min`]))).toEqual({
      read: '600/1 min', 'what-if': '120/1 min', write: '120/1 min', import: '10/1 min', 'sign-in': '10/15 min',
    });
  });

  it('answers an import over budget 429 with Retry-After and the stable body, and writes nothing', async () => {
    const first = await ctx.app.inject({ method: 'POST', url: '/api/import', payload: { zones: 5 } });
    expect(first.statusCode).toBe(400);
    expect(first.headers['x-ratelimit-limit']).toBe('1');
    const before = await snapshot(ctx.db);
    const second = await ctx.app.inject({ method: 'POST', url: '/api/import', payload: { zones: [] } });
    expect(second.statusCode).toBe(429);
    const retryAfter = Number(second.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(second.json()).toEqual({
      statusCode: 429, code: 'INTERLOCK_RATE_LIMITED',
      message: `Too many requests to POST /api/import: at most 1 in a minute from one address. Try again in ${retryAfter} s.`,
    });
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('counts each route on its own: reads still pass while imports are refused', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones' })).statusCode).toBe(200);
  });

  it('keeps reads to their budget (60 here, 600 a minute in production)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await ctx.app.inject({ method: 'GET', url: '/api/sifs' })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('what-ifs have their own, tighter budget (12 here)', async () => {
    const change = { change: { kind: 'patch', targets: ['hmi'] } };
    const statuses: number[] = [];
    for (let i = 0; i < 13; i += 1) statuses.push((await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: change })).statusCode);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses[12]).toBe(429);
  });

  it('a route can declare a strict budget of its own (sign-in: 1 in 15 minutes here)', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/test-sign-in' })).statusCode).toBe(200);
    const refused = await ctx.app.inject({ method: 'POST', url: '/test-sign-in' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/^Too many requests to POST \/test-sign-in: at most 1 in 15 minutes from one address\. Try again in \d+ s\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
  });
});
