// Severity rules of DOMAIN.md §4, as pure functions.
import { SEVERITIES } from '../model/site-schema.js';
import type { Severity } from './change-schema.js';

const RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };

export const severityRank = (s: Severity): number => RANK[s];

/** SIL 3–4 → CRITICAL, SIL 2 → HIGH, SIL 1 → MEDIUM; no SIL at stake → LOW. */
export function severityFromSil(sil: number | null | undefined): Severity {
  if (!sil) return 'LOW';
  if (sil >= 3) return 'CRITICAL';
  return sil === 2 ? 'HIGH' : 'MEDIUM';
}

/**
 * One level lower. A finding on a safety path never drops below LOW: lowering says "less
 * urgent", not "nothing to see".
 */
export function lower(s: Severity): Severity {
  if (s === 'INFO' || s === 'LOW') return s;
  return SEVERITIES[RANK[s] + 1]!;
}

export function atLeast(s: Severity, floor: Severity): Severity {
  return RANK[s] <= RANK[floor] ? s : floor;
}

export function highest(severities: Iterable<Severity>): Severity | null {
  let best: Severity | null = null;
  for (const s of severities) if (best === null || RANK[s] < RANK[best]) best = s;
  return best;
}

export const maxSil = (sifs: ReadonlyArray<{ sil: number }>): number => sifs.reduce((m, s) => Math.max(m, s.sil), 0);

/**
 * What is at stake on a safety-required flow: the highest SIL depending on it, and at least HIGH
 * when an emergency procedure (a manual ESD) depends on it.
 */
export function flowSeverity(sifs: ReadonlyArray<{ sil: number }>, emergencyProcedure: boolean): Severity {
  const fromSil = severityFromSil(maxSil(sifs));
  return emergencyProcedure ? atLeast(fromSil, 'HIGH') : fromSil;
}
