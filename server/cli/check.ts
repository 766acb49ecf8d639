// `npm run check [-- --url URL] [--json]`: checks the graph's invariants (server/site/integrity.ts).
// Exit codes: 0 sound, 2 an invariant is broken (each problem printed), 1 the check could not run.
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { logLine as log } from '../log-line.js';
import { count } from '../plural.js';
import { checkIntegrity, INVARIANTS, type IntegrityReport } from '../site/integrity.js';
import { fail, parseArgs, runCli } from './cli-support.js';
import { refuseIfServerRunning } from './running-server.js';
import { callServer, failOnServerError, tokenOption } from './cli-remote.js';

const Args = z.object({
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
  json: z.boolean().default(false),
});

async function viaServer(url: string): Promise<IntegrityReport> {
  const answer = await callServer(url, '/api/health?deep=true');
  const body = answer.body as { integrity?: IntegrityReport; neo4j?: string; message?: string };
  if (body.neo4j === 'down') fail(`Interlock at ${url} cannot reach its database.`);
  if (!body.integrity) failOnServerError(url, answer);
  if (!body.integrity) fail(`Interlock at ${url} answered ${answer.status} without an integrity report: ${body.message ?? answer.text.slice(0, 200)}`);
  return body.integrity;
}

async function direct(): Promise<IntegrityReport> {
  const config = loadConfig();
  refuseIfServerRunning(config);
  const database = await openDatabase(config, log);
  try {
    return await checkIntegrity(database.client);
  } finally {
    await database.close();
  }
}

export function formatIntegrity(report: IntegrityReport): string {
  if (report.ok) return `The graph keeps all ${Object.keys(INVARIANTS).length} invariants at revision ${report.revision}: ${Object.values(INVARIANTS).join('; ')}.\n`;
  const lines = report.problems.map((p) => `  [${p.invariant}] ${p.id}: ${p.detail}`);
  const more = report.total > report.problems.length ? [`  … and ${report.total - report.problems.length} more`] : [];
  return `The graph fails its integrity check at revision ${report.revision}: ${count(report.total, 'problem')}.\n${[...lines, ...more].join('\n')}\n` +
    'What-if and assurance answers refuse (503) until it is repaired: a replace import of the site document rewrites every entity.\n';
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('check')
    .description("Check the graph's invariants. Exit 0 when sound, 2 when an invariant is broken.")
    .option('--url <url>', 'a running Interlock server; without it, read Neo4j directly')
    .addOption(tokenOption())
    .option('--json', 'print the report as JSON')
    .parse(argv);
  const args = parseArgs(Args, program.opts());
  const report = args.url ? await viaServer(args.url) : await direct();
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatIntegrity(report));
  return report.ok ? 0 : 2;
}

runCli(() => main(process.argv));
