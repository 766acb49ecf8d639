// Import and export of whole site documents. An import is one write transaction, all or
// nothing: a document that fails validation, or a database error half-way, leaves the graph
// exactly as it was.
import { COLLECTIONS, LABELS, SiteDocument } from '../model/site-schema.js';
import { nameById, validateSite, zodErrors, type SiteValidation, type ValidationError } from '../model/validate-site.js';
import type { DbClient, Tx } from '../db/client.js';
import { canonicalSite } from './canonical.js';
import { fromGraphRows, type ExportRows } from './from-graph.js';
import { countRows, toGraphRows, type GraphRows } from './to-graph.js';

// Rows per UNWIND. Measured on a 100,000-asset estate (2 cores): 2,000–20,000 are within noise
// of each other once pipelined; 10,000 keeps a batch's parameters around 5 MB.
export const BATCH_SIZE = 10_000;
const PIPELINE_DEPTH = 3;

export type ImportMode = 'replace' | 'merge';

export interface ImportProgress {
  step: string;
  done: number;
  total: number;
}

export interface ImportResult {
  mode: ImportMode;
  nodes: number;
  relationships: number;
  counts: Record<string, number>;
  ms: number;
}

export class SiteValidationError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(`The site document has ${errors.length} problem(s).`);
  }
}

// Load order follows the references: a row only ever MATCHes nodes created by an earlier step.
const LOAD_STEPS: Array<[keyof GraphRows, string]> = [
  ['siteInfo', 'site/load-site-info'],
  ['zones', 'site/load-zones'],
  ['assets', 'site/load-assets'],
  ['conduits', 'site/load-conduits'],
  ['rules', 'site/load-rules'],
  ['flows', 'site/load-flows'],
  ['sifs', 'site/load-sifs'],
  ['roles', 'site/load-roles'],
  ['procedures', 'site/load-procedures'],
  ['frameworks', 'site/load-frameworks'],
  ['requirements', 'site/load-requirements'],
  ['equivalences', 'site/link-requirement-equivalences'],
  ['risks', 'site/load-risks'],
  ['controls', 'site/load-controls'],
  ['evidence', 'site/load-evidence'],
];

// The rows that create nodes, and their labels: every collection, plus rules and the site itself.
const NODE_LABELS: Partial<Record<keyof GraphRows, string>> = { ...COLLECTIONS, rules: 'FirewallRule', siteInfo: 'Site' };

/**
 * Queries of one transaction with up to PIPELINE_DEPTH in flight. The driver runs them in order
 * on the transaction's connection, so order is kept, while Node serialises the next batch as
 * Neo4j executes the current one: on two cores this overlap is most of what batching can gain.
 */
function pipeline(tx: Tx) {
  const inflight: Array<Promise<void>> = [];
  return {
    async send(name: string, params: Record<string, unknown>, after?: () => void): Promise<void> {
      const run = tx.run(name, params).then(() => after?.());
      // Awaited below or in drain(); until then a failure must not count as unhandled.
      run.catch(() => {});
      inflight.push(run);
      while (inflight.length >= PIPELINE_DEPTH) await inflight.shift();
    },
    async drain(): Promise<void> {
      while (inflight.length) await inflight.shift();
    },
  };
}

/** "Label:id" of every node the rows create: what a replace keeps. */
function nodeKeys(rows: GraphRows): string[] {
  const keys: string[] = [];
  for (const [key, label] of Object.entries(NODE_LABELS) as Array<[keyof GraphRows, string]>) {
    for (const row of rows[key] as Array<{ props: { id?: unknown } }>) keys.push(`${label}:${row.props.id}`);
  }
  return keys;
}

