// Writes of every kind fired at the same instant — edits, creates, deletes, merge and replace
// imports, with and without If-Match — must leave the graph exactly as some serial order of them
// would. The order is the one the site revisions record: each round replays the successful writes
// one by one, in revision order, on the same starting graph, and compares the graph (every site
// node, relationship and version), the journal, and the what-if answers.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { createRng } from '../server/generate/random.js';
import { build } from './helpers/app.js';
import { snapshot, wipe } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

let app: FastifyInstance;
let db: DbClient;
beforeAll(async () => ({ app, db } = await build()));
afterAll(async () => {
  await app.close();
  await db.close();
});

interface Op { name: string; method: 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object; headers?: Record<string, string> }

/** The starting site: the mini plant plus two assets nothing references, so deletes can succeed. */
function initial() {
  const site = miniSite();
  site.assets!.push(
    { id: 'spare-1', name: 'Spare workstation 1', type: 'workstation', zone: 'z-ctl', ip: '10.2.0.201' },
    { id: 'spare-2', name: 'Spare workstation 2', type: 'workstation', zone: 'z-ctl', ip: '10.2.0.202' },
  );
  return site;
}
const entity = <T extends { id: string }>(list: T[] | undefined, id: string) => structuredClone(list!.find((x) => x.id === id)!);

/** Every op changes something of its own (k makes each distinct), so each success is a revision. */
const OPS: Array<(k: number) => Op> = [
  (k) => ({ name: `rename z-ops ${k}`, method: 'PUT', url: '/api/zones/z-ops', payload: { ...entity(initial().zones, 'z-ops'), description: `edit ${k}` } }),
  (k) => ({ name: `rename z-ops if-match ${k}`, method: 'PUT', url: '/api/zones/z-ops', headers: { 'if-match': '"1"' }, payload: { ...entity(initial().zones, 'z-ops'), description: `guarded ${k}` } }),
  (k) => ({ name: `rename z-ctl ${k}`, method: 'PUT', url: '/api/zones/z-ctl', payload: { ...entity(initial().zones, 'z-ctl'), name: `Control ${k}` } }),
  (k) => ({ name: `move hist ${k}`, method: 'PUT', url: '/api/assets/hist', payload: { ...entity(initial().assets, 'hist'), ip: `10.3.0.${100 + (k % 100)}` } }),
  (k) => ({ name: `create hmi-x ${k}`, method: 'POST', url: '/api/assets', payload: { id: 'hmi-x', name: `Extra HMI ${k}`, type: 'hmi', zone: 'z-ctl', ip: `10.2.0.${50 + (k % 50)}` } }),
  (k) => ({ name: `create ews-${k}`, method: 'POST', url: '/api/assets', payload: { id: `ews-${k}`, name: `EWS ${k}`, type: 'ews', zone: 'z-ctl', ip: `10.2.0.${100 + (k % 50)}` } }),
  () => ({ name: 'delete spare-1', method: 'DELETE', url: '/api/assets/spare-1' }),
  () => ({ name: 'delete spare-1 if-match', method: 'DELETE', url: '/api/assets/spare-1', headers: { 'if-match': '"1"' } }),
  (k) => {
    const c = entity(initial().conduits, 'c-ctl-sis');
    c.rules = c.rules!.filter((r) => r.id !== 'r-status');
    c.description = `no status ${k}`;
    return { name: `drop r-status ${k}`, method: 'PUT', url: '/api/conduits/c-ctl-sis', payload: c };
  },
  (k) => ({
    name: `merge ${k}`, method: 'POST', url: '/api/import?mode=merge',
    payload: { zones: [{ ...entity(initial().zones, 'z-ctl'), description: `merged ${k}` }], assets: [{ ...entity(initial().assets, 'spare-2'), name: `Merged spare ${k}` }] },
  }),
  (k) => {
    const site = initial();
    site.zones!.find((z) => z.id === 'z-sis')!.description = `replaced ${k}`;
    site.assets = site.assets!.filter((a) => a.id !== 'spare-2');
    return { name: `replace ${k}`, method: 'POST', url: '/api/import?mode=replace', payload: site };
  },
];

