// The audit log end to end against the real Neo4j: every site write leaves an entry with its
// revision and the digest of what the journal recorded; the chain verifies; one altered byte and
// one deleted entry are each found, the first break first; a kept head detects a rewrite.
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../server/audit/chain.js';
import { verifyChain } from '../../server/audit/verify.js';
import { useApp } from '../helpers/app.js';
import { runCliScript } from '../helpers/cli.js';
import { wipe } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';

const ctx = useApp(() => ({}));

const entries = async (query = '') => (await ctx.app.inject({ method: 'GET', url: `/api/audit${query}` })).json();

describe('the audit log', () => {
  it('records every site write with its actor, revision and the digest of its journal', async () => {
    await wipe(ctx.db);
    await ctx.app.inject({ method: 'POST', url: '/api/import', payload: miniSite() });
    const zone = (await ctx.app.inject({ method: 'GET', url: '/api/zones/z-ops' })).json();
    await ctx.app.inject({ method: 'PUT', url: '/api/zones/z-ops', payload: { ...zone, assets: undefined, conduits: undefined, name: 'Operations' } });
    const page = await entries();
    expect(page.entries.map((e: Record<string, unknown>) => [e.seq, e.actor, e.action, e.target, (e.details as { revision: number }).revision])).toEqual([
      [2, 'test-admin', 'site:update', 'zones/z-ops', 2],
      [1, 'test-admin', 'site:import:replace', 'site', 1],
    ]);
    const [update, imported] = page.entries;
    expect(imported.prevHash).toBe(GENESIS);
    expect(update.prevHash).toBe(imported.hash);
    expect(update.details).toMatchObject({ summary: 'update zone z-ops', changeCount: 1, journalDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entryHash({ ...update, details: JSON.stringify(update.details) })).toBe(update.hash);
    const head = (await ctx.app.inject({ method: 'GET', url: '/api/audit/head' })).json();
    expect(head).toEqual({ seq: 2, hash: update.hash, at: update.at });
  });

  it('filters by actor and action prefix, and pages newest first', async () => {
    for (const name of ['A', 'B', 'C']) {
      const zone = (await ctx.app.inject({ method: 'GET', url: '/api/zones/z-ops' })).json();
      await ctx.app.inject({ method: 'PUT', url: '/api/zones/z-ops', payload: { ...zone, assets: undefined, conduits: undefined, name } });
    }
    const first = await entries('?action=site:update&limit=2');
    expect(first.entries.map((e: { seq: number }) => e.seq)).toEqual([5, 4]);
    const second = await entries(`?action=site:update&limit=2&before=${first.next}`);
    expect([second.entries.map((e: { seq: number }) => e.seq), second.next]).toEqual([[3, 2], 2]);
    expect((await entries('?actor=nobody')).entries).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit?from=yesterday' })).json().errors).toEqual([{ path: 'querystring.from', message: 'Invalid ISO datetime' }]);
  });

  it('verifies, then finds an altered byte first and, once it is repaired, a deleted entry', async () => {
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true, checked: 5, firstBreak: null });
    const [third] = (await entries('?before=4&limit=1')).entries;
    const original = third.actor as string;
    await ctx.db.write('diagnostics/tamper-audit-entry', { seq: 3, field: 'actor', value: `${original.slice(0, -1)}X` });
    await ctx.db.write('diagnostics/delete-audit-entry', { seq: 4 });
    const broken = (await ctx.app.inject({ method: 'GET', url: '/api/audit/verify' })).json();
    expect(broken).toMatchObject({ ok: false, checked: 2, firstBreak: { seq: 3, kind: 'altered', message: 'entry 3 was altered: its fields do not hash to its stored hash' } });
    const cli = await runCliScript('audit', 'verify');
    expect([cli.code, cli.stdout]).toEqual([2, 'The audit chain is broken at entry 3 (altered): entry 3 was altered: its fields do not hash to its stored hash.\nEntries 1–2 chain.\n']);

    await ctx.db.write('diagnostics/tamper-audit-entry', { seq: 3, field: 'actor', value: original });
    expect((await verifyChain(ctx.db)).firstBreak).toEqual({ seq: 4, kind: 'missing', message: 'entry 4 is missing (entry 5 follows entry 3)' });
  });

  it('checks a head kept outside the database, and finds entries removed at the end', async () => {
    await wipe(ctx.db);
    await ctx.app.inject({ method: 'POST', url: '/api/import', payload: miniSite() });
    const kept = (await ctx.app.inject({ method: 'GET', url: '/api/audit/head' })).json();
    await ctx.app.inject({ method: 'DELETE', url: '/api/assets/pt3' }); // refused (a SIF names it): no entry
    await ctx.app.inject({ method: 'POST', url: '/api/assets', payload: { id: 'spare', name: 'Spare', type: 'workstation', zone: 'z-ctl' } });
    const ok = (await ctx.app.inject({ method: 'GET', url: `/api/audit/verify?seq=${kept.seq}&hash=${kept.hash}` })).json();
    expect(ok).toMatchObject({ ok: true, checked: 2, kept: { seq: 1, ok: true, message: 'entry 1 still has the kept hash' } });

    await ctx.db.write('diagnostics/delete-audit-entry', { seq: 2 });
    expect((await verifyChain(ctx.db)).firstBreak).toEqual({ seq: 2, kind: 'missing', message: 'entry 2 is missing at the end of the log (the head names entry 2)' });
    await ctx.db.write('diagnostics/tamper-audit-entry', { seq: 1, field: 'hash', value: 'f'.repeat(64) });
    const rewritten = await verifyChain(ctx.db, kept);
    expect(rewritten.kept).toEqual({ seq: kept.seq, hash: kept.hash, ok: false, message: 'entry 1 has another hash than the kept head: the log was rewritten up to it' });
  });
});
