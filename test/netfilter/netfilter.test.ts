// A real Linux firewall as the oracle of Interlock's firewall semantics (issue 13, item 5): random
// rule sets installed with iptables in a router namespace, real TCP and UDP packets sent through
// it, and every probe's fate compared with the engine's decision on the real Neo4j and with the
// in-memory evaluator. Broken evaluators must be caught. Skipped, saying why, only where the
// machine cannot create network namespaces.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { build } from '../helpers/app.js';
import { runDifferential } from './differential.js';
import { Lab, unavailable } from './lab.js';
import { PORT_POOL } from './rule-sets.js';

const reason = unavailable();
if (reason) console.warn(`netfilter oracle skipped: ${reason}`);

describe.skipIf(reason !== null)(`netfilter as the oracle${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const lab = new Lab();
  let app: FastifyInstance;
  let db: DbClient;
  beforeAll(async () => {
    ({ app, db } = await build());
    await lab.start(PORT_POOL);
  });
  afterAll(async () => {
    lab.stop();
    await app.close();
    await db.close();
  });

  it('agrees with the engine and the in-memory evaluator on every probe of 200 random rule sets', async () => {
    const result = await runDifferential(lab, { sets: 200, probes: 20, seed: 13, engine: { app, db } });
    console.log(`netfilter oracle: ${result.sets} rule sets, ${result.probes} probes (${result.allowedByNetfilter} let through by netfilter), ` +
      `disagreements: engine ${result.disagreements.engine!.length}, evaluator ${result.disagreements.oracle!.length}; ` +
      `${result.roundTrips} iptables-save round trips, ${result.roundTripMismatches.length} mismatched; ${(result.ms / 1000).toFixed(1)} s`);
    expect(result.harnessFaults).toEqual([]);
    expect(result.disagreements.engine).toEqual([]);
    expect(result.disagreements.oracle).toEqual([]);
    expect(result.roundTripMismatches).toEqual([]);
    expect([result.sets, result.probes, result.compared.engine, result.compared.oracle]).toEqual([200, 4000, 4000, 4000]);
    // Both verdicts must be common, or agreement would prove little.
    expect(result.allowedByNetfilter).toBeGreaterThan(800);
    expect(result.allowedByNetfilter).toBeLessThan(3200);
  }, 600_000);

  it('catches broken evaluators: an off-by-one in port ranges and last match instead of first', async () => {
    const mutants = ['port range upper bound off by one', 'last match wins'];
    const result = await runDifferential(lab, { sets: 40, probes: 20, seed: 31, evaluators: ['oracle', ...mutants] });
    const counts = Object.fromEntries(Object.entries(result.disagreements).map(([name, d]) => [name, d.length]));
    console.log(`netfilter oracle on mutants (${result.probes} probes): ${JSON.stringify(counts)}`);
    expect(counts.oracle).toBe(0);
    for (const name of mutants) expect(counts[name], name).toBeGreaterThan(0);
  }, 300_000);
});
