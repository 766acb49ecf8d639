// `npm run import -- FILE [--mode replace|merge]`: loads a site document (JSON or YAML) into the
// configured Neo4j (NEO4J_URI, else the embedded one in INTERLOCK_DATA_DIR). One transaction: an
// invalid document is reported in full and changes nothing. Progress and errors go to stderr,
// the summary to stdout.
import { statSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { importSite, SiteValidationError, type ImportProgress, type ImportResult } from '../site/site-store.js';
import { parseArgs, readDocument, runCli } from './cli-support.js';
import { logLine as log } from '../log-line.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  mode: z.enum(['replace', 'merge'], { error: 'must be "replace" or "merge"' }),
});

// Below this many rows a step takes well under a second, and progress lines would only be noise.
const PROGRESS_FROM_ROWS = 10_000;
const PROGRESS_EVERY_MS = 1_000;
const LARGE_FILE_BYTES = 5_000_000;

async function main(argv: string[]): Promise<number> {
  const program = new Command('import')
    .description('Import a site document (JSON or YAML) into the graph, in one transaction.')
    .argument('<file>', 'site document: .json, .yaml or .yml (other names are detected by content)')
    .option('--mode <mode>', 'replace: the document becomes the whole site; merge: add or replace entities by id', 'replace')
    .parse(argv);
  const { file, mode } = parseArgs(Args, { ...program.opts(), file: program.args[0] }, { positional: ['file'] });

  const large = statSafe(file) > LARGE_FILE_BYTES;
  if (large) log(`Reading ${file}…`);
  const document = readDocument(file);
  const config = loadConfig();
  const database = await openDatabase(config, log);
  try {
    if (large) log('Validating and writing…');
    const result = await importSite(database.client, document, mode, createProgress());
    console.log(formatSummary(file, result));
    return 0;
  } catch (error) {
    if (!(error instanceof SiteValidationError)) throw error;
    log(`error: ${file} is not a valid site document; ${error.errors.length} problem(s), the graph is unchanged:`);
    for (const e of error.errors) log(`  ${e.path}: ${e.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

function statSafe(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // readDocument reports the missing file with a proper message.
  }
}

/** One line per large step at most every second, plus its last batch: "assets 15000/100000". */
function createProgress(now: () => number = () => performance.now(), write = log): (p: ImportProgress) => void {
  let lastStep = '';
  let lastAt = -Infinity;
  return ({ step, done, total }) => {
    if (total < PROGRESS_FROM_ROWS) return;
    const t = now();
    if (step === lastStep && done < total && t - lastAt < PROGRESS_EVERY_MS) return;
    lastStep = step;
    lastAt = t;
    write(`  ${step} ${done}/${total}`);
  };
}

function formatSummary(file: string, result: ImportResult): string {
  const seconds = Math.max(result.ms, 1) / 1000;
  const rate = Math.round((result.nodes + result.relationships) / seconds);
  const counts = Object.entries(result.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  return `Imported ${file} (${result.mode}): ${result.nodes} nodes, ${result.relationships} relationships ` +
    `in ${result.ms} ms (${rate} nodes+rels/s).\n  ${counts}`;
}

runCli(() => main(process.argv));
