// Staleness from the change journal: the changes after the assessment's revision to anything it
// read. Runs on its own or inside a write transaction (signing and implementing check it there,
// after taking their locks, so nothing can slip in between the check and the write).
import { Tx, type DbClient } from '../db/client.js';
import { conflict } from '../errors.js';
import type { ReviewRecord } from './store.js';

export interface StaleChange { revision: number; at: string | null; actor: string | null; action: string | null; collection: string; entity: string; op: string }

const LIMIT = 50;

/** Only submitted and approved requests can be stale: a draft has no assessment yet, a decided one is history. */
export async function staleBecause(db: DbClient | Tx, review: ReviewRecord): Promise<StaleChange[]> {
  const a = review.assessment;
  if (!a || !['SUBMITTED', 'APPROVED'].includes(review.status)) return [];
  const params = { since: a.revision, ids: a.readSet, limit: LIMIT };
  const rows = db instanceof Tx ? await db.run('reviews/changes-since', params) : await db.read('reviews/changes-since', params);
  return rows as StaleChange[];
}

export const describeStale = (changes: StaleChange[]) =>
  changes.slice(0, 3).map((c) => `${c.collection}/${c.entity} (${c.op} at revision ${c.revision}${c.actor ? ` by ${c.actor}` : ''})`).join(', ') +
  (changes.length > 3 ? ` and ${changes.length - 3} more` : '');

export async function assertFresh(tx: Tx, review: ReviewRecord, doing: string): Promise<void> {
  const changes = await staleBecause(tx, review);
  if (changes.length) {
    throw conflict(`Change request "${review.id}" is stale: its assessment read revision ${review.assessment!.revision}, and since then ${describeStale(changes)} changed. Reassess it before ${doing}.`);
  }
}
