// Every transaction that writes the site goes through here: it first takes the site's write lock
// by moving the revision on (site/begin-write), so site writes are serialised and each acts on
// what the previous one committed; it ends by appending what it changed to the journal, in the
// same transaction, and then its audit entry (the revision and a digest of what the journal
// recorded; the audit head's lock is taken last, so it is held only for the commit). Two writers
// can never both succeed from the same state, and a write, its journal and its audit entry
// commit or vanish together.
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient, Tx, TxOptions } from '../db/client.js';
import { recordRevision, type EntityChange, type RevisionMeta } from './journal.js';

export interface SiteWriteResult {
  changes: EntityChange[];
  /** Entities written again without a document change (a repair); such a write is kept. */
  rewritten?: number;
}

/** Rolls back a write that changed nothing, carrying its result out of the transaction. */
class NothingChanged<T> extends Error {
  constructor(readonly result: T, readonly revision: number) {
    super('nothing changed');
  }
}

export async function siteWrite<T extends SiteWriteResult>(
  db: DbClient,
  meta: (result: T) => RevisionMeta,
  work: (tx: Tx, revision: number) => Promise<T>,
  options: TxOptions = {},
): Promise<T & { revision: number }> {
  try {
    // executeWrite retries transient failures (a deadlock, a leader switch): the work re-reads
    // everything after the lock, so running it again is safe.
    return await db.writeTx(async (tx) => {
      const [head] = await tx.run('site/begin-write');
      if (!head) throw new Error('the site revision head is missing; the schema was not applied');
      const revision = Number(head.revision);
      const result = await work(tx, revision);
      // A write that changes nothing (an import of the stored site, a PUT of the same document)
      // leaves the graph exactly as it was: no new revision, no journal entry.
      if (result.changes.length === 0 && !result.rewritten) throw new NothingChanged(result, revision - 1);
      const described = meta(result);
      const journalDigest = await recordRevision(tx, revision, described, result.changes);
      await appendAudit(tx, {
        actor: described.actor, action: `site:${described.action}`, target: described.target ?? 'site',
        details: { revision, summary: described.summary, changeCount: result.changes.length, journalDigest },
      });
      return { ...result, revision };
    }, options);
  } catch (error) {
    if (error instanceof NothingChanged) return { ...(error.result as T), revision: error.revision };
    throw error;
  }
}
