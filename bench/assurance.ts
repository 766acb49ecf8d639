// `npm run bench:assurance [-- --assets 100000 --seed 1 --repeats 20 --out DIR]`: the assurance
// engine alone (assurance-measure.ts) on a generated estate with the full catalogues and its
// ~1,000-control baseline; `npm run bench` measures the same on its largest estate. Progress on
// stderr, the table on stdout, results in bench/results/assurance.{json,md}. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { generateEstate } from '../server/generate/estate.js';
import { importSite } from '../server/site/import-site.js';
import { assuranceMarkdown, assuranceRows, assuranceTable, measureAssurance } from './assurance-measure.js';
import { openBenchDatabase } from './database.js';
import { log } from './progress.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

async function main(): Promise<void> {
  const opts = new Command('bench:assurance')
    .option('--assets <n>', 'estate size in assets', '100000')
    .option('--seed <n>', 'seed of the estate and of the samples', '1')
    .option('--repeats <n>', 'timed requests per measure', '20')
    .option('--out <dir>', 'results directory', RESULTS_DIR)
    .option('--reuse', 'with NEO4J_URI: measure the estate already there when it is the same one')
    .parse(process.argv).opts<{ assets: string; seed: string; repeats: string; out: string; reuse?: boolean }>();
  const [assets, seed, repeats] = [Number(opts.assets), Number(opts.seed), Math.max(5, Number(opts.repeats))];
  const database = await openBenchDatabase(assets);
  try {
    log(`estate of ${assets} assets (seed ${seed}): generating`);
    const doc = generateEstate({ assets, seed });
    const [stored] = await database.client.read('site/site-info');
    // --reuse: a database (NEO4J_URI) already holding this very estate is measured as it is.
    const imported = opts.reuse && stored?.props?.id === doc.site!.id ? null : await importSite(database.client, doc, 'replace', { actor: 'bench' });
    log(`  ${imported ? `imported ${imported.nodes} nodes, ${imported.relationships} relationships in ${(imported.ms / 1000).toFixed(1)} s` : 'already in the database'}; ${doc.controls.length} controls, ${doc.evidence.length} evidence items, ${doc.requirements.length} requirements, ${doc.risks.length} risks, ${doc.zones.length} zones`);
    const result = await measureAssurance(database.client, doc, { seed, repeats });
    const machine = { cpus: cpus().length, load: loadavg().map((x) => x.toFixed(1)).join(', ') };
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, 'assurance.json'), `${JSON.stringify({ startedAt: new Date().toISOString(), ...machine, ...result }, null, 2)}\n`);
    writeFileSync(join(opts.out, 'assurance.md'), assuranceMarkdown(result, machine));
    process.stdout.write(`\n${assuranceTable(result)}\n`);
    if (assuranceRows(result).some((row) => row.summary.p95 > row.target)) process.exitCode = 2;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:assurance failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
