// `npm run impact -- FILE [--json] [--fail-on LEVEL] [--url URL]`: assesses a proposed change (or
// change set) for a change pipeline. Exit codes: 0 no finding at or above --fail-on, 2 at least
// one, 1 bad input (with every validation error). Talks to a running Interlock with --url, or
// straight to Neo4j (NEO4J_URI, else the embedded database in INTERLOCK_DATA_DIR).
import { Command } from 'commander';
import { z } from 'zod';
import { assessImpact } from '../impact/assess.js';
import { ImpactRequest, type ImpactResponse, Severity } from '../impact/change-schema.js';
import { formatReport } from '../impact/report-text.js';
import { severityRank } from '../impact/severity.js';
import { formatPath } from '../model/validate-site.js';
import { fail, parseArgs, readDocument, runCli } from './cli-support.js';
import { postToServer, withDatabase, tokenOption } from './cli-remote.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  json: z.boolean().default(false),
  'fail-on': z.enum(Severity.options, { error: 'must be CRITICAL, HIGH, MEDIUM, LOW or INFO' }),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});

/** A file may hold the request itself, one bare change, or a bare list of changes. */
export function toRequest(document: unknown): unknown {
  if (Array.isArray(document)) return { changes: document };
  if (document && typeof document === 'object' && 'kind' in document) return { change: document };
  return document;
}

function reportInvalid(file: string, errors: Array<{ path: string; message: string }>): never {
  return fail(`${file} is not a valid change:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
}

async function viaServer(url: string, request: ImpactRequest, file: string): Promise<ImpactResponse> {
  return postToServer<ImpactResponse>(url, '/api/impact', request, (r) => reportInvalid(file, r.errors ?? [{ path: '(change)', message: r.message }]));
}

async function direct(request: ImpactRequest, file: string): Promise<ImpactResponse> {
  return withDatabase((db) => assessImpact(db, request), (error) => reportInvalid(file, error.errors ?? [{ path: '(change)', message: error.message }]));
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('impact')
    .description('Does a proposed security change touch a safety path? Exit 2 when a finding reaches --fail-on.')
    .argument('<file>', 'change (or change set) as JSON or YAML')
    .option('--json', 'print the answer as JSON instead of a report')
    .option('--fail-on <level>', 'lowest severity that fails the run: CRITICAL, HIGH, MEDIUM, LOW or INFO', 'HIGH')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const opts = program.opts<{ json?: boolean; failOn: string; url?: string }>();
  const args = parseArgs(Args, { json: opts.json, url: opts.url, 'fail-on': opts.failOn.toUpperCase(), file: program.args[0] }, { positional: ['file'] });

  const parsed = ImpactRequest.safeParse(toRequest(readDocument(args.file)));
  if (!parsed.success) reportInvalid(args.file, parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const answer = args.url ? await viaServer(args.url, parsed.data, args.file) : await direct(parsed.data, args.file);

  process.stdout.write(args.json ? `${JSON.stringify(answer, null, 2)}\n` : formatReport(answer));
  const failing = answer.findings.filter((f) => severityRank(f.severity) <= severityRank(args['fail-on']));
  return failing.length > 0 ? 2 : 0;
}

runCli(() => main(process.argv));
