// The meeting pack as PDF, rendered by headless Chromium from the explorer's own pack page (the
// built client), converted back to text with pdftotext: it holds the agenda, the signatures with
// names and meanings, and the audit chain head as it stood.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, DEFAULT_CLIENT_DIR } from '../../server/app.js';
import type { DbClient } from '../../server/db/client.js';
import { actAsAdminByDefault, UNTHROTTLED } from '../helpers/app.js';
import { loadSite, testDb } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, post, sign, submitted } from './review-kit.js';

let app: FastifyInstance;
let db: DbClient;
beforeAll(async () => {
  db = await testDb();
  await loadSite(db, miniSite());
  app = await buildApp({ db, clientDir: DEFAULT_CLIENT_DIR, edge: UNTHROTTLED });
  actAsAdminByDefault(app);
  await app.ready();
  await createAccounts(app);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the meeting pack PDF', () => {
  it('prints the agenda, each request\'s decision and signatures, and the chain head', async () => {
    const approved = await submitted(app);
    await sign(app, 'sam', approved, 'security');
    await sign(app, 'sue', approved, 'safety', { comment: 'bypass under MOC during the window' });
    const pending = await submitted(app, 'erin', { change: { kind: 'patch', targets: ['fw-a'], requiresReboot: true } });
    const head = (await app.inject({ method: 'GET', url: '/api/audit/head' })).json();

    const res = await app.inject({ method: 'GET', url: `/api/reviews/pack.pdf?ids=${approved},${pending}`, headers: by(app, 'vera') });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    const dir = mkdtempSync(join(tmpdir(), 'interlock-pack-'));
    writeFileSync(join(dir, 'pack.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Meeting pack');
    expect(text).toContain('Agenda');
    expect(text).toContain(`Close SIS NTP (${approved}) — Approved`);
    expect(text).toContain(`Close SIS NTP (${pending}) — Awaiting sign-off`);
    expect(text).toMatch(/security sam \(sam\) approve .* sam agrees/);
    expect(text).toMatch(/safety sue \(sue\) approve .* bypass under MOC during the window/);
    expect(text).toContain(`Audit chain head: entry ${head.seq} · ${head.hash}`);
    expect(text).toContain('FW-BLOCKS-SAFETY-FLOW');
  });

  it('refuses an unknown request rather than printing a pack without it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reviews/pack.pdf?ids=cr-nothere' });
    expect([res.statusCode, res.json().message]).toEqual([404, 'change request "cr-nothere" does not exist.']);
    const bad = await app.inject({ method: 'GET', url: '/api/reviews/pack.pdf?ids=' });
    expect(bad.statusCode).toBe(400);
    expect((await post(app, 'erin', 'cr-nothere', 'submit')).statusCode).toBe(404);
  });
});