const WHAT_IFS = [
  { change: { kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-esd'] } },
  { change: { kind: 'patch', targets: ['fw-a'], requiresReboot: true, downtimeMinutes: 10 } },
  { change: { kind: 'auth', appliesTo: { roles: ['role-operator'] }, mfa: { addedSeconds: 30 }, lockoutThreshold: 5 } },
];

async function send(op: Op) {
  const res = await app.inject({ method: op.method, url: op.url, ...(op.payload ? { payload: op.payload } : {}), headers: op.headers ?? {} });
  const revision = Number(res.headers['x-interlock-revision'] ?? (res.statusCode === 200 && op.url.startsWith('/api/import') ? res.json().revision : NaN));
  return { op, status: res.statusCode, revision };
}

async function fresh(): Promise<number> {
  await wipe(db);
  const res = await app.inject({ method: 'POST', url: '/api/import', payload: initial() });
  expect(res.statusCode).toBe(200);
  return res.json().revision as number;
}

/** What the graph is, for comparison: every site node and relationship, the journal, the what-ifs. */
async function state() {
  const journal = await app.inject({ method: 'GET', url: '/api/revisions?since=0&limit=100' });
  const whatIfs = await Promise.all(WHAT_IFS.map(async (payload) => (await app.inject({ method: 'POST', url: '/api/impact', payload })).json()));
  const revisions = (journal.json().revisions as Array<{ action: string; changes: unknown[]; summary: string }>)
    .map((r) => ({ action: r.action, summary: r.summary, changes: r.changes }));
  return { graph: await snapshot(db, 'site'), revisions, whatIfs };
}



describe('concurrent writes', () => {
  it('two writers from the same version: exactly one succeeds, the other gets 412 with the current version', async () => {
    await fresh();
    const [a, b] = await Promise.all([0, 1].map((k) => send(OPS[1]!(k))));
    expect([a!.status, b!.status].sort()).toEqual([200, 412]);
    const refused = a!.status === 412 ? a! : b!;
    const again = await app.inject({ method: 'PUT', url: '/api/zones/z-ops', headers: { 'if-match': '"1"' }, payload: refused.op.payload! });
    expect(again.statusCode).toBe(412);
    expect(again.headers.etag).toBe('"2"');
    expect(again.json()).toMatchObject({ code: 'INTERLOCK_PRECONDITION_FAILED', errors: [{ path: 'headers.if-match', message: 'the current version is 2' }] });
  });

  it('any mix at the same instant equals the serial replay of its successes in revision order (25 rounds)', async () => {
    const rng = createRng(20261127);
    const random = () => rng.next();
    for (let round = 0; round < 25; round++) {
      const start = await fresh();
      const ops = OPS.map((make, k) => ({ make, k })).filter(() => random() < 0.6).map(({ make, k }) => make(round * 20 + k));
      const results = await Promise.all(ops.map(send));
      for (const r of results) expect([200, 201, 204, 404, 409, 412], `${r.op.name} answered ${r.status}`).toContain(r.status);
      const done = results.filter((r) => r.status < 300).sort((x, y) => x.revision - y.revision);
      // Every success is one revision, one after another: nothing ran interleaved.
      expect(done.map((r) => r.revision), `round ${round}: ${results.map((r) => `${r.op.name}=${r.status}@${r.revision}`).join(', ')}`).toEqual(done.map((_, i) => start + 1 + i));
      const concurrent = await state();

      await fresh();
      for (const r of done) expect((await send(r.op)).status, `replaying ${r.op.name}`).toBe(r.status);
      expect(await state(), `round ${round}: ${done.map((r) => r.op.name).join(', ')}`).toEqual(concurrent);
    }
    // 25 rounds of wipes, imports and concurrent writes, each write also appending to the audit
    // chain: 27 s on a quiet machine, over 60 s while other test runs shared its two cores.
  }, 240_000);
});
