// `npm run import-firewall -- --conduit C --format iptables|fortigate [--chain X] [--dry-run]
// [--json] [--url URL] FILE`: turns a firewall configuration into the conduit's rule set, shows
// the what-if of the replacement, and writes it unless --dry-run. Exit codes: 0 done (or dry run
// done), 1 bad input or a configuration with refused lines (nothing written).
import { Command } from 'commander';
import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { ImportFirewallRequest, importFirewall, type ImportFirewallAnswer } from '../importers/import-firewall.js';
import { formatImport } from '../importers/report-text.js';
import { FIREWALL_FORMATS } from '../importers/report.js';
import { ID_PATTERN } from '../model/site-schema.js';
import { postToServer, withDatabase, localActor, tokenOption } from './cli-remote.js';
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
  return postToServer<ImportFirewallAnswer>(url, `/api/conduits/${encodeURIComponent(conduit)}/import-firewall`, body, (r) => refused(file, r.message, r.errors));
}

async function direct(conduit: string, body: ImportFirewallRequest, file: string): Promise<ImportFirewallAnswer> {
  return withDatabase((db) => importFirewall(db, conduit, body, localActor()), (error) => refused(file, error.message, error.errors));
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
    .addOption(tokenOption())
    .parse(argv);
  const opts = program.opts<{ conduit?: string; format?: string; chain?: string; dryRun?: boolean; json?: boolean; url?: string }>();
  const args = parseArgs(Args, { ...opts, 'dry-run': opts.dryRun, file: program.args[0] }, { positional: ['file'] });
  const request = ImportFirewallRequest.safeParse({ format: args.format, config: readText(args.file, 'a firewall configuration'), chain: args.chain, apply: !args['dry-run'] });
  // The configuration is the file's text: a problem with it names the file, not an option.
  if (!request.success) fail(request.error.issues.map((i) => `${i.path[0] === 'config' ? args.file : `--${String(i.path[0])}`}: ${i.message}`).join('\n'));
  const body = request.data;
  const answer = args.url ? await viaServer(args.url, args.conduit, body, args.file) : await direct(args.conduit, body, args.file);
  process.stdout.write(args.json ? `${JSON.stringify(answer, null, 2)}\n` : formatImport(answer, args.file));
  return answer.report.importable ? 0 : 1;
}

runCli(() => main(process.argv));
