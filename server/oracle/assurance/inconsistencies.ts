// DOMAIN.md §5.2.6 and §5.5a: inconsistencies to list, not to hide.
import type { ControlStatus, DomainT, RequirementStatus } from '../../model/governance-schema.js';
import { DOMAINS } from '../../model/site-schema.js';
import { AssuranceIndex } from './assurance-site.js';
import { effectiveStatus } from './control-status.js';
import { requirementStatus } from './requirement-status.js';

export type Inconsistency =
  | { kind: 'BOTH-STATUS-DIFFERS'; control: string; IT: ControlStatus; OT: ControlStatus }
  | { kind: 'BOTH-MATURITY-DIFFERS'; control: string; IT: number; OT: number }
  | { kind: 'NOT-ASSESSED'; control: string; domain: DomainT }
  | { kind: 'EQUAL-STATUS-DIFFERS'; mapping: string; domain: DomainT; from: string; fromStatus: RequirementStatus; to: string; toStatus: RequirementStatus };

export function inconsistencies(index: AssuranceIndex): Inconsistency[] {
  const found: Inconsistency[] = [];
  for (const control of index.controls.values()) {
    // A control with no assessment for a domain it covers is listed; §5.5a names BOTH controls,
    // and an IT- or OT-only control missing its one assessment is the same gap, so it is listed too.
    for (const domain of DOMAINS) {
      if (AssuranceIndex.covers(control, domain) && !control.assessment[domain]) found.push({ kind: 'NOT-ASSESSED', control: control.id, domain });
    }
    if (control.domain !== 'BOTH') continue;
    const it = effectiveStatus(index, control, 'IT')!;
    const ot = effectiveStatus(index, control, 'OT')!;
    if (it.effective !== ot.effective) found.push({ kind: 'BOTH-STATUS-DIFFERS', control: control.id, IT: it.effective, OT: ot.effective });
    // Maturities compare only where both domains are assessed: a missing one is NOT-ASSESSED.
    if (it.assessed && ot.assessed && Math.abs(it.assessed.maturity - ot.assessed.maturity) >= 2) {
      found.push({ kind: 'BOTH-MATURITY-DIFFERS', control: control.id, IT: it.assessed.maturity, OT: ot.assessed.maturity });
    }
  }
  // Two requirements mapped equal are compared in each domain where both are evaluated, on their
  // final statuses (direct or projected).
  for (const m of index.site.governance.mappings) {
    if (m.relationship !== 'equal') continue;
    for (const domain of DOMAINS) {
      const from = requirementStatus(index, m.from, domain);
      const to = requirementStatus(index, m.to, domain);
      if (from && to && from.status !== to.status) {
        found.push({ kind: 'EQUAL-STATUS-DIFFERS', mapping: m.id, domain, from: m.from, fromStatus: from.status, to: m.to, toStatus: to.status });
      }
    }
  }
  return found;
}
