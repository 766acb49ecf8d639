// `npm run assurance -- status|inconsistencies|evidence|report [--framework F] [--as-of DATE]
// [--profile P] [--json] [--url URL]`: the assurance view for a pipeline or a terminal, from a
// running Interlock (--url) or straight from Neo4j. Exit codes: 0 nothing to flag; 2 status: a
// requirement of the asked framework is not met (only with --framework); inconsistencies: at least
// one; evidence: an item expired or never collected; report: any of the last two; 1 bad input or
// another error.
import { Command } from 'commander';
import { z } from 'zod';
import { asOfToday } from '../assurance/as-of.js';
import { readBaseline } from '../assurance/baseline.js';
import { inconsistencies } from '../assurance/inconsistencies.js';
import { boardReport } from '../assurance/report.js';
import type { BoardReportT } from '../assurance/report-schema.js';
import { formatBoardReport, formatEvidence, formatInconsistencies, formatRequirements, formatSummaries } from '../assurance/report-text.js';
import type { EvidenceCurrencyT, InconsistencyT } from '../assurance/schemas.js';
import { evidenceList, flatStatuses, frameworksWithSummaries, frameworkTree } from '../assurance/views.js';
import type { DbClient } from '../db/client.js';
import { IsoDate } from '../model/primitives.js';
import { Id } from '../model/site-schema.js';
import { parseArgs, runCli } from './cli-support.js';
import { askServer, onDatabase, printAnswer, refuser, tokenOption } from './cli-remote.js';

const Args = z.object({
  command: z.enum(['status', 'inconsistencies', 'evidence', 'report'], { error: 'must be status, inconsistencies, evidence or report' }),
  framework: Id.optional(),
  profile: Id.optional(),
  'as-of': IsoDate.optional(),
  json: z.boolean().default(false),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});
type ArgsT = z.infer<typeof Args>;

/** GET from the server at --url, else the same answer computed on the database. */
const ask = <T>(args: ArgsT, path: string, local: (db: DbClient) => Promise<T>): Promise<T> =>
  args.url ? askServer<T>(args.url, path, { method: 'GET' }, refuser('assurance')) : onDatabase('assurance', local);

async function status(args: ArgsT, asOf: string): Promise<number> {
  const f = args.framework;
  const answer = f
    ? await ask(args, `/api/assurance/frameworks/${f}?asOf=${asOf}`, (db) => frameworkTree(db, f, asOf)).then((t) => ({ asOf, summaries: t.summaries, requirements: flatStatuses(t.tree) }))
    : { asOf, summaries: (await ask(args, `/api/assurance/frameworks?asOf=${asOf}`, (db) => frameworksWithSummaries(db, asOf))).flatMap((x) => x.summaries), requirements: [] };
  printAnswer(answer, args.json, (a) => formatSummaries(a.asOf, a.summaries) + (f ? formatRequirements(a.requirements) : ''));
  return f && answer.summaries.some((s) => s.counts.met < s.assessable) ? 2 : 0;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('assurance')
    .description('The assurance view of the one control baseline: status, inconsistencies, evidence, the board report. See docs/assurance.md for exit codes.')
    .argument('<command>', 'status | inconsistencies | evidence | report')
    .option('--framework <id>', 'status: one framework, with its requirements not met')
    .option('--profile <id>', 'report: the CAF profile to rate against', 'caf-baseline')
    .option('--as-of <date>', 'YYYY-MM-DD (UTC); default today')
    .option('--json', 'print the answer as JSON instead of a report')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const { asOf: given, ...opts } = program.opts<{ asOf?: string }>();
  const args = parseArgs(Args, { ...opts, 'as-of': given, command: program.args[0] }, { positional: ['command'] });
  const asOf = args['as-of'] ?? asOfToday();
  switch (args.command) {
    case 'status':
      return status(args, asOf);
    case 'inconsistencies': {
      const found = await ask<InconsistencyT[]>(args, `/api/assurance/inconsistencies?asOf=${asOf}`, (db) => db.readTx(async (tx) => inconsistencies(tx, await readBaseline(tx, asOf))));
      printAnswer(found, args.json, (a) => formatInconsistencies(asOf, a));
      return found.length > 0 ? 2 : 0;
    }
    case 'evidence': {
      const answer = await ask<{ asOf: string; evidence: EvidenceCurrencyT[]; controlsWithoutCurrentEvidence: Record<string, string[]> }>(args, `/api/assurance/evidence?asOf=${asOf}`, (db) => evidenceList(db, asOf));
      printAnswer(answer, args.json, (a) => formatEvidence(a.asOf, a.evidence, a.controlsWithoutCurrentEvidence));
      return answer.evidence.some((e) => e.currency === 'expired' || e.currency === 'absent') ? 2 : 0;
    }
    case 'report': {
      const profile = args.profile ?? null;
      const report = await ask<BoardReportT>(args, `/api/assurance/report?asOf=${asOf}${profile ? `&profile=${profile}` : ''}`, (db) => boardReport(db, asOf, profile));
      printAnswer(report, args.json, formatBoardReport);
      const expired = report.evidence.some((e) => e.expired + e.absent > 0);
      return expired || Object.values(report.inconsistencies).some((n) => n > 0) ? 2 : 0;
    }
  }
}

runCli(() => main(process.argv));
