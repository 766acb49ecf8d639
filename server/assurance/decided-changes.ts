// The board report's "changes touching SIL ≥ 2 decided in the period" (DOMAIN.md §5.6, §7): a
// request is decided when its last signature gives the decision (one rejection, or the approvals
// every required discipline needs), so the day of its latest signature is the day it was decided.
// It touches SIL ≥ 2 when a finding above INFO of its stored assessment names a SIF of SIL 2 or 3.
// The period is the 90 days up to and including `asOf`: a board sits about once a quarter.
import type { Row, Tx } from '../db/client.js';
import { fromRow, type ReviewRecord } from '../reviews/store.js';
import type { BoardReportT } from './report-schema.js';

export const PERIOD_DAYS = 90;

const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

type DecidedChanges = NonNullable<BoardReportT['safety']['changes']>;

/** Pure: which of these requests were decided in the period ending `asOf`, and touch SIL ≥ 2. */
export function decidedChanges(requests: readonly ReviewRecord[], asOf: string): DecidedChanges {
  const from = dayBefore(asOf, PERIOD_DAYS - 1);
  const changes = requests.flatMap((r) => {
    if (r.status !== 'APPROVED' && r.status !== 'REJECTED' && r.status !== 'IMPLEMENTED') return [];
    const { status } = r;
    const decidedOn = r.signatures.map((s) => s.at.slice(0, 10)).sort().at(-1);
    if (!decidedOn || decidedOn < from || decidedOn > asOf) return [];
    const sifs = new Map<string, number>();
    for (const f of r.assessment?.answer.findings ?? []) {
      if (f.severity === 'INFO') continue;
      for (const s of f.sifs) if (s.sil >= 2) sifs.set(s.id, s.sil);
    }
    if (sifs.size === 0) return [];
    return [{
      id: r.id, title: r.title, status, decidedOn,
      decision: r.signatures.some((s) => s.meaning === 'reject') ? 'rejected' as const : 'approved' as const,
      sifs: [...sifs].map(([id, sil]) => ({ id, sil })).sort((a, b) => b.sil - a.sil || a.id.localeCompare(b.id)),
      signedBy: r.signatures.map((s) => `${s.displayName} (${s.discipline}, ${s.meaning})`),
    }];
  });
  return { from, to: asOf, changes: changes.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id.localeCompare(b.id)) };
}

export async function readDecidedChanges(tx: Tx, asOf: string): Promise<DecidedChanges> {
  const rows = await tx.run('assurance/decided-changes');
  return decidedChanges(rows.map((row) => fromRow(row.request as Row)), asOf);
}
