// The change journal: every site write records, under its revision, what it changed — entity,
// kind of change, and before/after of only the changed fields (the whole document for a create or
// a delete). Append-only: written in the same transaction as the change, never updated.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain.js';
import type { DbClient, Tx } from '../db/client.js';
import type { CollectionName } from '../model/collections.js';
import { stableJson } from './canonical.js';
import type { Doc } from './stored.js';

export type ChangeOp = 'create' | 'update' | 'delete';

export interface EntityChange {
  /** The collection, or `site` for the document's site block. */
  collection: CollectionName | 'site';
  id: string;
  op: ChangeOp;
  before?: Doc;
  after?: Doc;
}

export interface RevisionMeta {
  /** What kind of write: import:replace, import:merge, create, update, delete … */
  action: string;
  /** Who wrote it: the username of the caller (actor.ts), `interlock` for the server itself. */
  actor: string;
  summary: string;
  /** What the audit entry names as acted on: `assets/ls1`; the whole `site` when absent. */
  target?: string;
}

const JOURNAL_BATCH = 5_000;

/** Only the top-level fields whose values differ, on each side. */
export function changedFields(before: Doc, after: Doc): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = keys.filter((k) => stableJson(before[k]) !== stableJson(after[k]));
  const pick = (doc: Doc) => Object.fromEntries(changed.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
  return { before: pick(before), after: pick(after) };
}

function journalRow(revision: number, seq: number, change: EntityChange) {
  const diff = change.op === 'update' ? changedFields(change.before!, change.after!) : { before: change.before, after: change.after };
  return {
    revision, seq, collection: change.collection, entity: change.id, op: change.op,
    before: diff.before ? JSON.stringify(diff.before) : null,
    after: diff.after ? JSON.stringify(diff.after) : null,
  };
}

/**
 * Records the revision and its changes; returns the SHA-256 over the canonical JSON of what was
 * recorded (the revision, then each change row in seq order), which the audit entry carries.
 */
export async function recordRevision(tx: Tx, revision: number, meta: RevisionMeta, changes: EntityChange[]): Promise<string> {
  const { target: _target, ...recorded } = meta;
  const record = { number: revision, at: new Date().toISOString(), ...recorded, changeCount: changes.length };
  const digest = createHash('sha256').update(canonicalJson(record));
  const pending = [tx.run('journal/record-revision', { revision: record })];
  for (let i = 0; i < changes.length; i += JOURNAL_BATCH) {
    const rows = changes.slice(i, i + JOURNAL_BATCH).map((c, j) => journalRow(revision, i + j, c));
    for (const row of rows) digest.update(`\n${canonicalJson(row)}`);
    pending.push(tx.run('journal/record-changes', { rows }));
  }
  await Promise.all(pending);
  return digest.digest('hex');
}

export interface JournalChange {
  seq: number;
  collection: string;
  entity: string;
  op: ChangeOp;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface RevisionRecord {
  number: number;
  at: string;
  action: string;
  actor: string;
  summary: string;
  changeCount: number;
  changes: JournalChange[];
}

const parsed = (row: Record<string, unknown>): JournalChange => ({
  seq: row.seq as number,
  collection: row.collection as string,
  entity: row.entity as string,
  op: row.op as ChangeOp,
  before: row.before ? JSON.parse(row.before as string) : null,
  after: row.after ? JSON.parse(row.after as string) : null,
});

export async function headRevision(db: DbClient): Promise<number> {
  const [row] = await db.read('journal/head');
  return Number(row?.revision ?? 0);
}

export async function listRevisions(db: DbClient, since: number, limit: number, perRevision: number): Promise<{ head: number; revisions: RevisionRecord[] }> {
  return db.readTx(async (tx) => {
    const [[head], rows] = await Promise.all([tx.run('journal/head'), tx.run('journal/revisions', { since, limit, perRevision })]);
    const revisions = rows.map((r) => ({ ...(r.revision as Omit<RevisionRecord, 'changes'>), changes: (r.changes as Array<Record<string, unknown>>).map(parsed) }));
    return { head: Number(head?.revision ?? 0), revisions };
  });
}

export async function listChanges(db: DbClient, revision: number, offset: number, limit: number): Promise<JournalChange[]> {
  return (await db.read('journal/changes', { revision, offset, limit })).map((r) => parsed(r.change as Record<string, unknown>));
}
