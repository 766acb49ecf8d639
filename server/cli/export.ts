// `npm run export -- [--out FILE] [--format json|yaml] [--url URL]`: writes the stored site as a site
// document in canonical form (what import takes back losslessly). The document goes to stdout
// unless --out is given; messages go to stderr so a pipe gets the document only.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { count } from '../plural.js';
import { jsonChunks } from '../generate/json-lines.js';
import type { SiteDocument } from '../model/site-schema.js';
import { exportSite } from '../site/export-site.js';
import { fail, parseArgs, runCli, writeAll } from './cli-support.js';
import { refuseIfServerRunning } from './running-server.js';
import { callServer, failOnServerError, tokenOption } from './cli-remote.js';
import { logLine as log } from '../log-line.js';

const Args = z
  .object({
    out: z.string().min(1, 'must name a file').optional(),
    format: z.enum(['json', 'yaml'], { error: 'must be "json" or "yaml"' }).optional(),
    url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
  })
  .superRefine(({ out, format }, ctx) => {
    const implied = out ? formatOf(out) : undefined;
    if (format && implied && format !== implied) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `is ${format} but --out ${out} names a ${implied} file` });
    }
  })
  .transform(({ out, format, url }) => ({ out, url, format: format ?? (out ? formatOf(out) : undefined) ?? 'json' }));

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function formatOf(path: string): 'json' | 'yaml' | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('export')
    .description('Export the stored site as a site document (JSON or YAML).')
    .option('--out <file>', 'file to write (default: stdout)')
    .option('--format <format>', 'json or yaml (default: from the --out extension, else json)')
    .option('--url <url>', 'a running Interlock server; without it, read Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const { out, format, url } = parseArgs(Args, program.opts());
  // Checked before the database is opened, so a typo costs no Neo4j start-up.
  if (out && !isDirectory(dirname(resolve(out)))) fail(`--out: directory ${dirname(resolve(out))} does not exist`);

  const site = url ? await viaServer(url) : await direct();
  // JSON one record per line: stays far below V8's string limit on huge estates, diffs well.
  const chunks = format === 'yaml' ? [stringify(site)] : jsonChunks(site as unknown as Record<string, unknown>);
  if (out) await writeFileAtomically(out, chunks);
  else for (const chunk of chunks) await writeAll(process.stdout, chunk);
  log(`Exported ${describe(site)}${out ? ` to ${out}` : ''}.`);
  return 0;
}

async function viaServer(url: string): Promise<SiteDocument> {
  const answer = await callServer(url, '/api/export');
  failOnServerError(url, answer);
  if (answer.status !== 200) fail(`Interlock at ${url} answered ${answer.status}: ${(answer.body as { message?: string }).message ?? answer.text.slice(0, 200)}`);
  return answer.body as SiteDocument;
}

async function direct(): Promise<SiteDocument> {
  const config = loadConfig();
  refuseIfServerRunning(config);
  const database = await openDatabase(config, log);
  try {
    return await exportSite(database.client);
  } finally {
    await database.close();
  }
}

/** Writes beside the target and renames, so a failed export never leaves half a document. */
async function writeFileAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp, { encoding: 'utf8' });
  try {
    await once(stream, 'open');
    for (const chunk of chunks) await writeAll(stream, chunk);
    stream.end();
    await once(stream, 'finish');
    renameSync(tmp, path);
  } catch (error) {
    stream.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
}

function describe(site: SiteDocument): string {
  const rules = site.conduits.reduce((n, c) => n + c.rules.length, 0);
  return `${count(site.zones.length, 'zone')}, ${count(site.conduits.length, 'conduit')} (${count(rules, 'rule')}), ${count(site.assets.length, 'asset')}, ` +
    `${count(site.flows.length, 'flow')}, ${count(site.sifs.length, 'SIF')}, ${count(site.procedures.length, 'procedure')}`;
}

runCli(() => main(process.argv));
