// The statuses cache (server/assurance/status-cache.ts) against the graph itself: after every kind
// of write — an assessment, an evidence revision, an evidence item's supports changed, a control
// created, an import, an emptied database, writes at the same instant as reads — the cached
// statuses equal those read afresh, and the cache read only what the journal said had changed.
import { describe, expect, it } from 'vitest';
import { readStatuses, type Statuses } from '../server/assurance/baseline.js';
import { statusCacheOf } from '../server/assurance/status-cache.js';
import { readOne } from '../server/site/read-entities.js';
import { createEntity, updateEntity } from '../server/site/site-edits.js';
import type { Doc } from '../server/site/stored.js';
import { importSite } from '../server/site/import-site.js';
import { useApp } from './helpers/app.js';
import { siteDocumentOf } from './helpers/assurance-graph.js';
import { AS_OF, site } from './helpers/assurance-site.js';
import { loadSite, wipe } from './helpers/db.js';

const ctx = useApp(() => siteDocumentOf(site));
const actor = { actor: 'test' };
const plain = (s: Statuses) => ({ effective: Object.entries(s.effective).sort(), maturity: [...s.maturity].sort() });

/** The cache's answer, checked against a fresh read; the queries the cache ran to give it. */
async function cachedAgrees(label: string): Promise<string[]> {
  const queries: string[] = [];
  ctx.db.queryTimer = (name) => queries.push(name);
  const cached = await ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF));
  ctx.db.queryTimer = undefined;
  const fresh = await ctx.db.readTx((tx) => readStatuses(tx, AS_OF));
  expect(plain(cached), label).toEqual(plain(fresh));
  return queries;
}

async function assess(control: string, domain: 'IT' | 'OT', status: string, maturity: number) {
  const read = await ctx.app.inject({ method: 'GET', url: `/api/assurance/controls/${control}?asOf=${AS_OF}` });
  const res = await ctx.app.inject({
    method: 'PUT', url: `/api/assurance/controls/${control}/assessments/${domain}`, headers: { 'if-match': read.headers.etag as string },
    payload: { status, maturity, assessor: 'T. Tester', assessedOn: AS_OF },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const RECOMPUTE = ['journal/head', 'assurance/status-changes-since', 'assurance/control-effective'];

describe('the statuses cache', () => {
  it('reads everything once, then nothing while nothing changes', async () => {
    expect(await cachedAgrees('first read')).toEqual(['journal/head', 'assurance/control-effective']);
    expect(await cachedAgrees('unchanged')).toEqual(['journal/head']);
  });

  it('after an assessment, reads that control again and nothing else', async () => {
    const before = (await ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF))).effective['c-c|IT'];
    await assess('c-c', 'IT', 'implemented', 3);
    expect(await cachedAgrees('assessed c-c')).toEqual(RECOMPUTE);
    // ev-absent (c-c's only evidence) has no revision: implemented without current evidence is partial.
    expect([before, (await ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF))).effective['c-c|IT']]).toEqual(['planned', 'partial']);
  });

  it('follows an evidence revision to the controls it supports', async () => {
    const read = await ctx.app.inject({ method: 'GET', url: `/api/assurance/evidence/ev-expired?asOf=${AS_OF}` });
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/assurance/evidence/ev-expired/revisions', headers: { 'if-match': read.headers.etag as string },
      payload: { collectedOn: '2026-06-15', sha256: 'b'.repeat(64), addedBy: 'tester' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await cachedAgrees('ev-expired collected again')).toEqual(RECOMPUTE);
    expect((await ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF))).effective['c-b|IT']).toBe('implemented');
  });

  it('follows an evidence item that stops supporting one control and starts supporting another', async () => {
    const { doc, version } = await readOne(ctx.db, 'evidence', 'ev-31');
    await updateEntity(ctx.db, 'evidence', 'ev-31', { ...doc, supports: ['c-a'] } as unknown as Doc, { ...actor, ifMatch: version });
    expect(await cachedAgrees('ev-31 moved from c-e to c-a')).toEqual(RECOMPUTE);
  });

  it('adds a control created since, and keeps up over several writes at once', async () => {
    await createEntity(ctx.db, 'controls', { id: 'c-new', name: 'c-new', domain: 'BOTH', category: 'test', satisfies: ['it-1'], assessment: { OT: { status: 'implemented', maturity: 2, assessor: 'T', assessedOn: AS_OF } } } as unknown as Doc, actor);
    await assess('c-k', 'OT', 'partial', 1);
    expect(await cachedAgrees('c-new created and c-k assessed')).toEqual(RECOMPUTE);
  });

  it('reads everything again after an import, whose journal need not itemise what it rewrote', async () => {
    const doc = siteDocumentOf(site);
    await importSite(ctx.db, { ...doc, controls: doc.controls!.map((c) => (c.id === 'c-a' ? { ...c, assessment: {} } : c)) }, 'merge', actor);
    expect(await cachedAgrees('merge import')).toEqual(['journal/head', 'assurance/status-changes-since', 'assurance/control-effective']);
    expect((await ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF))).effective['c-a|IT']).toBe('not-implemented');
  });

  it('is not fooled by an emptied database whose revisions count up again to the same number', async () => {
    const revision = (await ctx.db.read('journal/head'))[0]!.revision as number;
    await wipe(ctx.db);
    await loadSite(ctx.db, siteDocumentOf(site));
    for (let i = 0; ((await ctx.db.read('journal/head'))[0]!.revision as number) < revision; i++) await assess('c-d', 'OT', i % 2 ? 'partial' : 'planned', 1);
    expect(await cachedAgrees('a new epoch at the same revision')).toEqual(['journal/head', 'assurance/control-effective']);
  });

  it('is not fooled by a database restored from a backup, whose revision of that number is another write', async () => {
    await cachedAgrees('before the restore');
    // As a restore would leave it: the same epoch and revision number, another write behind it.
    await ctx.db.driver.executeQuery(
      `MATCH (h:RevisionHead {id: 'site'}) MATCH (r:Revision {number: h.revision}) SET r.at = '2020-01-01T00:00:00.000Z'
       WITH 1 AS one MATCH (c:Control {id: 'c-j'}) SET c.otStatus = 'planned'`, {}, { database: ctx.db.database });
    expect(await cachedAgrees('after the restore')).toEqual(['journal/head', 'assurance/control-effective']);
  });

  it('stays right when assessments and reads run at the same instant', async () => {
    const writes = ['c-a', 'c-b', 'c-c', 'c-e', 'c-f', 'c-g', 'c-l'].map((id, i) => assess(id, 'IT', i % 2 ? 'implemented' : 'partial', 1 + (i % 4)));
    const reads = Array.from({ length: 7 }, () => ctx.db.readTx((tx) => statusCacheOf(ctx.db).statuses(tx, AS_OF)));
    await Promise.all([...writes, ...reads]);
    const queries = await cachedAgrees('after concurrent writes');
    expect(queries[0]).toBe('journal/head');
  });
});
