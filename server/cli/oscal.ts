// `npm run oscal -- import FILE --framework ID [--domains IT,OT] [--kind K] [--url URL]` and
// `npm run oscal -- export [--as-of DATE] [--framework ID] [--out FILE] [--url URL]`: an OSCAL
// catalog imported as a framework (a versioned merge import), the baseline's assessment exported
// as OSCAL assessment-results. Exit codes: 0 done; 1 a refused catalog (every reason printed), bad
// arguments or another error. docs/assurance.md#oscal says what maps to what.
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { asOfToday } from '../assurance/as-of.js';
import { assessmentResults } from '../assurance/oscal/export-results.js';
import { importOscalCatalog } from '../assurance/oscal/import-catalog.js';
import { OscalCatalogDocument } from '../assurance/oscal/oscal-catalog.js';
import { FRAMEWORK_KINDS } from '../model/governance-schema.js';
import { DomainList, Id, IsoDate } from '../model/primitives.js';
import { formatPath } from '../model/validate-site.js';
import { fail, parseArgs, readDocument, runCli } from './cli-support.js';
import { answerFrom, askServer, localActor, onDatabase, refuse, refuser, tokenOption } from './cli-remote.js';

const Args = z.object({
  command: z.enum(['import', 'export'], { error: 'must be import or export' }),
  file: z.string().min(1).optional(),
  framework: Id.optional(),
  domains: DomainList,
  kind: z.enum(FRAMEWORK_KINDS).default('standard'),
  'as-of': IsoDate.optional(),
  out: z.string().min(1).optional(),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
}).refine((a) => a.command !== 'import' || (a.file && a.framework), { message: 'import needs <file> and --framework', path: ['file'] });

async function importCatalog(args: z.infer<typeof Args>): Promise<number> {
  const parsed = OscalCatalogDocument.safeParse(readDocument(args.file!));
  if (!parsed.success) refuse(args.file!, parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })), `${args.file} is not an OSCAL catalog Interlock reads:`);
  const options = { framework: args.framework!, domains: args.domains, kind: args.kind };
  const query = `framework=${encodeURIComponent(options.framework)}&domains=${options.domains.join(',')}&kind=${options.kind}`;
  const result = await answerFrom(`${args.file} was refused`, args.url, `/api/assurance/oscal/catalog?${query}`, parsed.data, (db) => importOscalCatalog(db, parsed.data, options, localActor()));
  process.stdout.write(`Imported ${args.file} as framework ${result.framework} at revision ${result.revision}: ${result.changed.created} created, ${result.changed.updated} updated, ${result.changed.unchanged} unchanged.\n`);
  return 0;
}

async function exportResults(args: z.infer<typeof Args>): Promise<number> {
  const asOf = args['as-of'] ?? asOfToday();
  const path = `/api/assurance/oscal/assessment-results?asOf=${asOf}${args.framework ? `&framework=${args.framework}` : ''}`;
  const document = args.url
    ? await askServer<unknown>(args.url, path, { method: 'GET' }, refuser('export'))
    : await onDatabase('export', async (db) => {
      const [site] = await db.read('site/site-info');
      return assessmentResults(db, asOf, args.framework ?? null, String(site?.props?.name ?? 'the site'));
    });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('oscal')
    .description('Import an OSCAL catalog as a framework, or export the assessment as OSCAL assessment-results.')
    .argument('<command>', 'import | export')
    .argument('[file]', 'import: the catalog (JSON)')
    .option('--framework <id>', 'import: the framework id to give it; export: one framework only')
    .option('--domains <list>', 'import: the domains it scopes, IT, OT or IT,OT', 'IT')
    .option('--kind <kind>', 'import: standard, regulation or profile', 'standard')
    .option('--as-of <date>', 'export: YYYY-MM-DD (UTC); default today')
    .option('--out <file>', 'export: write here instead of stdout')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const { asOf, ...opts } = program.opts<{ asOf?: string }>();
  const args = parseArgs(Args, { ...opts, 'as-of': asOf, command: program.args[0], file: program.args[1] }, { positional: ['command', 'file'] });
  if (args.command === 'import') return importCatalog(args);
  if (args.file) fail('export takes no <file>; use --out');
  return exportResults(args);
}

runCli(() => main(process.argv));
