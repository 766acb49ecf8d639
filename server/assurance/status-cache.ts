// Every control's effective status and maturity as of a date, kept between requests and brought up
// to date from the change journal: a governance lead assesses one control and reads the framework's
// compliance back, and only that control is read again (DOMAIN.md §5.2.1 is still decided in
// Cypher, by assurance/control-effective, for the controls that changed).
//
// Why it cannot be wrong: a snapshot is labelled with the revision head read *before* its rows, so
// its rows are at least that new (Neo4j reads committed data); a later read recomputes every
// control the journal shows changed after the label — a control's assessment or domain, and the
// controls an evidence item supports before and after it changed — which is all a status depends
// on. A write the journal does not itemise (an import, which may rewrite everything), too many
// revisions since, or another head (an emptied database starts a new epoch) read everything again.
import type { DbClient, Tx } from '../db/client.js';
import { readStatuses, type Statuses } from './baseline.js';

/** Writes whose journal lists every entity they changed. */
const ITEMISED = new Set(['create', 'update', 'delete', 'implement']);
/** Beyond this many revisions since a snapshot, reading everything is as cheap. */
const MAX_REVISIONS = 100;
/** Dates kept: today's, and the few a report or a comparison asks for. */
const MAX_DATES = 8;

/** `at`: when the labelled revision was written, to tell it from another numbered the same. */
interface Snapshot { epoch: string; revision: number; at: string | null; statuses: Statuses }
interface ChangeRow { collection: string; entity: string; before: string | null; after: string | null; supports: string[] }

/** The controls a journalled change can move: the control itself; an evidence item's before, after and now. */
function touchedControls(change: ChangeRow): string[] {
  if (change.collection === 'controls') return [change.entity];
  const supports = (json: string | null) => {
    const doc = json ? (JSON.parse(json) as { supports?: unknown }) : {};
    return Array.isArray(doc.supports) ? doc.supports.filter((x): x is string => typeof x === 'string') : [];
  };
  return [...supports(change.before), ...supports(change.after), ...change.supports];
}

export class StatusCache {
  private readonly snapshots = new Map<string, Snapshot>();

  /** Every control's statuses as of `asOf`, as fresh as the graph this transaction reads. */
  async statuses(tx: Tx, asOf: string): Promise<Statuses> {
    const [head] = await tx.run('journal/head');
    const epoch = head?.epoch as string | null | undefined;
    const revision = Number(head?.revision ?? 0);
    const at = (head?.at as string | null | undefined) ?? null;
    if (!epoch) return readStatuses(tx, asOf);
    const cached = this.snapshots.get(asOf);
    const usable = cached && cached.epoch === epoch && cached.revision <= revision ? cached : undefined;
    const statuses = (usable && (await this.update(tx, usable, revision, at))) || (await readStatuses(tx, asOf));
    this.keep(asOf, { epoch, revision, at, statuses });
    return statuses;
  }

  /** The snapshot brought up to `revision`, or undefined when only reading everything will do. */
  private async update(tx: Tx, cached: Snapshot, revision: number, at: string | null): Promise<Statuses | undefined> {
    if (cached.revision === revision) return cached.at === at ? cached.statuses : undefined;
    const since = (await tx.run('assurance/status-changes-since', { since: cached.revision, limit: MAX_REVISIONS + 1 })) as Array<{ sinceAt: string | null; action: string; changes: ChangeRow[] }>;
    if (since.length > MAX_REVISIONS || since.some((r) => r.sinceAt !== cached.at || !ITEMISED.has(r.action))) return undefined;
    const controls = [...new Set(since.flatMap((r) => r.changes.flatMap(touchedControls)))];
    if (controls.length === 0) return cached.statuses;
    return readStatuses(tx, cached.statuses.asOf, { base: cached.statuses, controls });
  }

  /** Keeps the newest snapshot per date (never an older one over a newer), and a few dates. */
  private keep(asOf: string, snapshot: Snapshot): void {
    const held = this.snapshots.get(asOf);
    if (held && held.epoch === snapshot.epoch && held.revision > snapshot.revision) return;
    this.snapshots.delete(asOf);
    this.snapshots.set(asOf, snapshot);
    if (this.snapshots.size > MAX_DATES) this.snapshots.delete(this.snapshots.keys().next().value!);
  }
}

const caches = new WeakMap<DbClient, StatusCache>();

/** The cache of one database connection (one app): its snapshots are of that graph only. */
export function statusCacheOf(db: DbClient): StatusCache {
  const cache = caches.get(db) ?? new StatusCache();
  caches.set(db, cache);
  return cache;
}
