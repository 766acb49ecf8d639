// Appending to the audit log and reading it. An append runs inside the caller's transaction, so an
// action and its entry commit or vanish together (a site write appends inside siteWrite); the
// head's lock serialises appends, so the chain never forks.
import type { DbClient, Row, Tx } from '../db/client.js';
import { sealEntry, type AuditEntry, type AuditRecord } from './chain.js';

export type { AuditEntry, AuditRecord } from './chain.js';

/** Appends one entry in the transaction; returns it as sealed. */
export async function appendAudit(tx: Tx, record: AuditRecord): Promise<AuditEntry> {
  const [head] = await tx.run('audit/lock-head');
  if (!head) throw new Error('the audit head is missing; the schema was not applied');
  const entry = sealEntry(Number(head.seq), String(head.prevHash), record, new Date());
  await tx.run('audit/append-entry', { entry });
  return entry;
}

/** An entry on its own: for events that write nothing else (sign-in failures, refusals). */
export function audit(db: DbClient, record: AuditRecord): Promise<AuditEntry> {
  return db.writeTx((tx) => appendAudit(tx, record));
}

export const toEntry = (row: Row): AuditEntry => ({ ...(row as AuditEntry), seq: Number(row.seq), actorId: row.actorId ?? null });

export interface AuditHeadView { seq: number; hash: string; at: string | null }

export async function auditHead(db: DbClient): Promise<AuditHeadView> {
  const [row] = await db.read('audit/head');
  if (!row) throw new Error('the audit head is missing; the schema was not applied');
  return { seq: Number(row.seq), hash: String(row.hash), at: row.at ?? null };
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

/** A page of entries, newest first, and the `before` of the next page (null at the first entry). */
export async function listAudit(db: DbClient, filter: AuditFilter): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const rows = await db.read('audit/entries', {
    actor: filter.actor ?? null, action: filter.action ?? null, from: filter.from ?? null, to: filter.to ?? null,
    before: filter.before ?? null, limit: filter.limit,
  });
  const entries = rows.map((r) => toEntry(r.entry as Row));
  const last = entries.at(-1);
  return { entries, next: entries.length === filter.limit && last && last.seq > 1 ? last.seq : null };
}
