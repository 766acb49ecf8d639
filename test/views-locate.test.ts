// POST /api/graph/locate on the reference plant: the zone each asset sits in, so the explorer can
// light up a summarised zone in place of the path members it hides.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { query } from '../server/db/query-catalog.js';
import { useApp } from './helpers/app.js';

const ctx = useApp(() => parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8')));

const locate = async (body: unknown) => {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/graph/locate', payload: body as object });
  return { status: res.statusCode, body: res.json() };
};
const badRequest = (path: string, message: string) => ({
  status: 400,
  body: { statusCode: 400, code: 'INTERLOCK_BAD_REQUEST', message: `Invalid body: ${path}: ${message}`, errors: [{ path, message }] },
});

describe('POST /api/graph/locate', () => {
  it('maps each asset to its zone and a zone to itself', async () => {
    expect(await locate({ ids: ['sis-ls-02', 'dcs-ctl-03', 'fw-sis-a', 'pt-1001a', 'z-sis'] })).toEqual({
      status: 200,
      body: { zones: { 'sis-ls-02': 'z-sis', 'dcs-ctl-03': 'z-ctl', 'fw-sis-a': 'z-sis', 'pt-1001a': 'z-field', 'z-sis': 'z-sis' } },
    });
  });

  it('leaves out unknown ids and ids that are not assets or zones, and answers once for a repeated id', async () => {
    expect(await locate({ ids: ['nope', 'sif-101', 'f-sis02-dcs03-status', 'c-ctl-sis-a', 'hmi-01', 'hmi-01'] })).toEqual({
      status: 200, body: { zones: { 'hmi-01': 'z-ctl' } },
    });
    expect(await locate({ ids: ['nope'] })).toEqual({ status: 200, body: { zones: {} } });
  });

  it('answers 400 naming the field for an empty, too long or malformed list', async () => {
    expect(await locate({ ids: [] })).toEqual(badRequest('body.ids', 'list at least one id'));
    expect(await locate({ ids: Array.from({ length: 2001 }, (_, i) => `a-${i}`) })).toEqual(badRequest('body.ids', 'list at most 2,000 ids'));
    expect(await locate({ ids: ['sis-ls-02', 'bad id!'] }))
      .toEqual(badRequest('body.ids.1', 'must be 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit'));
    expect(await locate({})).toEqual(badRequest('body.ids', 'Invalid input: expected array, received undefined'));
  });

  it('is documented in the OpenAPI document with its body and answer', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/api/graph/locate'].post;
    expect(op.summary).toBe('The zone each of a list of assets sits in');
    expect(op.requestBody.content['application/json'].schema.properties.ids).toMatchObject({ type: 'array', minItems: 1, maxItems: 2000 });
    // Its own answers, sign-in's (401, 403), and those the edge can give any route with a body (plugins/edge-responses.ts).
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '413', '415', '421', '429', '503']);
  });

  it('finds each id by an index seek, not a label scan', async () => {
    // Planned afresh for this graph: each test file starts from an empty database, and statistics
    // sampled then would make a few zones look cheaper to scan — the import samples them again.
    const { summary } = await ctx.db.driver.executeQuery(`CYPHER replan=force EXPLAIN ${query('views/locate').text}`, { ids: ['x'] }, { database: ctx.db.database });
    interface Plan { operatorType: string; children: Plan[] }
    const operators = (p: Plan): string[] => [p.operatorType.split('@')[0]!, ...p.children.flatMap(operators)];
    const ops = operators(summary.plan as unknown as Plan);
    expect(ops.filter((o) => o.endsWith('IndexSeek'))).toEqual(['NodeUniqueIndexSeek', 'NodeUniqueIndexSeek']);
    expect(ops.filter((o) => o.includes('Scan'))).toEqual([]);
  });
});
