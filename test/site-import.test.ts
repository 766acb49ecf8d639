import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../server/db/graph.js';
import { SiteDocument } from '../server/model/site-schema.js';
import { canonicalSite } from '../server/site/canonical.js';
import { applySchema, exportSite, importSite, SiteValidationError } from '../server/site/site-store.js';
import { miniSite } from './helpers/mini-site.js';
import { loadSite, snapshot, testGraph } from './helpers/graph.js';

let graph: Graph;
beforeAll(async () => {
  graph = await testGraph();
});
afterAll(async () => graph.close());

describe('schema', () => {
  it('can be applied twice without error and creates a constraint per label', async () => {
    await applySchema(graph);
    await applySchema(graph);
    const res = await graph.driver.executeQuery('SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes[0] AS label ORDER BY label', {}, { database: graph.database });
    expect(res.records.map((r) => r.get('label'))).toEqual([
      'Asset', 'Conduit', 'Control', 'Evidence', 'FirewallRule', 'Flow', 'Framework', 'Procedure', 'Requirement', 'Risk', 'Role', 'SIF', 'Site', 'Zone',
    ]);
  });
});

describe('import and export', () => {
  it('round-trips the mini site losslessly', async () => {
    await loadSite(graph, miniSite());
    const exported = await exportSite(graph);
    expect(exported).toEqual(canonicalSite(SiteDocument.parse(miniSite())));
    await loadSite(graph, exported);
    expect(await exportSite(graph)).toEqual(exported);
  });

  it('stores addresses and rule endpoints as integer ranges', async () => {
    await loadSite(graph, miniSite());
    const res = await graph.driver.executeQuery(
      `MATCH (r:FirewallRule {id: 'r-ntp'}) MATCH (a:Asset {id: 'ls1'}) MATCH (z:Zone {id: 'z-sis'})
       RETURN r.srcLo AS srcLo, r.srcHi AS srcHi, r.dstLo AS dstLo, r.dstHi AS dstHi, r.portLo AS portLo, r.portHi AS portHi,
              a.ipInt AS ip, z.cidrLo AS zLo, z.cidrHi AS zHi`, {}, { database: graph.database });
    const row = res.records[0]!.toObject();
    const n = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    expect(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))).toEqual({
      srcLo: n('10.3.0.5'), srcHi: n('10.3.0.5'), dstLo: n('10.1.0.0'), dstHi: n('10.1.0.255'),
      portLo: 123, portHi: 123, ip: n('10.1.0.10'), zLo: n('10.1.0.0'), zHi: n('10.1.0.255'),
    });
  });

  it('merge mode adds to the stored site and references stored entities', async () => {
    await loadSite(graph, miniSite());
    const result = await importSite(graph, {
      assets: [{ id: 'hmi-2', name: 'Second HMI', type: 'hmi', zone: 'z-ctl', ip: '10.2.0.12' }],
    }, 'merge');
    expect(result.counts.assets).toBe(19);
    const site = await exportSite(graph);
    expect(site.assets.find((a) => a.id === 'hmi-2')?.zone).toBe('z-ctl');
    expect(site.flows).toHaveLength(5);
  });

  it('names a stored entity a merge would break by its id, changing nothing', async () => {
    await loadSite(graph, miniSite());
    const before = await snapshot(graph);
    const narrowed = { ...miniSite().zones!.find((z) => z.id === 'z-sis')!, cidr: '10.1.0.0/29' };
    const attempt = importSite(graph, { zones: [narrowed] }, 'merge');
    await expect(attempt).rejects.toMatchObject({
      errors: [
        { path: 'assets[id=ls1].ip', message: '(stored entity) IP 10.1.0.10 is outside its zone "z-sis" (10.1.0.0/29).' },
        { path: 'assets[id=sis-ews].ip', message: '(stored entity) IP 10.1.0.20 is outside its zone "z-sis" (10.1.0.0/29).' },
      ],
    });
    expect(await snapshot(graph)).toEqual(before);
  });

  it('rejects a merge whose reference does not resolve against the stored site, changing nothing', async () => {
    await loadSite(graph, miniSite());
    const before = await snapshot(graph);
    const attempt = importSite(graph, { assets: [{ id: 'x', name: 'X', type: 'hmi', zone: 'z-nowhere' }] }, 'merge');
    await expect(attempt).rejects.toBeInstanceOf(SiteValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ path: 'assets[0].zone', message: 'zone "z-nowhere" does not exist.' }] });
    expect(await snapshot(graph)).toEqual(before);
  });
});
