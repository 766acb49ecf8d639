// DOMAIN.md §5.5: shared systems, risk score and band, the three ownership/safety flags, and
// whether a mitigate treatment is done.
import type { DomainT, RiskT } from '../../model/governance-schema.js';
import { DOMAINS } from '../../model/site-schema.js';
import { AssuranceIndex } from './assurance-site.js';
import { effectiveStatus, type ControlDomainStatus } from './control-status.js';

export type Band = 'low' | 'medium' | 'high' | 'very-high';
export type RiskFlag = 'JOINT-OWNERSHIP-GAP' | 'SAFETY-RISK-OUTSIDE-OT' | 'SAFETY-CONSEQUENCE-UNDERSTATED';

export interface RiskFinding {
  risk: string;
  register: RiskT['register'];
  score: number;
  band: Band;
  affectedAssets: string[];
  affectedDomains: DomainT[];
  sharedSystems: string[];
  /** SIF elements, safety zones and assets in safety zones the risk affects. */
  safetyTargets: string[];
  flags: RiskFlag[];
  /** Only a mitigate risk has a treatment state; null for accept, transfer and avoid. */
  treatment: 'treated' | 'open' | null;
  checks: ControlDomainStatus[];
}

export const band = (score: number): Band => (score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 14 ? 'high' : 'very-high');

/** Per shared asset, why: it sits in a Purdue 3.5 zone, or talks across the IT/OT line. */
export function sharedSystems(index: AssuranceIndex): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  const add = (asset: string, why: string) => reasons.set(asset, [...(reasons.get(asset) ?? []), why]);
  for (const [asset, zoneId] of index.zoneOfAsset) {
    if (index.zones.get(zoneId)?.purdueLevel === 3.5) add(asset, `in Purdue 3.5 zone ${zoneId}`);
  }
  const domainOf = (asset: string) => index.zones.get(index.zoneOfAsset.get(asset) ?? '')?.domain;
  for (const { from, to } of index.site.topology.flows) {
    const [a, b] = [domainOf(from), domainOf(to)];
    if (!a || !b || a === b) continue;
    add(from, `flow to ${to} in the ${b} domain`);
    add(to, `flow from ${from} in the ${a} domain`);
  }
  return reasons;
}

export function riskFindings(index: AssuranceIndex): RiskFinding[] {
  const shared = sharedSystems(index);
  const sifElements = new Set(index.site.topology.sifElements.map((e) => e.asset));
  return index.risks.map((risk) => {
    // A risk naming a zone affects every asset in it (5.5a).
    const zonesNamed = risk.affects.filter((id) => index.zones.has(id));
    const assets = [...new Set(risk.affects.flatMap((id) => index.assetsInZone.get(id) ?? (index.zoneOfAsset.has(id) ? [id] : [])))].sort();
    const zonesTouched = new Set([...zonesNamed, ...assets.map((a) => index.zoneOfAsset.get(a)!)]);
    const affectedDomains = DOMAINS.filter((d) => [...zonesTouched].some((z) => index.zones.get(z)?.domain === d));
    // A safety zone is affected when the risk names it or any asset in it (it is part of the zone).
    const safetyTargets = [
      ...[...zonesTouched].filter((z) => index.zones.get(z)?.safety).sort(),
      ...assets.filter((a) => sifElements.has(a) || index.zones.get(index.zoneOfAsset.get(a)!)?.safety),
    ];
    const sharedHit = assets.filter((a) => shared.has(a));
    const flags: RiskFlag[] = [];
    if (sharedHit.length > 0 && risk.register !== 'JOINT') flags.push('JOINT-OWNERSHIP-GAP');
    if ((risk.safetyConsequence === 'major' || risk.safetyConsequence === 'severe') && risk.register === 'IT') flags.push('SAFETY-RISK-OUTSIDE-OT');
    if (risk.safetyConsequence === 'none' && safetyTargets.length > 0) flags.push('SAFETY-CONSEQUENCE-UNDERSTATED');
    const score = risk.likelihood * risk.impact;
    const { treatment, checks } = treatmentOf(index, risk, affectedDomains);
    return {
      risk: risk.id, register: risk.register, score, band: band(score), affectedAssets: assets, affectedDomains,
      sharedSystems: sharedHit, safetyTargets, flags, treatment, checks,
    };
  });
}

/**
 * A mitigate risk is treated when it has mitigating controls and each is effectively implemented
 * in every affected domain it covers. A control covering none of the affected domains is checked
 * nowhere (it neither opens nor closes the treatment); a risk affecting nothing checks each
 * control in all the domains it covers.
 */
function treatmentOf(index: AssuranceIndex, risk: RiskT, affected: DomainT[]): { treatment: RiskFinding['treatment']; checks: ControlDomainStatus[] } {
  if (risk.treatment !== 'mitigate') return { treatment: null, checks: [] };
  const controls = index.controlsMitigating.get(risk.id) ?? [];
  const domains = affected.length > 0 ? affected : DOMAINS;
  const checks = controls.flatMap((c) => domains.flatMap((d) => (AssuranceIndex.covers(c, d) ? [effectiveStatus(index, c, d)!] : [])));
  const treated = controls.length > 0 && checks.every((c) => c.effective === 'implemented');
  return { treatment: treated ? 'treated' : 'open', checks };
}
