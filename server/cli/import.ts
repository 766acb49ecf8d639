// `npm run import -- FILE [--mode replace|merge] [--url URL]`: loads a site document (JSON or
// YAML) into the configured Neo4j (NEO4J_URI, else the embedded one in INTERLOCK_DATA_DIR), or
// through a running Interlock with --url. One transaction: an invalid document is reported in
// full and changes nothing. Progress and errors go to stderr, the summary to stdout.
import { statSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { count } from '../plural.js';
import { importSite, SiteValidationError, type ImportProgress, type ImportResult } from '../site/import-site.js';
import { fail, parseArgs, readDocument, runCli } from './cli-support.js';
import { refuseIfServerRunning } from './running-server.js';
import { callServer, failOnServerError, localActor, tokenOption } from './cli-remote.js';
import { logLine as log } from '../log-line.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  mode: z.enum(['replace', 'merge'], { error: 'must be "replace" or "merge"' }),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
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
    .option('--url <url>', 'a running Interlock server; without it, write to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const { file, mode, url } = parseArgs(Args, { ...program.opts(), file: program.args[0] }, { positional: ['file'] });

  const large = statSafe(file) > LARGE_FILE_BYTES;
  if (large) log(`Reading ${file}…`);
  const document = readDocument(file);
  if (url) return viaServer(url, file, mode, document);
  const config = loadConfig();
  refuseIfServerRunning(config);
  const database = await openDatabase(config, log);
  try {
    if (large) log('Validating and writing…');
    const result = await importSite(database.client, document, mode, { actor: localActor(), onProgress: createProgress() });
    console.log(formatSummary(file, result));
    return 0;
  } catch (error) {
    if (!(error instanceof SiteValidationError)) throw error;
    return reportInvalid(file, error.errors, error.total);
  } finally {
    await database.close();
  }
}

function reportInvalid(file: string, errors: Array<{ path: string; message: string }>, total: number): number {
  log(`error: ${file} is not a valid site document; ${count(total, 'problem')}, the graph is unchanged:`);
  if (total > errors.length) log(`  (the first ${errors.length} are listed)`);
  for (const e of errors) log(`  ${e.path}: ${e.message}`);
  return 1;
}

async function viaServer(url: string, file: string, mode: string, document: unknown): Promise<number> {
  const answer = await callServer(url, `/api/import?mode=${mode}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
  failOnServerError(url, answer);
  const body = answer.body as ImportResult & { message?: string; total?: number; errors?: Array<{ path: string; message: string }> };
  if (answer.status === 400 && body.errors) return reportInvalid(file, body.errors, body.total ?? body.errors.length);
  if (answer.status >= 400) fail(`Interlock at ${url} refused the import (${answer.status}): ${body.message ?? answer.text.slice(0, 200)}`);
  console.log(formatSummary(file, body));
  return 0;
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
  const { created, updated, deleted, unchanged } = result.changed;
  return `Imported ${file} (${result.mode}) as revision ${result.revision}: ${result.nodes} nodes, ${result.relationships} relationships ` +
    `in ${result.ms} ms (${rate} nodes+rels/s).\n  ${created} created, ${updated} updated, ${deleted} deleted, ${unchanged} unchanged.\n  ${counts}`;
}

runCli(() => main(process.argv));
