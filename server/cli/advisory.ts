// `npm run advisory -- FILE [--json] [--url URL]`: which assets a CSAF 2.0 advisory affects, what
// applying its vendor fix does to safety paths, and the triage hook. Writes nothing. Exit codes:
// 0 no asset matches, 2 at least one asset is affected or possibly affected, 1 an invalid advisory
// (every reason the CSAF validator gives) or another error. Talks to a running Interlock with
// --url, or straight to Neo4j (NEO4J_URI, else the embedded database in INTERLOCK_DATA_DIR).
import { Command } from 'commander';
import { z } from 'zod';
import type { AdvisoryAnswer } from '../importers/csaf/advisory-answer.js';
import { formatAdvisoryReport } from '../importers/csaf/advisory-report.js';
import { assessAdvisory } from '../importers/csaf/assess-advisory.js';
import { parseArgs, readDocument, runCli } from './cli-support.js';
import { answerFrom, printAnswer, tokenOption } from './cli-remote.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  json: z.boolean().default(false),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
});

async function main(argv: string[]): Promise<number> {
  const program = new Command('advisory')
    .description('Match a CSAF 2.0 advisory to the estate: affected assets, the patch what-if of its vendor fix, and triage. Exit 2 when any asset matches.')
    .argument('<file>', 'the advisory, CSAF 2.0 JSON')
    .option('--json', 'print the answer as JSON instead of a report')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const args = parseArgs(Args, { ...program.opts(), file: program.args[0] }, { positional: ['file'] });
  const document = readDocument(args.file);
  const subject = `${args.file} was refused`;
  const answer = await answerFrom<AdvisoryAnswer>(subject, args.url, '/api/advisories', document, (db) => assessAdvisory(db, document));
  printAnswer(answer, args.json, formatAdvisoryReport);
  return answer.affected.length > 0 ? 2 : 0;
}

runCli(() => main(process.argv));
