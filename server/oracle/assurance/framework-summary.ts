// DOMAIN.md §5.2.4–5.2.5: per framework and domain, status counts, compliance %, maturity; CAF
// ratings and conformance to a profile.
import {
  CAF_RATINGS, type CafRatingT, type DomainT, type RequirementStatus, type RequirementT,
} from '../../model/governance-schema.js';
import type { AssuranceIndex } from './assurance-site.js';
import { directControls, requirementStatus, type RequirementResult } from './requirement-status.js';

/** numerator / denominator rounded half up to one decimal, in integers (no 0.1 float drift). */
export function oneDecimal(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((20 * numerator + denominator) / (2 * denominator)) / 10;
}

export interface FrameworkSummary {
  framework: string;
  domain: DomainT;
  assessable: number;
  counts: Record<RequirementStatus, number>;
  /** (met + ½ partial) / assessable × 100, one decimal; null with nothing assessable. */
  compliance: number | null;
  /** Mean maturity of the distinct assessed direct controls, one decimal; null when there are none. */
  maturity: number | null;
  maturityControls: string[];
  requirements: RequirementResult[];
}

export function assessableOf(index: AssuranceIndex, framework: string): RequirementT[] {
  return [...index.requirements.values()].filter((r) => r.framework === framework && r.assessable);
}

/** undefined when the framework does not scope the domain. */
export function frameworkSummary(index: AssuranceIndex, framework: string, domain: DomainT): FrameworkSummary | undefined {
  if (!index.frameworks.get(framework)?.domains.includes(domain)) return undefined;
  const requirements = assessableOf(index, framework).map((r) => requirementStatus(index, r.id, domain)!);
  const counts: Record<RequirementStatus, number> = { gap: 0, 'not-met': 0, partial: 0, met: 0 };
  for (const r of requirements) counts[r.status] += 1;
  // Maturity: distinct direct controls of the assessable requirements; a control with no
  // assessment in this domain is left out (5.5a).
  const maturities = new Map<string, number>();
  for (const r of requirements) {
    for (const c of directControls(index, r.requirement, domain)) if (c.assessed) maturities.set(c.control, c.assessed.maturity);
  }
  const sum = [...maturities.values()].reduce((a, b) => a + b, 0);
  return {
    framework,
    domain,
    assessable: requirements.length,
    counts,
    compliance: oneDecimal(100 * (2 * counts.met + counts.partial), 2 * requirements.length),
    maturity: oneDecimal(sum, maturities.size),
    maturityControls: [...maturities.keys()].sort(),
    requirements,
  };
}

/**
 * 5.2.4: met → Achieved, partial → Partially achieved, not met or gap → Not achieved. Where the
 * outcome's IGP table has no "Partially achieved" column, partial cannot be rated partially, and
 * since Achieved needs every statement true, it rates Not achieved.
 */
export function cafRating(status: RequirementStatus, noPartial: boolean): CafRatingT {
  if (status === 'met') return 'achieved';
  if (status === 'partial') return noPartial ? 'not-achieved' : 'partially-achieved';
  return 'not-achieved';
}

export interface OutcomeConformance { requirement: string; status: RequirementStatus; rating: CafRatingT; target: CafRatingT | null; meets: boolean | null }
export interface ProfileConformance { profile: string; framework: string; domain: DomainT; outcomes: OutcomeConformance[]; meeting: number; targets: number }

/** Every assessable outcome rated; those the profile targets say whether they meet it. */
export function profileConformance(index: AssuranceIndex, profileId: string, domain: DomainT): ProfileConformance | undefined {
  const profile = index.site.governance.profiles.find((p) => p.id === profileId);
  if (!profile || !index.frameworks.get(profile.framework)?.domains.includes(domain)) return undefined;
  const outcomes = assessableOf(index, profile.framework).map((r): OutcomeConformance => {
    const { status } = requirementStatus(index, r.id, domain)!;
    const rating = cafRating(status, r.noPartial);
    const target = profile.targets[r.id] ?? null;
    return { requirement: r.id, status, rating, target, meets: target === null ? null : CAF_RATINGS.indexOf(rating) >= CAF_RATINGS.indexOf(target) };
  });
  return {
    profile: profile.id,
    framework: profile.framework,
    domain,
    outcomes,
    meeting: outcomes.filter((o) => o.meets === true).length,
    targets: outcomes.filter((o) => o.target !== null).length,
  };
}
