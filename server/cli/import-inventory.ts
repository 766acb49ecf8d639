// `npm run import-inventory -- --mapping m.yaml inv.csv [--dry-run] [--column field=Header …]
// [--default-type T] [--delimiter D] [--json] [--url URL]`: imports an asset inventory CSV. All or
// nothing: a file with any row problem is refused with every problem listed, line by line, and
// the graph is unchanged. Exit codes: 0 imported (or a clean dry run), 1 problems or an error.
import { readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { importInventory } from '../importers/inventory-csv/import-inventory.js';
import { MAX_CSV_CHARS, type InventoryAnswer } from '../importers/inventory-csv/inventory-answer.js';
import { formatInventoryReport } from '../importers/inventory-csv/inventory-report.js';
import { INVENTORY_FIELDS, Mapping } from '../importers/inventory-csv/mapping.js';
import { formatPath } from '../model/validate-site.js';
import { fail, parseArgs, readDocument, runCli } from './cli-support.js';
import { answerFrom, printAnswer, refuse, localActor, tokenOption } from './cli-remote.js';

const Args = z.object({
  file: z.string().min(1, 'is required'),
  mapping: z.string().min(1).optional(),
  column: z.array(z.string().regex(new RegExp(`^(${INVENTORY_FIELDS.join('|')})=.+$`), `must be FIELD=Header with FIELD one of ${INVENTORY_FIELDS.join(', ')}`)).max(20).default([]),
  'default-type': z.string().max(100).optional(),
  delimiter: z.string().max(2).optional(),
  'dry-run': z.boolean().default(false),
  json: z.boolean().default(false),
  url: z.url('must be a URL such as http://127.0.0.1:3000').optional(),
}).refine((a) => a.mapping !== undefined || a.column.length > 0, { message: 'give --mapping FILE or at least one --column FIELD=Header', path: ['mapping'] });

function readCsvFile(file: string): string {
  try {
    if (statSync(file).size > MAX_CSV_CHARS) fail(`${file} is larger than 50 MiB; split it.`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`${file}: no such file.`);
    if (code === 'EISDIR') fail(`${file} is a directory, not a CSV file.`);
    throw error;
  }
}

/** The mapping file, with --column, --default-type and --delimiter on top of it. */
function mappingFrom(args: z.infer<typeof Args>): Mapping {
  const base = (args.mapping ? readDocument(args.mapping) : {}) as Record<string, unknown>;
  const columns = { ...(base.columns as object | undefined), ...Object.fromEntries(args.column.map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)])) };
  const raw = { ...base, columns, ...(args['default-type'] ? { defaultType: args['default-type'] } : {}), ...(args.delimiter ? { delimiter: args.delimiter === '\\t' ? '\t' : args.delimiter } : {}) };
  const parsed = Mapping.safeParse(raw);
  if (!parsed.success) refuse('', parsed.error.issues.map((i) => ({ path: `mapping.${formatPath(i.path)}`, message: i.message })), `${args.mapping ?? 'the --column mapping'} is not a valid mapping:`);
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('import-inventory')
    .description('Import an asset inventory CSV: rows matched to assets by id, then IP, then name; new assets placed by zone, subnet or IP. All or nothing.')
    .argument('<file>', 'the inventory, CSV with a header line')
    .option('--mapping <file>', 'column mapping, YAML or JSON (see docs/importers.md)')
    .option('--column <field=Header>', 'map a field to a header column (repeatable; overrides the mapping file)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--default-type <type>', 'asset type of new assets whose row gives none')
    .option('--delimiter <char>', 'field delimiter: "," (default), ";", "|" or "\\t"')
    .option('--dry-run', 'say what would change and write nothing')
    .option('--json', 'print the answer as JSON instead of a report')
    .option('--url <url>', 'a running Interlock server; without it, talk to Neo4j directly')
    .addOption(tokenOption())
    .parse(argv);
  const args = parseArgs(Args, { ...program.opts(), 'dry-run': program.opts().dryRun, 'default-type': program.opts().defaultType, file: program.args[0] }, { positional: ['file'] });
  const request = { csv: readCsvFile(args.file), mapping: mappingFrom(args), dryRun: args['dry-run'] };
  const subject = `${args.file} was not imported`;
  const answer = await answerFrom<InventoryAnswer>(subject, args.url, '/api/inventory', request, (db) => importInventory(db, request, localActor()));
  printAnswer(answer, args.json, formatInventoryReport);
  return answer.problems.length > 0 ? 1 : 0;
}

runCli(() => main(process.argv));
