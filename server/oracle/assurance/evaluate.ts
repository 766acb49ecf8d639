// Every number of DOMAIN.md §5 for one site as of one date: the oracle's whole answer, for the
// property test to compare against the Cypher projection and for the board report's numbers.
import type { DomainT } from '../../model/governance-schema.js';
import { DOMAINS } from '../../model/site-schema.js';
import { AssuranceIndex, type AssuranceSite } from './assurance-site.js';
import { effectiveStatuses, type ControlDomainStatus } from './control-status.js';
import { controlsWithoutCurrentEvidence, evidenceCurrency, evidenceReuse, type EvidenceCurrency, type EvidenceReuse } from './evidence.js';
import { frameworkSummary, profileConformance, type FrameworkSummary, type ProfileConformance } from './framework-summary.js';
import { inconsistencies, type Inconsistency } from './inconsistencies.js';
import { riskFindings, sharedSystems, type RiskFinding } from './risks.js';
import { zoneLevels, type ZoneLevel } from './zone-levels.js';

export interface AssuranceReport {
  asOf: string;
  controls: ControlDomainStatus[];
  frameworks: FrameworkSummary[];
  profiles: ProfileConformance[];
  inconsistencies: Inconsistency[];
  evidence: Array<EvidenceCurrency & { reuse: EvidenceReuse }>;
  controlsWithoutCurrentEvidence: Record<DomainT, string[]>;
  zones: ZoneLevel[];
  sharedSystems: Array<{ asset: string; reasons: string[] }>;
  risks: RiskFinding[];
}

export function evaluateAssurance(site: AssuranceSite, asOf: string): AssuranceReport {
  const index = new AssuranceIndex(site, asOf);
  const g = site.governance;
  return {
    asOf,
    controls: effectiveStatuses(index),
    frameworks: g.frameworks.flatMap((f) => DOMAINS.flatMap((d) => frameworkSummary(index, f.id, d) ?? [])),
    profiles: g.profiles.flatMap((p) => DOMAINS.flatMap((d) => profileConformance(index, p.id, d) ?? [])),
    inconsistencies: inconsistencies(index),
    evidence: g.evidence.map((e) => ({ ...evidenceCurrency(e, asOf), reuse: evidenceReuse(index, e) })),
    controlsWithoutCurrentEvidence: controlsWithoutCurrentEvidence(index),
    zones: zoneLevels(index),
    sharedSystems: [...sharedSystems(index)].map(([asset, reasons]) => ({ asset, reasons })).sort((a, b) => a.asset.localeCompare(b.asset)),
    risks: riskFindings(index),
  };
}
