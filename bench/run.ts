// `npm run bench [-- --sizes 1000,20000,100000 --seed 1 --per-kind N --repeats 3 --out DIR]`:
// how Interlock's cost grows from a plant to a national operator. For each size: import through
// the product's import, then a seeded mix of what-ifs through the HTTP API, inside Neo4j, in
// process (floor) and as naive Cypher, all compared for agreement. Progress on stderr; the
// targets table on stdout; results under bench/results/. See bench/README.md.
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openBenchDatabase } from './database.js';
import { sampleMemory } from './memory.js';
import { elapsedSeconds, log } from './progress.js';
import { targetsTable, writeResults, type BenchResult } from './report.js';
import { runSize, type SizeResult } from './run-size.js';
import { ms } from './stats.js';
import { evaluateTargets } from './targets.js';
import { coldStartImport, type ColdStart } from './cold-start.js';
import { measureAssurance, type AssuranceResult } from './assurance-measure.js';
import { generateEstate } from '../server/generate/estate.js';

const DEFAULT_SIZES = [1_000, 20_000, 100_000];
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

// The naive reference costs up to seconds per change at 100,000 assets (fleet-wide patch
// selectors), so the largest estate gets fewer changes per kind to keep the run under 20 min.
const perKindFor = (assets: number) => (assets > 20_000 ? 15 : 30);

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 50 || n > 1_000_000)) throw new Error(`--sizes must list whole numbers from 50 to 1000000, got "${text}"`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const opts = new Command('bench')
    .description('Measure import and what-if cost against estate size, with references and agreement checks.')
    .option('--sizes <list>', 'estate sizes in assets, comma-separated', DEFAULT_SIZES.join(','))
    .option('--seed <n>', 'seed of the estates and of the change mix', '1')
    .option('--per-kind <n>', 'changes per kind (default 30, 15 above 20,000 assets)')
    .option('--repeats <n>', 'timed API requests per change', '3')
    .option('--out <dir>', 'results directory', RESULTS_DIR)
    .parse(process.argv)
    .opts<{ sizes: string; seed: string; perKind?: string; repeats: string; out: string }>();
  const sizes = parseSizes(opts.sizes);
  const seed = Number(opts.seed);
  const repeats = Math.max(1, Number(opts.repeats));
  const startedAt = new Date().toISOString();
  const loadStart = loadavg().map((x) => Number(x.toFixed(2)));
  const memory = sampleMemory();

  const database = await openBenchDatabase(Math.max(...sizes));
  const results: SizeResult[] = [];
  let coldStart: ColdStart;
  let assurance: AssuranceResult;
  try {
    coldStart = await coldStartImport(database.client, seed);
    for (const assets of sizes) {
      const perKind = opts.perKind ? Number(opts.perKind) : perKindFor(assets);
      results.push(await runSize(database.client, { assets, seed, perKind, repeats, floorRepeats: 5 }));
      const last = results[results.length - 1]!;
      log(`  ${assets} assets: API p50 ${ms(last.all.api.p50)} ms, p95 ${ms(last.all.api.p95)} ms; floor p50 ${ms(last.all.floor.p50)} ms; naive p50 ${ms(last.all.naive.p50)} ms`);
    }
    // The assurance engine on the largest estate, still in the database (regenerated, not re-imported).
    const largest = Math.max(...sizes);
    assurance = await measureAssurance(database.client, generateEstate({ assets: largest, seed }), { seed, repeats: 20 });
  } finally {
    await database.close();
  }
  memory.stop();

  const wallSeconds = elapsedSeconds();
  const fullRun = DEFAULT_SIZES.every((s) => sizes.includes(s));
  const cpu = cpus();
  const result: BenchResult = {
    startedAt,
    wallSeconds,
    machine: {
      description: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${type()} ${release()}`,
      cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, os: `${type()} ${release()}`,
      loadAverage: { start: loadStart, end: loadavg().map((x) => Number(x.toFixed(2))) },
    },
    neo4j: database.settings,
    coldStart,
    nodeMemoryPeak: memory.peak(),
    sizes: results,
    assurance,
    targets: evaluateTargets(results, assurance, wallSeconds, fullRun),
  };
  writeResults(opts.out, result);
  log(`results written to ${opts.out} (latest.json, latest.md, latency.svg)`);
  process.stdout.write(`\n${targetsTable(result.targets)}\n`);
  const disagreements = results.flatMap((r) => r.agreement.disagreements);
  if (disagreements.length) {
    process.stderr.write(`\n${disagreements.length} disagreement(s), first: ${JSON.stringify(disagreements[0])}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
