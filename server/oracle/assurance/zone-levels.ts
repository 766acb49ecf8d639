// DOMAIN.md §5.4: a zone's capability security level (SL-C) per foundational requirement, computed
// from the controls that actually apply to it, its gaps to SL-T, and whether its declared SL-A holds.
import type { RequirementT } from '../../model/governance-schema.js';
import type { AssuranceIndex, ZoneFacts } from './assurance-site.js';
import { effectiveStatus } from './control-status.js';

export interface FrLevel {
  /** The root requirement of the family (IEC 62443-3-3: the FR). */
  fr: string;
  ref: string;
  slC: number;
  /** Uncovered SR/REs of this FR flagged uncertain: their true slFrom could move this value. */
  uncertainBy: string[];
}

export interface ZoneLevel {
  zone: string;
  slTarget: number;
  slAchieved: number;
  vector: FrLevel[];
  slC: number;
  /** Uncovered SR/REs with slFrom ≤ SL-T, across all FRs. */
  gaps: string[];
  slANotSupported: boolean;
}

/** The SL-gated requirements (slFrom set, in a framework with securityLevels), by root ancestor. */
function families(index: AssuranceIndex): Map<RequirementT, RequirementT[]> {
  const rootOf = (r: RequirementT): RequirementT => {
    const parent = r.parent === undefined ? undefined : index.requirements.get(r.parent);
    return parent ? rootOf(parent) : r;
  };
  const byRoot = new Map<RequirementT, RequirementT[]>();
  for (const r of index.requirements.values()) {
    if (!r.assessable || r.slFrom === undefined || !index.frameworks.get(r.framework)?.securityLevels) continue;
    const root = rootOf(r);
    byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
  }
  return byRoot;
}

/**
 * Covered for zone Z: a control satisfies it, applies to Z itself or site-wide (no appliesTo), and
 * is effectively implemented for OT. A control applied only to assets or conduits of Z does not
 * cover Z (§5.4 says "applies to Z").
 */
function covered(index: AssuranceIndex, requirement: string, zone: string): boolean {
  return (index.controlsSatisfying.get(requirement) ?? []).some((c) =>
    (c.appliesTo.length === 0 || c.appliesTo.includes(zone)) && effectiveStatus(index, c, 'OT')?.effective === 'implemented');
}

export function zoneLevel(index: AssuranceIndex, zone: ZoneFacts): ZoneLevel {
  const vector: FrLevel[] = [];
  const gaps: string[] = [];
  for (const [root, members] of families(index)) {
    const uncovered = members.filter((r) => !covered(index, r.id, zone.id));
    // The highest s in 0..4 such that every member with slFrom ≤ s is covered.
    const lowestUncovered = Math.min(5, ...uncovered.map((r) => r.slFrom!));
    vector.push({ fr: root.id, ref: root.ref, slC: lowestUncovered - 1, uncertainBy: uncovered.filter((r) => r.uncertain).map((r) => r.id) });
    gaps.push(...uncovered.filter((r) => r.slFrom! <= zone.slTarget).map((r) => r.id));
  }
  const slC = vector.length === 0 ? 0 : Math.min(...vector.map((v) => v.slC));
  return { zone: zone.id, slTarget: zone.slTarget, slAchieved: zone.slAchieved, vector, slC, gaps, slANotSupported: zone.slAchieved > slC };
}

export function zoneLevels(index: AssuranceIndex): ZoneLevel[] {
  return [...index.zones.values()].map((z) => zoneLevel(index, z));
}
