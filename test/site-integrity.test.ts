// The graph's invariants: checked on demand, after imports and at start; while one is broken the
// what-if answers 503 with the reason (never an answer from a broken graph), health says so, and
// `npm run check` exits 2; a replace import repairs it.
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { runCliScript } from './helpers/cli.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);

/** Damage no API can do: what a bug, a hand edit in Neo4j Browser or a bad restore could leave. */
async function damage(): Promise<void> {
  const q = (cypher: string) => ctx.db.driver.executeQuery(cypher, {}, { database: ctx.db.database });
  await q("MATCH (a:Asset {id: 'hist'})-[r:IN_ZONE]->(z) CREATE (a)-[:IN_ZONE]->(z)");
  await q("MATCH (:Conduit {id: 'c-ctl-sis-b'})-[r:CONNECTS {end: 1}]->() DELETE r");
  await q("MATCH (r:FirewallRule {id: 'r-esd'}) SET r.srcLo = 1, r.srcHi = 2");
  await q("MATCH (f:Flow {id: 'f-hist'}) SET f.safetyRequired = true");
  await q("CREATE (:SiteEntity:FirewallRule {id: 'r-orphan', seq: 1, srcAsset: 'nowhere'})");
}

const impact = () => ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { change: { kind: 'patch', targets: ['fw-a'] } } });

describe('integrity', () => {
  it('a sound graph keeps every invariant', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health?deep=true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', neo4j: 'up', integrity: { ok: true, problems: [], total: 0 } });
  });

  it('a broken invariant is found and named; what-ifs refuse with 503 until a replace import repairs it', async () => {
    await damage();
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health?deep=true' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('graph-in-doubt');
    expect(health.json().integrity.problems).toEqual([
      { invariant: 'conduit-ends', id: 'c-ctl-sis-b', detail: 'connects 1 zone end(s): z-ctl' },
      { invariant: 'duplicate-relationships', id: 'hist', detail: 'IN_ZONE to z-ops stored 2 times' },
      { invariant: 'dangling-references', id: 'hist', detail: 'asset is IN_ZONE of 2 zones' },
      { invariant: 'dangling-references', id: 'r-orphan', detail: 'rule belongs to 0 conduits' },
      { invariant: 'dangling-references', id: 'r-orphan', detail: 'source asset nowhere does not exist' },
      { invariant: 'rule-ranges', id: 'r-esd', detail: "source range 1-2 is not hmi's 167903242-167903242" },
      { invariant: 'flow-safety', id: 'f-hist', detail: 'safetyRequired is true but should be false' },
    ]);

    const refused = await impact();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ code: 'INTERLOCK_GRAPH_IN_DOUBT', errors: expect.arrayContaining([{ path: 'graph.flow-safety', message: 'f-hist: safetyRequired is true but should be false' }]) });
    expect(refused.json().message).toMatch(/^The graph fails its integrity check \(7 problems at revision \d+, first: c-ctl-sis-b: connects 1 zone end\(s\): z-ctl\), so no answer is given from it\./);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    // Assurance answers fail closed too.
    for (const url of ['/api/assurance/report', '/api/assurance/frameworks', '/api/assurance/evidence']) {
      expect((await ctx.app.inject({ method: 'GET', url })).json(), url).toMatchObject({ statusCode: 503, code: 'INTERLOCK_GRAPH_IN_DOUBT' });
    }

    const cli = await runCliScript('check', '');
    expect(cli.code).toBe(2);
    expect(cli.stdout).toContain('The graph fails its integrity check');
    expect(cli.stdout).toContain('[rule-ranges] r-esd: source range 1-2');

    const repaired = await ctx.app.inject({ method: 'POST', url: '/api/import', payload: miniSite() });
    expect(repaired.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health?deep=true' })).json().integrity).toMatchObject({ ok: true, problems: [], total: 0 });
    expect((await impact()).statusCode).toBe(200);
  });
});
