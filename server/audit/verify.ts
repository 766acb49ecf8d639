// Verification of the whole audit chain, a page at a time (the log grows without bound), and of a
// chain head kept outside the database: it must still be in the log, with the same hash.
import type { DbClient, Row } from '../db/client.js';
import { auditHead, toEntry, type AuditHeadView } from './audit-log.js';
import { checkHead, checkLink, GENESIS, type ChainBreak, type ChainCursor } from './chain.js';

const PAGE = 1_000;

export interface KeptHeadCheck { seq: number; hash: string; ok: boolean; message: string }

export interface VerifyReport {
  ok: boolean;
  /** Entries 1 … checked chain (all of them when ok). */
  checked: number;
  head: AuditHeadView;
  firstBreak: ChainBreak | null;
  kept?: KeptHeadCheck;
}

async function checkKept(db: DbClient, kept: ChainCursor): Promise<KeptHeadCheck> {
  const [row] = await db.read('audit/entry', { seq: kept.seq });
  const stored = row ? toEntry(row.entry as Row) : undefined;
  const ok = stored?.hash === kept.hash;
  const message = !stored
    ? `entry ${kept.seq}, named by the kept head, is not in the log`
    : ok ? `entry ${kept.seq} still has the kept hash` : `entry ${kept.seq} has another hash than the kept head: the log was rewritten up to it`;
  return { seq: kept.seq, hash: kept.hash, ok, message };
}

export async function verifyChain(db: DbClient, kept?: ChainCursor): Promise<VerifyReport> {
  const head = await auditHead(db);
  let last: ChainCursor = { seq: 0, hash: GENESIS };
  let firstBreak: ChainBreak | undefined;
  for (;;) {
    const page = (await db.read('audit/chain-page', { after: last.seq, limit: PAGE })).map((r) => toEntry(r.entry as Row));
    for (const entry of page) {
      firstBreak = checkLink(last, entry);
      if (firstBreak) break;
      last = { seq: entry.seq, hash: entry.hash };
    }
    if (firstBreak || page.length < PAGE) break;
  }
  firstBreak ??= checkHead(last, head);
  const keptCheck = kept ? await checkKept(db, kept) : undefined;
  return {
    ok: !firstBreak && (keptCheck?.ok ?? true),
    checked: last.seq,
    head,
    firstBreak: firstBreak ?? null,
    ...(keptCheck ? { kept: keptCheck } : {}),
  };
}
