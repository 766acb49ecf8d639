// Evidence as of a date (DOMAIN.md §5.3): currency of each item (assurance/evidence-currency, read
// with the baseline), where it is reused, and per domain the controls left with no current
// evidence covering it.
import type { Tx } from '../db/client.js';
import type { DomainT } from '../model/governance-schema.js';
import { isCurrent, type Baseline } from './baseline.js';
import type { EvidenceReuseT } from './schemas.js';

export async function evidenceReuse(tx: Tx, evidence: string[] | null): Promise<Map<string, EvidenceReuseT>> {
  const rows = await tx.run('assurance/evidence-reuse', { evidence });
  return new Map(rows.map((r) => [r.evidence as string, { requirements: r.requirements, frameworks: r.frameworks } as EvidenceReuseT]));
}

/** Per domain, the controls covering it with no current evidence covering it, by id. */
export function controlsWithoutCurrentEvidence(baseline: Baseline): Record<DomainT, string[]> {
  const out: Record<DomainT, string[]> = { IT: [], OT: [] };
  for (const row of baseline.controls.values()) {
    if (!row.evidence.some((id) => isCurrent(baseline.evidence.get(id)!))) out[row.domain].push(row.control);
  }
  return out;
}
