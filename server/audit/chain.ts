// The audit chain, pure: an entry's hash is the SHA-256 of the RFC 8785 canonical JSON of every
// field but the hash itself, `prevHash` included, so each entry vouches for the whole chain before
// it. Verification walks entries in seq order and names the first that does not chain.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** The prevHash of entry 1. */
export const GENESIS = '0'.repeat(64);

export interface AuditRecord {
  /** Who: a username, `interlock` for the system, `anonymous` for an unauthenticated caller. */
  actor: string;
  actorId?: string | null;
  /** e.g. site:update, user:create, auth:sign-in, auth:refused */
  action: string;
  /** What it acted on: `assets/ls1`, `site`, `user/alice`, `POST /api/import` … */
  target: string;
  outcome?: 'ok' | 'refused';
  /** What changed or why it was refused; never a secret. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorId: string | null;
  action: string;
  target: string;
  outcome: 'ok' | 'refused';
  /** Canonical JSON text of the details, hashed as stored. */
  details: string;
  prevHash: string;
  hash: string;
}

export const canonicalJson = (value: unknown): string => canonicalize(value) ?? 'null';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, actorId, action, target, outcome, details, prevHash } = entry;
  return sha256(canonicalJson({ seq, at, actor, actorId, action, target, outcome, details, prevHash }));
}

/** The entry that follows `prevHash` as number `seq`. */
export function sealEntry(seq: number, prevHash: string, record: AuditRecord, at: Date): AuditEntry {
  const entry = {
    seq, at: at.toISOString(), actor: record.actor, actorId: record.actorId ?? null, action: record.action, target: record.target,
    outcome: record.outcome ?? 'ok', details: canonicalJson(record.details ?? {}), prevHash,
  };
  return { ...entry, hash: entryHash(entry) };
}

export type BreakKind = 'missing' | 'altered' | 'unlinked' | 'head-mismatch';

export interface ChainBreak {
  /** The first entry that does not chain (for missing entries: the first missing number). */
  seq: number;
  kind: BreakKind;
  message: string;
}

export interface ChainCursor { seq: number; hash: string }

/**
 * Checks the next stored entry against the last good one. A gap in seq means entries were
 * removed; a hash that is not the hash of the entry's own fields means the entry was altered; a
 * prevHash that is not the previous entry's hash means the link itself was rewritten.
 */
export function checkLink(previous: ChainCursor, entry: AuditEntry): ChainBreak | undefined {
  if (entry.seq !== previous.seq + 1) {
    const first = previous.seq + 1;
    const last = entry.seq - 1;
    return { seq: first, kind: 'missing', message: `entr${first === last ? `y ${first} is` : `ies ${first}–${last} are`} missing (entry ${entry.seq} follows entry ${previous.seq})` };
  }
  if (entryHash(entry) !== entry.hash) return { seq: entry.seq, kind: 'altered', message: `entry ${entry.seq} was altered: its fields do not hash to its stored hash` };
  if (entry.prevHash !== previous.hash) return { seq: entry.seq, kind: 'unlinked', message: `entry ${entry.seq} does not name entry ${previous.seq}'s hash as its previous hash` };
  return undefined;
}

/** After the last entry: the head must name it, else entries at the end were removed or the head was rewritten. */
export function checkHead(last: ChainCursor, head: ChainCursor): ChainBreak | undefined {
  if (head.seq > last.seq) {
    return { seq: last.seq + 1, kind: 'missing', message: `entr${head.seq === last.seq + 1 ? `y ${head.seq} is` : `ies ${last.seq + 1}–${head.seq} are`} missing at the end of the log (the head names entry ${head.seq})` };
  }
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return { seq: last.seq, kind: 'head-mismatch', message: `the chain head names entry ${head.seq} with another hash than the log's last entry ${last.seq}` };
  }
  return undefined;
}
