// Versions, ETags and If-Match on single entities; the change journal; what a replace import
// leaves alone; and the limits that keep a request from costing unbounded work.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { build, TEST_ADMIN } from './helpers/app.js';
import { snapshot, wipe } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

let app: FastifyInstance;
let db: DbClient;
beforeAll(async () => ({ app, db } = await build()));
beforeEach(async () => {
  await wipe(db);
  expect((await app.inject({ method: 'POST', url: '/api/import', payload: miniSite() })).statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const zOps = () => structuredClone(miniSite().zones!.find((z) => z.id === 'z-ops')!);
const put = (url: string, payload: object, ifMatch?: string) =>
  app.inject({ method: 'PUT', url, payload, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
const revisions = async (since = 0) => (await app.inject({ method: 'GET', url: `/api/revisions?since=${since}` })).json();

describe('versions and If-Match', () => {
  it('GET carries the version as ETag; a matching If-Match writes and moves it on; a stale one gets 412 and changes nothing', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/zones/z-ops' });
    expect(read.headers.etag).toBe('"1"');
    const first = await put('/api/zones/z-ops', { ...zOps(), description: 'first' }, '"1"');
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({ etag: '"2"', 'x-interlock-revision': '2' });
    expect(first.json().description).toBe('first');

    const before = await snapshot(db);
    const stale = await put('/api/zones/z-ops', { ...zOps(), description: 'second' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toEqual({
      statusCode: 412, code: 'INTERLOCK_PRECONDITION_FAILED',
      message: 'zone "z-ops" is at version 2, not 1: it was changed since you read it. Read it again, redo your edit on it, and send If-Match: "2".',
      errors: [{ path: 'headers.if-match', message: 'the current version is 2' }],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('without If-Match (or with *) a write applies to whatever is current; the same document again changes nothing', async () => {
    expect((await put('/api/zones/z-ops', { ...zOps(), description: 'a' })).headers.etag).toBe('"2"');
    expect((await put('/api/zones/z-ops', { ...zOps(), description: 'b' }, '*')).headers.etag).toBe('"3"');
    const same = await put('/api/zones/z-ops', { ...zOps(), description: 'b' }, '"3"');
    expect(same.statusCode).toBe(200);
    expect(same.headers).toMatchObject({ etag: '"3"', 'x-interlock-revision': '3' });
    expect((await revisions()).head).toBe(3);
  });

  it('DELETE honours If-Match; a malformed or weak If-Match is a 400 naming the header', async () => {
    const spare = { id: 'spare', name: 'Spare', type: 'workstation', zone: 'z-ctl', ip: '10.2.0.99' };
    expect((await app.inject({ method: 'POST', url: '/api/assets', payload: spare })).headers.etag).toBe('"1"');
    expect((await put('/api/assets/spare', { ...spare, name: 'Spare 2' })).headers.etag).toBe('"2"');
    const stale = await app.inject({ method: 'DELETE', url: '/api/assets/spare', headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    // A bare version number is read as its tag (some clients drop the quotes): stale here, so 412.
    expect((await app.inject({ method: 'DELETE', url: '/api/assets/spare', headers: { 'if-match': '1' } })).statusCode).toBe(412);
    for (const bad of ['"1', 'W/"2"', '"2", "3"']) {
      const res = await app.inject({ method: 'DELETE', url: '/api/assets/spare', headers: { 'if-match': bad } });
      expect(res.json(), bad).toEqual({
        statusCode: 400, code: 'INTERLOCK_BAD_REQUEST',
        message: 'Invalid headers: headers.if-match: must be one ETag such as "3" (as returned by GET), or *',
        errors: [{ path: 'headers.if-match', message: 'must be one ETag such as "3" (as returned by GET), or *' }],
      });
    }
    expect((await app.inject({ method: 'DELETE', url: '/api/assets/spare', headers: { 'if-match': '"2"' } })).statusCode).toBe(204);
  });

  it('an edit that re-derives other entities (an asset\'s new IP in its rules) versions only the edited entity', async () => {
    const ls1 = structuredClone(miniSite().assets!.find((a) => a.id === 'ls1')!);
    expect((await put('/api/assets/ls1', { ...ls1, ip: '10.1.0.11' })).statusCode).toBe(200);
    const conduit = await app.inject({ method: 'GET', url: '/api/conduits/c-ctl-sis' });
    expect(conduit.headers.etag).toBe('"1"');
    const explained = await app.inject({ method: 'POST', url: '/api/explain/flow', payload: { flow: 'f-esd' } });
    expect(explained.json()).toMatchObject({ allowedBefore: true, allowedAfter: true, crossings: [{ before: { rule: 'r-esd', action: 'allow' } }] });
  });
});

describe('the change journal', () => {
  it('records each write, naming who wrote it, with only the changed fields, creates and deletes whole', async () => {
    await put('/api/zones/z-ops', { ...zOps(), name: 'Operations', description: 'renamed' });
    const spare = { id: 'spare', name: 'Spare', type: 'workstation', zone: 'z-ctl' };
    await app.inject({ method: 'POST', url: '/api/assets', payload: spare });
    await app.inject({ method: 'DELETE', url: '/api/assets/spare' });
    const { head, revisions: list } = await revisions(1);
    expect(head).toBe(4);
    expect(list.map((r: { number: number; action: string; actor: string; changeCount: number; at: string }) =>
      ({ number: r.number, action: r.action, actor: r.actor, changeCount: r.changeCount, at: /^\d{4}-\d\d-\d\dT/.test(r.at) }))).toEqual([
      { number: 2, action: 'update', actor: TEST_ADMIN, changeCount: 1, at: true },
      { number: 3, action: 'create', actor: TEST_ADMIN, changeCount: 1, at: true },
      { number: 4, action: 'delete', actor: TEST_ADMIN, changeCount: 1, at: true },
    ]);
    const stored = { ...spare, manned: false };
    expect(list.map((r: { changes: unknown[] }) => r.changes)).toEqual([
      [{ seq: 0, collection: 'zones', entity: 'z-ops', op: 'update', before: { name: 'Site operations' }, after: { name: 'Operations', description: 'renamed' } }],
      [{ seq: 0, collection: 'assets', entity: 'spare', op: 'create', before: null, after: stored }],
      [{ seq: 0, collection: 'assets', entity: 'spare', op: 'delete', before: stored, after: null }],
    ]);
  });

  it('a replace import journals what it changed, entity by entity, and an identical one makes no revision', async () => {
    const site = miniSite();
    site.zones = site.zones!.filter((z) => z.id !== 'z-field');
    site.assets = site.assets!.filter((a) => a.zone !== 'z-field');
    site.sifs = [];
    site.procedures![0]!.backsUp = [];
    site.assets!.find((a) => a.id === 'hist')!.name = 'Historian';
    const res = await app.inject({ method: 'POST', url: '/api/import', payload: site });
    expect(res.json()).toMatchObject({ revision: 2, changed: { created: 0, updated: 2, deleted: 10, unchanged: 28 } });
    const changes = (await revisions(1)).revisions[0].changes as Array<{ entity: string; op: string }>;
    expect(changes.map((c) => `${c.op} ${c.entity}`).sort()).toEqual([
      'delete lt1', 'delete pt1', 'delete pt2', 'delete pt3', 'delete sif-hp', 'delete sif-ll', 'delete xv1', 'delete xv2', 'delete xv3', 'delete z-field',
      'update hist', 'update proc-esd',
    ]);
    const again = await app.inject({ method: 'POST', url: '/api/import', payload: site });
    expect(again.json()).toMatchObject({ revision: 2, nodes: 0, relationships: 0, changed: { created: 0, updated: 0, deleted: 0, unchanged: 30 } });
    expect((await revisions()).head).toBe(2);
  });

  it('pages through one revision\'s changes, and 404s a revision that does not exist', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/revisions/1/changes?offset=38&limit=5' });
    expect(page.json().map((c: { seq: number }) => c.seq)).toEqual([38, 39, 40]);
    const missing = await app.inject({ method: 'GET', url: '/api/revisions/9/changes' });
    expect(missing.json()).toMatchObject({ statusCode: 404, message: 'revision "9" does not exist.' });
  });

  it('a replace import leaves Interlock\'s own data (the journal) alone, and export never shows it', async () => {
    await put('/api/zones/z-ops', { ...zOps(), description: 'kept in the journal' });
    await app.inject({ method: 'POST', url: '/api/import', payload: { zones: [] } });
    const { revisions: list } = await revisions();
    expect(list.map((r: { action: string }) => r.action)).toEqual(['import:replace', 'update', 'import:replace']);
    expect(list[1].changes[0].after).toEqual({ description: 'kept in the journal' });
    const exported = (await app.inject({ method: 'GET', url: '/api/export' })).json();
    expect(Object.keys(exported).sort()).toEqual(['assets', 'conduits', 'controls', 'evidence', 'flows', 'frameworks', 'mappings', 'procedures', 'profiles', 'requirements', 'risks', 'roles', 'sifs', 'zones']);
  });
});

describe('valid data that once answered 500 or 414', () => {
  it('a zone holding an asset without an IP answers 200, the asset without an ip field', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/zones/z-field' });
    expect(res.statusCode).toBe(200);
    expect(res.json().assets[0]).toEqual({ id: 'lt1', name: 'Level transmitter', type: 'sensor' });
  });

  it('an entity with a 128-character id can be created, read, edited and deleted', async () => {
    const id = `a${'x'.repeat(127)}`;
    const asset = { id, name: 'Long id', type: 'workstation', zone: 'z-ctl' };
    expect((await app.inject({ method: 'POST', url: '/api/assets', payload: asset })).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: `/api/assets/${id}` })).statusCode).toBe(200);
    expect((await put(`/api/assets/${id}`, { ...asset, name: 'Renamed' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/assets/${id}` })).statusCode).toBe(204);
  });
});

describe('bounded work', () => {
  it('an import with 400,000 problems lists the first 1,000 and says how many there are, without holding them all', async () => {
    const before = await snapshot(db);
    const res = await app.inject({ method: 'POST', url: '/api/import', payload: { assets: Array.from({ length: 100_000 }, () => ({})) } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toBe('The site document has 400,000 problems; the first 1000 are listed.');
    expect(body.errors).toHaveLength(1000);
    expect(body.errors[0]).toEqual({ path: 'assets[0].id', message: 'Invalid input: expected string, received undefined' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('every route but a site import refuses a body over 1 MB (413)', async () => {
    const big = { change: { kind: 'patch', targets: ['hmi'], note: 'x'.repeat(1_100_000) } };
    const res = await app.inject({ method: 'POST', url: '/api/impact', payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, code: 'INTERLOCK_BODY_TOO_LARGE' });
  });
});
