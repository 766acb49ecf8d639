// `npm run report -- --as-of 2026-12-31 --out board.pdf [--profile caf-baseline] [--url URL]`:
// the board report as an A4 PDF, the same page and numbers as /report and
// /api/assurance/report.pdf. With --url, asked of a running Interlock; without it, this command
// serves the built explorer on a loopback port for the moment it takes Chromium to print the page
// (straight from Neo4j, as the other CLIs do). Exit codes: 0 written; 1 bad input or another error.
import { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { asOfToday } from '../assurance/as-of.js';
import { buildApp, DEFAULT_CLIENT_DIR } from '../app.js';
import { IsoDate } from '../model/primitives.js';
import { Id } from '../model/site-schema.js';
import { DEFAULT_PROFILE } from '../routes/assurance-report.js';
import { fail, parseArgs, runCli } from './cli-support.js';
import { onDatabase, tokenOption, withToken } from './cli-remote.js';

const Args = z.object({
  'as-of': IsoDate.optional(),
  profile: Id.default(DEFAULT_PROFILE),
  out: z.string({ error: 'is required: the PDF file to write' }).min(1, 'is required: the PDF file to write').max(4096),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});

const pdfPath = (asOf: string, profile: string) => `/api/assurance/report.pdf?asOf=${asOf}&profile=${encodeURIComponent(profile)}`;

/** A refusal or a failure, from the answer's JSON error body when it has one. */
function refused(status: number, text: string, where: string): never {
  let message = text.slice(0, 300);
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? message;
  } catch {
    // not JSON: the text says it
  }
  return fail(`report: ${where} answered ${status}: ${message}`);
}

async function fromServer(url: string, path: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), withToken({}));
  } catch (error) {
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    return fail(`cannot reach Interlock at ${url}: ${cause}`);
  }
  if (!res.ok) refused(res.status, await res.text(), `Interlock at ${url}`);
  return Buffer.from(await res.arrayBuffer());
}

async function locally(path: string): Promise<Buffer> {
  if (!existsSync(join(DEFAULT_CLIENT_DIR, 'report.html'))) fail('the report page is not built: run `npm run build:client` first.');
  return onDatabase('report', async (db) => {
    const app = await buildApp({ db });
    try {
      // Asked as Interlock itself: the page is printed in-process, nothing listens.
      const res = await app.inject({ method: 'GET', url: path, headers: app.identity.systemHeaders() });
      if (res.statusCode !== 200) refused(res.statusCode, res.body, 'the report route');
      return res.rawPayload;
    } finally {
      await app.close();
    }
  });
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('report')
    .description('The board report (DOMAIN.md §5.6) as an A4 PDF, printed by headless Chromium from the /report page.')
    .option('--as-of <date>', 'YYYY-MM-DD (UTC); default today')
    .option('--profile <id>', 'the CAF profile to rate against', DEFAULT_PROFILE)
    .option('--out <file>', 'the PDF file to write')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const { asOf: given, ...opts } = program.opts<{ asOf?: string }>();
  const args = parseArgs(Args, { ...opts, 'as-of': given });
  const asOf = args['as-of'] ?? asOfToday();
  const t0 = performance.now();
  const pdf = args.url ? await fromServer(args.url, pdfPath(asOf, args.profile)) : await locally(pdfPath(asOf, args.profile));
  try {
    writeFileSync(args.out, pdf);
  } catch (error) {
    fail(`${args.out}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  process.stderr.write(`board report as of ${asOf} (profile ${args.profile}): ${args.out}, ${pdf.length} bytes, ${Math.round(performance.now() - t0)} ms\n`);
  return 0;
}

runCli(() => main(process.argv));
