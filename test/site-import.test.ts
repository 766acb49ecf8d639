import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { SiteDocument } from '../server/model/site-schema.js';
import { canonicalSite } from '../server/site/canonical.js';
import { applySchema } from '../server/db/schema.js';
import { exportSite } from '../server/site/export-site.js';
import { importSite, SiteValidationError } from '../server/site/import-site.js';
import { miniSite } from './helpers/mini-site.js';
import { loadSite, snapshot, testDb } from './helpers/db.js';

let db: DbClient;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => db.close());

describe('schema', () => {
  it('can be applied twice without error and creates a constraint per site label, and those of Interlock\'s own data', async () => {
    await applySchema(db);
    await applySchema(db);
    const res = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes[0] AS label ORDER BY label', {}, { database: db.database });
    expect(res.records.map((r) => r.get('label'))).toEqual([
      'ApiToken', 'ApiToken', 'AppSession', 'AppUser', 'AppUser', 'AppUser', 'Asset', 'AuditEntry', 'AuditHead',
      'ChangeRequest', 'Conduit', 'Control', 'Evidence', 'FirewallRule', 'Flow', 'Framework', 'Procedure', 'Requirement', 'Revision', 'RevisionHead',
      'Risk', 'Role', 'SIF', 'SignInThrottle', 'Site', 'SiteEntity', 'Zone',
    ]);
  });
});

describe('import and export', () => {
  it('round-trips the mini site losslessly', async () => {
    await loadSite(db, miniSite());
    const exported = await exportSite(db);
    expect(exported).toEqual(canonicalSite(SiteDocument.parse(miniSite())));
    await loadSite(db, exported);
    expect(await exportSite(db)).toEqual(exported);
  });

  it('stores addresses and rule endpoints as integer ranges', async () => {
    await loadSite(db, miniSite());
    const res = await db.driver.executeQuery(
      `MATCH (r:FirewallRule {id: 'r-ntp'}) MATCH (a:Asset {id: 'ls1'}) MATCH (z:Zone {id: 'z-sis'})
       RETURN r.srcLo AS srcLo, r.srcHi AS srcHi, r.dstLo AS dstLo, r.dstHi AS dstHi, r.portLo AS portLo, r.portHi AS portHi,
              a.ipInt AS ip, z.cidrLo AS zLo, z.cidrHi AS zHi`, {}, { database: db.database });
    const row = res.records[0]!.toObject();
    const n = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    expect(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))).toEqual({
      srcLo: n('10.3.0.5'), srcHi: n('10.3.0.5'), dstLo: n('10.1.0.0'), dstHi: n('10.1.0.255'),
      portLo: 123, portHi: 123, ip: n('10.1.0.10'), zLo: n('10.1.0.0'), zHi: n('10.1.0.255'),
    });
  });

  it('asks Neo4j to sample its indexes again after an import that changed the graph, not after one that changed nothing', async () => {
    const site = miniSite() as { zones: Array<{ name: string }> };
    site.zones[0]!.name = `${site.zones[0]!.name} (renamed)`;
    const ran: string[] = [];
    db.queryTimer = (name) => ran.push(name);
    await loadSite(db, site);
    const changed = ran.filter((q) => q === 'site/resample-index-statistics').length;
    ran.length = 0;
    await loadSite(db, site);
    db.queryTimer = undefined;
    expect([changed, ran.filter((q) => q === 'site/resample-index-statistics').length]).toEqual([1, 0]);
  });

  it('merge mode adds to the stored site and references stored entities', async () => {
    await loadSite(db, miniSite());
    const result = await importSite(db, {
      assets: [{ id: 'hmi-2', name: 'Second HMI', type: 'hmi', zone: 'z-ctl', ip: '10.2.0.12' }],
    }, 'merge', { actor: 'test' });
    expect(result).toMatchObject({ counts: { assets: 1 }, changed: { created: 1, updated: 0, deleted: 0, unchanged: 0 } });
    const site = await exportSite(db);
    expect(site.assets.find((a) => a.id === 'hmi-2')?.zone).toBe('z-ctl');
    expect(site.flows).toHaveLength(5);
  });

  it('names a stored entity a merge would break by its id, changing nothing', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    const narrowed = { ...miniSite().zones!.find((z) => z.id === 'z-sis')!, cidr: '10.1.0.0/29' };
    const attempt = importSite(db, { zones: [narrowed] }, 'merge', { actor: 'test' });
    await expect(attempt).rejects.toMatchObject({
      errors: [
        { path: 'assets[id=ls1].ip', message: '(stored entity) IP 10.1.0.10 is outside its zone "z-sis" (10.1.0.0/29).' },
        { path: 'assets[id=sis-ews].ip', message: '(stored entity) IP 10.1.0.20 is outside its zone "z-sis" (10.1.0.0/29).' },
      ],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects a merge whose reference does not resolve against the stored site, changing nothing', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    const attempt = importSite(db, { assets: [{ id: 'x', name: 'X', type: 'hmi', zone: 'z-nowhere' }] }, 'merge', { actor: 'test' });
    await expect(attempt).rejects.toBeInstanceOf(SiteValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ path: 'assets[0].zone', message: 'zone "z-nowhere" does not exist.' }] });
    expect(await snapshot(db)).toEqual(before);
  });
});
