// Reads a CSAF document's vulnerabilities: identifier, CVSS v3 base score and vector, which
// product ids each affects, and the remediations with their restart requirement. Product group
// ids are expanded to their products here, so matching only ever sees product ids. Pure.
import type { CsafDocument, RemediationT, VulnerabilityT } from './csaf-document.js';

export interface Cvss {
  baseScore: number;
  baseSeverity: string;
  vectorString: string;
}

export interface RemediationFacts {
  category: RemediationT['category'];
  details: string;
  url: string | null;
  productIds: string[];
  /** restart_required.category, null when the advisory does not say. */
  restart: string | null;
}

export interface VulnerabilityFacts {
  /** The CVE, else the first other id, else its position: how findings and answers name it. */
  key: string;
  cve: string | null;
  title: string | null;
  /** The highest CVSS v3 base score given for any of its products. */
  cvss: Cvss | null;
  /** known_affected, first_affected and last_affected. */
  affected: Set<string>;
  underInvestigation: Set<string>;
  /** fixed, first_fixed, known_not_affected and recommended: these versions are not affected. */
  notAffected: Set<string>;
  remediations: RemediationFacts[];
}

const union = (...lists: Array<string[] | undefined>) => new Set(lists.flatMap((l) => l ?? []));

function expand(productIds: string[] | undefined, groupIds: string[] | undefined, groups: ReadonlyMap<string, string[]>): string[] {
  return [...union(productIds, ...(groupIds ?? []).map((g) => groups.get(g)))];
}

function highestCvss(v: VulnerabilityT): Cvss | null {
  let best: Cvss | null = null;
  for (const s of v.scores ?? []) {
    if (s.cvss_v3 && (!best || s.cvss_v3.baseScore > best.baseScore)) {
      best = { baseScore: s.cvss_v3.baseScore, baseSeverity: s.cvss_v3.baseSeverity, vectorString: s.cvss_v3.vectorString };
    }
  }
  return best;
}

export function readVulnerabilities(doc: CsafDocument, groups: ReadonlyMap<string, string[]>): VulnerabilityFacts[] {
  return (doc.vulnerabilities ?? []).map((v, i) => {
    const status = v.product_status ?? {};
    return {
      key: v.cve ?? v.ids?.[0]?.text ?? `vulnerabilities[${i}]`,
      cve: v.cve ?? null,
      title: v.title ?? null,
      cvss: highestCvss(v),
      affected: union(status.known_affected, status.first_affected, status.last_affected),
      underInvestigation: union(status.under_investigation),
      notAffected: union(status.fixed, status.first_fixed, status.known_not_affected, status.recommended),
      remediations: (v.remediations ?? []).map((r) => ({
        category: r.category,
        details: r.details,
        url: r.url ?? null,
        productIds: expand(r.product_ids, r.group_ids, groups),
        restart: r.restart_required?.category ?? null,
      })),
    };
  });
}
