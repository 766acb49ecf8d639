// The start-up warm-up asks the server's own routes the first questions a user asks. It must
// exercise every what-if kind on a real site, succeed on an empty db, and write nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { warmUp } from '../server/warm-up.js';
import { useApp } from './helpers/app.js';
import { loadSite, snapshot } from './helpers/db.js';

const REFERENCE_PLANT = join(import.meta.dirname, '..', 'fixtures', 'reference-plant.yaml');

describe('start-up warm-up', () => {
  const ctx = useApp(() => parseYaml(readFileSync(REFERENCE_PLANT, 'utf8')));

  it('asks for the topology, the SIFs, a safety path and a what-if of every kind, all answered 200, and writes nothing', async () => {
    const before = await snapshot(ctx.db);
    const report = await warmUp(ctx.app, ctx.db);
    expect(report.requests.map((r) => [r.what, r.status])).toEqual([
      ['topology', 200], ['SIF list', 200], ['SIF safety path', 200],
      ['what-if: firewall', 200], ['what-if: patch', 200], ['what-if: patch selector', 200],
      ['what-if: auth', 200], ['what-if: change set', 200],
    ]);
    expect(report.ms).toBeGreaterThanOrEqual(Math.max(...report.requests.map((r) => r.ms)));
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('on an empty graph asks only what needs no ids', async () => {
    await loadSite(ctx.db, {});
    const report = await warmUp(ctx.app, ctx.db);
    expect(report.requests.map((r) => [r.what, r.status])).toEqual([['topology', 200], ['SIF list', 200]]);
  });
});
