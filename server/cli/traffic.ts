// `npm run traffic -- FILE [--json] [--fail-on LEVEL] [--max-communications N] [--url URL]`: reads a
// Zeek conn.log (TSV or JSON lines), streamed with progress on stderr, and compares what was seen
// with the declared flows and the stored firewall rules. Writes nothing. Exit codes: 0 no finding
// at or above --fail-on, 2 at least one, 1 a log that cannot be read or another error.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { z } from 'zod';
import { Severity } from '../impact/change-schema.js';
import { severityRank } from '../impact/severity.js';
import { summariseTraffic } from '../importers/zeek/assess-traffic.js';
import { compareTraffic } from '../importers/zeek/compare-traffic.js';
import type { TrafficAnswer } from '../importers/zeek/traffic-answer.js';
import { formatTrafficReport } from '../importers/zeek/traffic-report.js';
import { logLine as log } from '../log-line.js';
import { fail, parseArgs, runCli } from './cli-support.js';
import { askServer, onDatabase, printAnswer, refuser, refusing, tokenOption } from './cli-remote.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  json: z.boolean().default(false),
  'fail-on': z.enum(Severity.options, { error: 'must be CRITICAL, HIGH, MEDIUM, LOW or INFO' }),
  'max-communications': z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(2_000_000, 'must be at most 2,000,000'),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});

function sizeOf(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail(`${file} is a directory, not a conn.log.`);
    return stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`${file}: no such file.`);
    if ((error as NodeJS.ErrnoException).code === 'EACCES') fail(`${file}: permission denied.`);
    throw error;
  }
}

const perSecond = (lines: number, ms: number) => Math.round(lines / Math.max(ms / 1000, 0.001)).toLocaleString('en-GB');

/** The log is read before the database is opened: a bad log is refused without starting Neo4j. */
async function direct(file: string, subject: string, maxCommunications: number): Promise<TrafficAnswer> {
  const total = sizeOf(file);
  const read = await refusing(subject, () => summariseTraffic(createReadStream(file, { highWaterMark: 1 << 16 }), {
    maxCommunications,
    onProgress: (p) => log(`  ${p.lines.toLocaleString('en-GB')} lines, ${Math.round((100 * p.bytes) / Math.max(total, 1))}%, ${perSecond(p.lines, p.ms)} lines/s`),
  }));
  log(`Read ${read.summary.lines.toLocaleString('en-GB')} lines in ${(read.ms / 1000).toFixed(1)} s; comparing with the model…`);
  return onDatabase(subject, (db) => compareTraffic(db, read));
}

async function viaServer(url: string, file: string, subject: string, maxCommunications: number): Promise<TrafficAnswer> {
  log(`Sending ${file} (${(sizeOf(file) / 2 ** 20).toFixed(1)} MB) to ${url}…`);
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream;
  const init = { method: 'POST', headers: { 'content-type': 'text/plain' }, body, duplex: 'half' } as RequestInit;
  return askServer<TrafficAnswer>(url, `/api/traffic?maxCommunications=${maxCommunications}`, init, refuser(subject));
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('traffic')
    .description('Compare a Zeek conn.log with the declared flows and firewall rules. Exit 2 when a finding reaches --fail-on.')
    .argument('<file>', 'conn.log: Zeek TSV (with its #fields header) or JSON lines')
    .option('--json', 'print the answer as JSON instead of a report')
    .option('--fail-on <level>', 'lowest severity that fails the run: CRITICAL, HIGH, MEDIUM, LOW or INFO', 'HIGH')
    .option('--max-communications <n>', 'refuse a capture with more distinct communications (a scan)', '200000')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const opts = program.opts<{ json?: boolean; failOn: string; maxCommunications: string; url?: string }>();
  const args = parseArgs(Args, { json: opts.json, url: opts.url, 'fail-on': opts.failOn.toUpperCase(), 'max-communications': opts.maxCommunications, file: program.args[0] }, { positional: ['file'] });
  const subject = `${args.file} could not be compared`;
  const answer = args.url
    ? await viaServer(args.url, args.file, subject, args['max-communications'])
    : await direct(args.file, subject, args['max-communications']);
  printAnswer(answer, args.json, formatTrafficReport);
  return answer.findings.some((f) => severityRank(f.severity) <= severityRank(args['fail-on'])) ? 2 : 0;
}

runCli(() => main(process.argv));
