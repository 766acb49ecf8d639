// Import of a site document, in one transaction, all or nothing: `replace` makes the document the
// whole site (validated whole, then only what differs is written); `merge` adds or replaces the
// document's entities by id, validated against the stored site through what they touch. Either
// way the write is a site write: serialised, versioned and journalled (site-write.ts).
import { TIMEOUTS, type DbClient } from '../db/client.js';
import { count } from '../plural.js';
import { COLLECTION_NAMES, type CollectionName } from '../model/collections.js';
import { validateShape, validateSite, type ValidationError } from '../model/validate-site.js';
import type { SiteDocument } from '../model/site-schema.js';
import type { WriteProgress } from './graph-write.js';
import { writeEntities, WriteRefused } from './incremental-write.js';
import { replaceSite } from './replace-site.js';
import { siteWrite } from './site-write.js';
import type { Doc } from './stored.js';

export type ImportMode = 'replace' | 'merge';
/** A whole site in one transaction: a 100,000-asset estate takes about 15 s on a small machine. */
const BULK = { timeoutMs: TIMEOUTS.bulk };
export type ImportProgress = WriteProgress;

export interface ImportResult {
  mode: ImportMode;
  revision: number;
  /** Entities per collection in the document, and its firewall rules. */
  counts: Record<string, number>;
  /** What the import changed in the stored site. */
  changed: { created: number; updated: number; deleted: number; unchanged: number };
  /** Nodes and relationships written: only what changed (everything, into an empty database). */
  nodes: number;
  relationships: number;
  ms: number;
}

export class SiteValidationError extends Error {
  /** breaksSchema: a shape the published schema states is broken (400), not only the site's rules (422). */
  constructor(readonly errors: ValidationError[], readonly total: number = errors.length, readonly breaksSchema = true) {
    super(`The site document has ${count(total, 'problem')}${total > errors.length ? `; the first ${errors.length} are listed` : ''}.`);
  }
}

export interface ImportOptions {
  /** Who imports: the username the journal and the audit log record (no write happens without one). */
  actor: string;
  onProgress?: (p: ImportProgress) => void;
  /** A replace rewrites every entity, changed or not: the repair of a graph that failed its integrity check. */
  repair?: boolean;
}

function counts(site: SiteDocument): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, site[n].length]));
  out.rules = site.conduits.reduce((sum, c) => sum + c.rules.length, 0);
  return out;
}

export async function importSite(db: DbClient, input: unknown, mode: ImportMode, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const checked = mode === 'replace' ? validateSite(input) : validateShape(input);
  if (!checked.ok) throw new SiteValidationError(checked.errors, checked.total, checked.breaksSchema);
  const site = checked.site;
  const summary = `${mode} import of ${count(COLLECTION_NAMES.map((n) => site[n].length).reduce((a, b) => a + b, 0), 'entity', 'entities')}${options.repair ? ', every entity rewritten (repair)' : ''}`;
  const meta = { action: `import:${mode}`, actor: options.actor, summary };
  const result = mode === 'replace'
    ? await siteWrite(db, () => meta, async (tx) => replaceSite(tx, site, options.onProgress, options.repair), BULK)
    : await siteWrite(db, () => meta, async (tx) => {
      const upserts = COLLECTION_NAMES.flatMap((collection: CollectionName) => (site[collection] as Doc[]).map((doc, i) => ({ collection, doc, name: `${collection}[${i}]` })));
      try {
        const outcome = await writeEntities(tx, { upserts, deletes: [], ...(site.site ? { site: site.site } : {}) });
        return { changes: outcome.changes, unchanged: upserts.length - outcome.changes.length, nodes: outcome.nodes, relationships: outcome.relationships };
      } catch (error) {
        if (error instanceof WriteRefused) throw new SiteValidationError(error.errors, error.total, false);
        throw error;
      }
    }, BULK);
  // Committed: fresh index statistics are a courtesy to the next queries, never a reason to fail.
  // Awaited, not left running, so the reads that follow the import's answer are planned with them.
  if (result.changes.length > 0) await db.write('site/resample-index-statistics').catch(() => undefined);
  const tally = { created: 0, updated: 0, deleted: 0, unchanged: result.unchanged };
  for (const c of result.changes) if (c.collection !== 'site') tally[`${c.op}d` as 'created' | 'updated' | 'deleted'] += 1;
  return { mode, revision: result.revision, counts: counts(site), changed: tally, nodes: result.nodes, relationships: result.relationships, ms: Math.round(performance.now() - started) };
}

export async function hasSite(db: DbClient): Promise<boolean> {
  const [row] = await db.read('site/has-entities');
  return Boolean(row?.any);
}
