// An inventory CSV, end to end: parse (csv-parse) → plan against the stored site (pure) → dry run
// or apply. All or nothing: any row problem refuses the file (422, every problem with its line),
// and applying writes every created and updated asset through one site import in merge mode.
import type { DbClient } from '../../db/client.js';
import { AppError, type FieldError } from '../../errors.js';
import { exportSite } from '../../site/export-site.js';
import { importSite, SiteValidationError } from '../../site/import-site.js';
import type { InventoryAnswer, InventoryRequest } from './inventory-answer.js';
import { InventoryRequest as Request } from './inventory-answer.js';
import { planInventory, type InventoryPlan } from './plan-inventory.js';
import { readCsv, type RowProblem } from './read-csv.js';

export const problemPath = (p: RowProblem): string => `line ${p.line}${p.column ? `, column "${p.column}"` : ''}`;

function refusal(problems: RowProblem[]): AppError {
  const errors: FieldError[] = problems.map((p) => ({ path: problemPath(p), message: p.reason }));
  return new AppError('INTERLOCK_UNPROCESSABLE', `The inventory was refused, nothing was written: ${problems.length} row problem${problems.length === 1 ? '' : 's'}.`, errors);
}

function message(plan: InventoryPlan, dryRun: boolean): string {
  const what = `${plan.created.length} new, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged`;
  if (plan.problems.length) return `Dry run: ${what}; ${plan.problems.length} row problem${plan.problems.length === 1 ? '' : 's'}, so the import would be refused.`;
  return dryRun ? `Dry run: ${what}; nothing written.` : `Imported: ${what}.`;
}

/**
 * One merge import of every changed asset. The site's own checks run on the union with the stored
 * site; a problem they find on an incoming asset (assets[i] of the merge document) is given the
 * line of the row that asset came from.
 */
async function apply(db: DbClient, changed: Array<{ line: number; asset: unknown }>, actor: string) {
  try {
    return await importSite(db, { assets: changed.map((c) => c.asset) }, 'merge', { actor });
  } catch (error) {
    if (!(error instanceof SiteValidationError)) throw error;
    throw refusal(error.errors.map((e) => {
      const at = /^assets\[(\d+)\]\.?(.*)$/.exec(e.path);
      const line = at ? changed[Number(at[1])]?.line : undefined;
      return line === undefined ? { line: 0, reason: `${e.path}: ${e.message}` } : { line, reason: at![2] ? `${at![2]}: ${e.message}` : e.message };
    }));
  }
}

/** `actor`: who applies it (the journal and the audit log name them); a dry run writes nothing. */
export async function importInventory(db: DbClient, input: InventoryRequest, actor: string): Promise<InventoryAnswer> {
  const request = Request.parse(input);
  const parsed = readCsv(request.csv, request.mapping);
  const site = await exportSite(db);
  const plan = parsed.problems.some((p) => p.line === 1)
    ? { created: [], updated: [], unchanged: [], problems: parsed.problems }
    : (() => {
      const p = planInventory(parsed.rows, request.mapping, site);
      return { ...p, problems: [...parsed.problems, ...p.problems].sort((a, b) => a.line - b.line) };
    })();
  if (plan.problems.length && !request.dryRun) throw refusal(plan.problems);
  const changed = [...plan.created, ...plan.updated];
  const result = !request.dryRun && !plan.problems.length && changed.length ? await apply(db, changed, actor) : null;
  return {
    dryRun: request.dryRun,
    applied: result !== null,
    rows: parsed.rows.length + parsed.problems.filter((p) => p.line > 1).length,
    created: plan.created,
    updated: plan.updated.map(({ asset: _asset, ...u }) => u),
    unchanged: plan.unchanged,
    problems: plan.problems,
    import: result,
    message: message(plan, request.dryRun),
  };
}
