// `npm run import-firewall -- --conduit C --format iptables|fortigate [--chain X] [--dry-run]
// [--json] [--url URL] FILE`: turns a firewall configuration into the conduit's rule set, shows
// the what-if of the replacement, and writes it unless --dry-run. Exit codes: 0 done (or dry run
// done), 1 bad input or a configuration with refused lines (nothing written).
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { AppError, type FieldError } from '../errors.js';
import { ImportFirewallRequest, importFirewall, type ImportFirewallAnswer } from '../importers/import-firewall.js';
import { formatImport } from '../importers/report-text.js';
import { FIREWALL_FORMATS } from '../importers/report.js';
import { ID_PATTERN } from '../model/site-schema.js';
import { logLine as log } from '../log-line.js';
import { fail, parseArgs, readText, runCli } from './cli-support.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  conduit: z.string({ error: 'is required' }).regex(ID_PATTERN, 'must be a conduit id'),
  format: z.enum(FIREWALL_FORMATS, { error: 'must be iptables or fortigate' }),
  chain: z.string().optional(),
  'dry-run': z.boolean().default(false),
  json: z.boolean().default(false),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});

function refused(file: string, message: string, errors: FieldError[] | undefined): never {
  return fail(`${file}: ${message}${errors?.length ? `\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}` : ''}`);
}

async function viaServer(url: string, conduit: string, body: ImportFirewallRequest, file: string): Promise<ImportFirewallAnswer> {
  let res: Response;
  try {
    res = await fetch(new URL(`/api/conduits/${encodeURIComponent(conduit)}/import-firewall`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    return fail(`cannot reach Interlock at ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const answer = await res.json() as ImportFirewallAnswer & { message?: string; errors?: FieldError[] };
  if (!res.ok) refused(file, answer.message ?? res.statusText, answer.errors);
  return answer;
}

async function direct(conduit: string, body: ImportFirewallRequest, file: string): Promise<ImportFirewallAnswer> {
  const database = await openDatabase(loadConfig(), log);
  try {
    return await importFirewall(database.client, conduit, body);
  } catch (error) {
    if (error instanceof AppError) refused(file, error.message, error.errors);
    throw error;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('import-firewall')
    .description("Import a firewall configuration as a conduit's rule set; shows the what-if first, writes unless --dry-run.")
    .argument('<file>', 'iptables-save output, or a FortiGate configuration')
    .option('--conduit <id>', 'the conduit whose rules the configuration holds')
    .option('--format <format>', 'iptables or fortigate')
    .option('--chain <chain>', 'iptables: the chain holding the conduit\'s rules (default FORWARD)')
    .option('--dry-run', 'assess only; write nothing')
    .option('--json', 'print the answer as JSON')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .parse(argv);
  const opts = program.opts<{ conduit?: string; format?: string; chain?: string; dryRun?: boolean; json?: boolean; url?: string }>();
  const args = parseArgs(Args, { ...opts, 'dry-run': opts.dryRun, file: program.args[0] }, { positional: ['file'] });
  const body = parseArgs(ImportFirewallRequest, { format: args.format, config: readText(args.file, 'a firewall configuration'), chain: args.chain, apply: !args['dry-run'] });
  const answer = args.url ? await viaServer(args.url, args.conduit, body, args.file) : await direct(args.conduit, body, args.file);
  process.stdout.write(args.json ? `${JSON.stringify(answer, null, 2)}\n` : formatImport(answer, args.file));
  return answer.report.importable ? 0 : 1;
}

runCli(() => main(process.argv));
