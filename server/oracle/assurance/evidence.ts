// DOMAIN.md §5.3: evidence currency as of a date, reuse across frameworks, and controls left with
// no current evidence. Dates are calendar days (YYYY-MM-DD compares as text).
import type { DomainT, EvidenceRevisionT, EvidenceT } from '../../model/governance-schema.js';
import { DOMAINS } from '../../model/site-schema.js';
import { AssuranceIndex } from './assurance-site.js';

export type Currency = 'fresh' | 'due' | 'expired' | 'absent';
export interface EvidenceCurrency {
  evidence: string;
  latest: EvidenceRevisionT | null;
  expiresOn: string | null;
  currency: Currency;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The latest revision by collection date decides, wherever it sits in the list. */
export function evidenceCurrency(evidence: EvidenceT, asOf: string): EvidenceCurrency {
  const latest = evidence.revisions.reduce<EvidenceRevisionT | null>(
    (best, r) => (best === null || r.collectedOn > best.collectedOn ? r : best), null);
  if (latest === null) return { evidence: evidence.id, latest: null, expiresOn: null, currency: 'absent' };
  const expiresOn = addDays(latest.collectedOn, evidence.refreshDays);
  // Expiring on asOf itself is due, not expired (5.5a).
  const currency: Currency = expiresOn < asOf ? 'expired' : expiresOn <= addDays(asOf, 30) ? 'due' : 'fresh';
  return { evidence: evidence.id, latest, expiresOn, currency };
}

export const isCurrent = (c: EvidenceCurrency) => c.currency === 'fresh' || c.currency === 'due';

/** The evidence supporting a control that covers a domain, each with its currency. */
export function evidenceFor(index: AssuranceIndex, control: string, domain: DomainT): EvidenceCurrency[] {
  return (index.evidenceSupporting.get(control) ?? [])
    .filter((e) => e.domains.includes(domain))
    .map((e) => evidenceCurrency(e, index.asOf));
}

/** Per domain, the controls covering it with no current evidence covering it. */
export function controlsWithoutCurrentEvidence(index: AssuranceIndex): Record<DomainT, string[]> {
  const result = { IT: [] as string[], OT: [] as string[] };
  for (const domain of DOMAINS) {
    for (const control of index.controls.values()) {
      if (AssuranceIndex.covers(control, domain) && !evidenceFor(index, control.id, domain).some(isCurrent)) result[domain].push(control.id);
    }
  }
  return result;
}

export interface ServedRequirement { requirement: string; framework: string; via: 'direct' | string }
export interface EvidenceReuse { evidence: string; requirements: ServedRequirement[]; frameworks: string[] }

/**
 * The requirements an evidence item serves: those its controls satisfy directly, plus those one
 * equal or superset mapping away from them (read both ways). Links only, not domains: reuse shows
 * where an item is cited, its currency and domains decide what it proves (5.2.1).
 */
export function evidenceReuse(index: AssuranceIndex, evidence: EvidenceT): EvidenceReuse {
  const served = new Map<string, ServedRequirement>();
  const serve = (requirement: string, via: string) => {
    const r = index.requirements.get(requirement);
    if (r && !served.has(requirement)) served.set(requirement, { requirement, framework: r.framework, via });
  };
  const direct = evidence.supports.flatMap((c) => index.controls.get(c)?.satisfies ?? []);
  for (const r of direct) serve(r, 'direct');
  for (const r of direct) {
    // A view says "other relates to r as relationship"; r is equal to or a superset of `other`
    // exactly when other is equal to or a subset of r.
    for (const v of index.mappingsInto.get(r) ?? []) if (v.relationship === 'equal' || v.relationship === 'subset') serve(v.other, v.mapping.id);
  }
  const requirements = [...served.values()].sort((a, b) => a.requirement.localeCompare(b.requirement));
  return { evidence: evidence.id, requirements, frameworks: [...new Set(requirements.map((r) => r.framework))].sort() };
}
