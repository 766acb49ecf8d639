// `npm run generate -- --assets N [--seed S] --out FILE [--no-validate]`: writes a synthetic
// estate as a site document. The generator is pure; this file owns the arguments, progress,
// validation and writing. Progress and errors go to stderr, the one summary line to stdout.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { z } from 'zod';
import { MAX_ASSETS, MAX_SEED, MIN_ASSETS, generateEstate } from '../generate/estate.js';
import { jsonChunks } from '../generate/json-lines.js';
import { formatSummary, summarizeSite } from '../generate/summary.js';
import { validateSite } from '../model/validate-site.js';

const WholeNumber = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const Args = z.object({
  assets: WholeNumber(MIN_ASSETS, MAX_ASSETS),
  seed: WholeNumber(0, MAX_SEED),
  out: z.string().regex(/\.(json|ya?ml)$/i, 'must end in .json, .yaml or .yml'),
  validate: z.boolean(),
});

// Progress only pays for itself on big estates; below this the whole run takes well under a second.
const PROGRESS_FROM = 10_000;
const MAX_ERRORS_SHOWN = 50;

async function main(argv: string[]): Promise<number> {
  const program = new Command('generate')
    .description('Write a synthetic converged IT/OT estate as a site document.')
    .requiredOption('--assets <n>', `required: number of assets (${MIN_ASSETS}–${MAX_ASSETS})`)
    .option('--seed <s>', 'seed: the same seed and size give the same file, byte for byte', '1')
    .requiredOption('--out <file>', 'required: output file, .json, .yaml or .yml')
    .option('--no-validate', 'skip the final validation of the document')
    .parse(argv);
  const parsed = Args.safeParse(program.opts());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: --${String(issue.path[0])} ${issue.message}`);
    return 1;
  }
  const { assets, seed, out, validate } = parsed.data;
  const started = performance.now();
  const progress = assets >= PROGRESS_FROM ? createProgress() : () => {};

  const doc = generateEstate({ assets, seed, onSite: (done, total) => progress(`sites ${done}/${total}`, done === total) });
  if (validate) {
    progress('validating…', true);
    const result = validateSite(doc);
    if (!result.ok) {
      console.error(`error: the generated document is invalid (${result.errors.length} errors); nothing written:`);
      for (const e of result.errors.slice(0, MAX_ERRORS_SHOWN)) console.error(`  ${e.path}: ${e.message}`);
      if (result.errors.length > MAX_ERRORS_SHOWN) console.error(`  … and ${result.errors.length - MAX_ERRORS_SHOWN} more`);
      return 1;
    }
  }
  const yaml = /\.ya?ml$/i.test(out);
  progress(`writing ${out}…`, true);
  const bytes = await writeChunks(out, yaml ? [stringify(doc)] : jsonChunks(doc));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${out}: ${formatSummary(summarizeSite(doc))}; ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`);
  return 0;
}

/** Writes the pieces in ~1 MB batches, honouring back-pressure; returns the bytes written. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let bytes = 0;
  let batch = '';
  const flush = async () => {
    bytes += Buffer.byteLength(batch);
    if (!stream.write(batch)) await once(stream, 'drain');
    batch = '';
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= 1 << 20) await flush();
  }
  await flush();
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

/** One updating line on a terminal; in a log, one line per step and per tenth of the sites. */
function createProgress(): (message: string, force: boolean) => void {
  let lastTenth = -1;
  return (message, force) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[2K${message}${force && !message.startsWith('sites') ? '\n' : ''}`);
      return;
    }
    const sites = /^sites (\d+)\/(\d+)$/.exec(message);
    const tenth = sites ? Math.floor((10 * Number(sites[1])) / Number(sites[2])) : -1;
    if (sites && tenth === lastTenth && !force) return;
    lastTenth = tenth;
    process.stderr.write(`${message}\n`);
  };
}

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
