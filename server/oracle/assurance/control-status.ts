// DOMAIN.md §5.2.1 and §5.5a: a control's effective status in a domain it covers.
import type { ControlStatus, ControlT, DomainT } from '../../model/governance-schema.js';
import { DOMAINS } from '../../model/site-schema.js';
import { AssuranceIndex } from './assurance-site.js';
import { evidenceFor, isCurrent, type EvidenceCurrency } from './evidence.js';

export interface ControlDomainStatus {
  control: string;
  domain: DomainT;
  /** The assessment as recorded; null when the control has none for this domain. */
  assessed: { status: ControlStatus; maturity: number; assessor: string; assessedOn: string } | null;
  effective: ControlStatus;
  /** Why effective differs from the assessment, if it does. */
  downgrade: 'unassessed' | 'unevidenced' | null;
  evidence: EvidenceCurrency[];
}

/** undefined when the control does not cover the domain: it has no status there at all. */
export function effectiveStatus(index: AssuranceIndex, control: ControlT, domain: DomainT): ControlDomainStatus | undefined {
  if (!AssuranceIndex.covers(control, domain)) return undefined;
  const assessed = control.assessment[domain] ?? null;
  const evidence = evidenceFor(index, control.id, domain);
  // An unassessed domain counts as not-implemented (5.5a); an implemented control with no current
  // evidence covering the domain counts as partial: implemented but unevidenced is not met (5.2.1).
  if (assessed === null) return { control: control.id, domain, assessed, effective: 'not-implemented', downgrade: 'unassessed', evidence };
  if (assessed.status === 'implemented' && !evidence.some(isCurrent)) {
    return { control: control.id, domain, assessed, effective: 'partial', downgrade: 'unevidenced', evidence };
  }
  return { control: control.id, domain, assessed, effective: assessed.status, downgrade: null, evidence };
}

export function effectiveStatuses(index: AssuranceIndex): ControlDomainStatus[] {
  return [...index.controls.values()].flatMap((c) =>
    DOMAINS.flatMap((d) => effectiveStatus(index, c, d) ?? []));
}