// Replace is an upsert then a sweep, not delete-all then create: see cypher/site/delete-relationships.cypher
// for why re-creating a deleted id in the same transaction is slow.
export async function replaceIn(tx: Tx, site: SiteDocument, onProgress?: (p: ImportProgress) => void): Promise<GraphRows> {
  const rows = toGraphRows(site);
  const queue = pipeline(tx);
  await queue.send('site/delete-relationships', { labels: [...LABELS] });
  for (const [key, name] of LOAD_STEPS) {
    const all = rows[key] as unknown[];
    for (let i = 0; i < all.length; i += BATCH_SIZE) {
      const done = Math.min(i + BATCH_SIZE, all.length);
      await queue.send(name, { rows: all.slice(i, i + BATCH_SIZE) }, () => onProgress?.({ step: key, done, total: all.length }));
    }
  }
  await queue.send('site/delete-stale', { labels: [...LABELS], keep: nodeKeys(rows) });
  await queue.send('site/derive-flow-safety', {});
  await queue.drain();
  return rows;
}

const EXPORT_STEPS: Array<[keyof ExportRows, string]> = [
  ['siteInfo', 'export/site-info'], ['zones', 'export/zones'], ['assets', 'export/assets'],
  ['conduits', 'export/conduits'], ['flows', 'export/flows'], ['sifs', 'export/sifs'],
  ['procedures', 'export/procedures'], ['roles', 'export/roles'], ['frameworks', 'export/frameworks'],
  ['requirements', 'export/requirements'], ['controls', 'export/controls'], ['evidence', 'export/evidence'],
  ['risks', 'export/risks'],
];

export async function exportIn(tx: Tx): Promise<SiteDocument> {
  const rows = {} as ExportRows;
  for (const [key, name] of EXPORT_STEPS) rows[key] = await tx.run(name);
  return canonicalSite(fromGraphRows(rows));
}

export async function exportSite(db: DbClient): Promise<SiteDocument> {
  return db.readTx(exportIn);
}

/**
 * Overlays an incoming document on the stored one: entities with the same id are replaced.
 * Incoming entities come first, at their own index, so a validation path into the union is the
 * same path into the document the user sent.
 */
export function mergeSites(current: SiteDocument, incoming: SiteDocument): SiteDocument {
  const merged: Record<string, unknown> = { site: incoming.site ?? current.site };
  for (const key of Object.keys(COLLECTIONS) as Array<keyof typeof COLLECTIONS>) {
    const incomingIds = new Set(incoming[key].map((item) => item.id));
    merged[key] = [...incoming[key], ...current[key].filter((item) => !incomingIds.has(item.id))];
  }
  return merged as SiteDocument;
}

/**
 * Validates and writes a document. `merge` validates the union of the stored site and the
 * document (so references to stored entities resolve) and writes that union, inside the same
 * transaction that read it.
 */
export async function importSite(
  db: DbClient,
  input: unknown,
  mode: ImportMode,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const started = performance.now();
  const incoming = mode === 'replace' ? validateSite(input) : parseShape(input);
  if (!incoming.ok) throw new SiteValidationError(incoming.errors);
  const rows = await db.writeTx(async (tx) => {
    let site = incoming.site;
    if (mode === 'merge') {
      const union = mergeSites(await exportIn(tx), site);
      const checked = validateSite(union);
      if (!checked.ok) {
        // Errors on stored entities (beyond the incoming ones) are named by id, not by union index.
        const incomingCount = (key: string) => (site[key as keyof typeof COLLECTIONS] as unknown[] | undefined)?.length ?? 0;
        throw new SiteValidationError(nameById(checked.errors, union, incomingCount, '(stored entity) '));
      }
      site = checked.site;
    }
    return replaceIn(tx, site, onProgress);
  });
  const counts = Object.fromEntries(Object.keys(COLLECTIONS).map((k) => [k, (rows[k as keyof GraphRows] as unknown[])?.length ?? 0]));
  counts.rules = rows.rules.length;
  return { mode, ...countRows(rows), counts, ms: Math.round(performance.now() - started) };
}

/** Shape only: a merge document's references are checked against the stored site later. */
function parseShape(input: unknown): SiteValidation {
  const parsed = SiteDocument.safeParse(input);
  return parsed.success ? { ok: true, site: parsed.data } : { ok: false, errors: zodErrors(parsed.error) };
}

export async function isGraphEmpty(db: DbClient): Promise<boolean> {
  const [row] = await db.read('site/count-nodes', { labels: [...LABELS] });
  return Number(row?.count ?? 0) === 0;
}
