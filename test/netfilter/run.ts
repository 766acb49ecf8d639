// `npm run netfilter -- [--sets N] [--probes M] [--seed S] [--no-engine]`: the netfilter oracle as
// a script. Builds the namespace lab, starts a throw-away embedded Neo4j (or uses NEO4J_URI, whose
// graph it replaces), runs the differential and prints its counts; exit 1 on any disagreement,
// 3 when this machine cannot create network namespaces (the reason is printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { buildApp } from '../../server/app.js';
import { parseArgs, runCli } from '../../server/cli/cli-support.js';
import { DbClient } from '../../server/db/client.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/db/embedded-neo4j.js';
import { applySchema } from '../../server/db/schema.js';
import { logLine as log } from '../../server/log-line.js';
import { runDifferential, type DifferentialOptions } from './differential.js';
import { Lab, unavailable } from './lab.js';
import { PORT_POOL } from './rule-sets.js';
import { actAsAdminByDefault } from '../helpers/acting.js';

const count = (max: number) => z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);
const Args = z.object({ sets: count(100_000), probes: count(200), seed: z.coerce.number().int('must be a whole number'), engine: z.boolean() });

async function main(argv: string[]): Promise<number> {
  const program = new Command('netfilter')
    .description('Compare Interlock\'s firewall decisions with a real Linux firewall on real packets.')
    .option('--sets <n>', 'random rule sets', '200')
    .option('--probes <m>', 'probes per rule set', '20')
    .option('--seed <s>', 'random seed', '13')
    .option('--no-engine', 'compare with the in-memory evaluator only (no Neo4j)')
    .parse(argv);
  const args = parseArgs(Args, program.opts());
  const reason = unavailable();
  if (reason) {
    log(`netfilter oracle cannot run here: ${reason}`);
    return 3;
  }
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let db: DbClient | undefined;
  const lab = new Lab();
  try {
    let engine: DifferentialOptions['engine'];
    if (args.engine) {
      let uri = process.env.NEO4J_URI;
      if (!uri) {
        dataDir = mkdtempSync(join(tmpdir(), 'interlock-netfilter-neo4j-'));
        embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 256, log });
        uri = embedded.uri;
      } else log(`Using ${uri}: its graph is replaced by the lab's.`);
      db = new DbClient({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD || undefined, database: process.env.NEO4J_DATABASE ?? 'neo4j' });
      await applySchema(db);
      const app = await buildApp({ db, clientDir: '/nonexistent', edge: { rateLimitScale: 0, pressure: false } });
      actAsAdminByDefault(app);
      await app.ready();
      engine = { app, db };
    }
    log('Starting the namespace lab…');
    await lab.start(PORT_POOL);
    const result = await runDifferential(lab, { sets: args.sets, probes: args.probes, seed: args.seed, engine, progress: log });
    const disagreements = Object.entries(result.disagreements).map(([judge, d]) => `${judge} ${d.length}`).join(', ');
    console.log(`rule sets ${result.sets}, probes ${result.probes} (netfilter let ${result.allowedByNetfilter} through), disagreements: ${disagreements}; ` +
      `iptables-save round trips ${result.roundTrips}, mismatched ${result.roundTripMismatches.length}; harness faults ${result.harnessFaults.length}; ${(result.ms / 1000).toFixed(1)} s`);
    for (const d of Object.values(result.disagreements).flat().slice(0, 5)) console.log(`  ${d.judge} said ${d.said}, netfilter ${d.netfilter}: set ${d.set} ${JSON.stringify(d.probe)} rules ${JSON.stringify(d.rules)} default ${d.defaultAction}`);
    for (const line of [...result.roundTripMismatches, ...result.harnessFaults].slice(0, 5)) console.log(`  ${line}`);
    const bad = Object.values(result.disagreements).some((d) => d.length > 0) || result.roundTripMismatches.length > 0 || result.harnessFaults.length > 0;
    return bad ? 1 : 0;
  } finally {
    lab.stop();
    await db?.close();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

runCli(() => main(process.argv));
