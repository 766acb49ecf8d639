// Framework summaries per domain (DOMAIN.md §5.2.5) and CAF profile conformance (§5.2.4), from
// the requirement statuses the graph computed: counting and rounding are the only work here.
import type { Tx } from '../db/client.js';
import { CAF_RATINGS, type DomainT } from '../model/governance-schema.js';
import { controlKey, type Baseline, type Statuses } from './baseline.js';

import { requirementStatuses, type RequirementStatusT } from './requirements.js';
import type { FrameworkInfoT, FrameworkSummaryT, ProfileConformanceT, RequirementResultT } from './schemas.js';

/** numerator ÷ denominator to one decimal, rounded half up in whole numbers (2.25 is 2.3, never 2.2). */
export function tenths(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.floor((20 * numerator + denominator) / (2 * denominator)) / 10;
}

export async function readFrameworks(tx: Tx, framework: string | null = null): Promise<Map<string, FrameworkInfoT>> {
  const rows = (await tx.run('assurance/frameworks', { framework })) as FrameworkInfoT[];
  return new Map(rows.map((f) => [f.framework, f]));
}

export const cafFrameworks = (frameworks: Map<string, FrameworkInfoT>) =>
  new Set([...frameworks.values()].filter((f) => f.ratingModel === 'caf').map((f) => f.framework));

export function summarize(framework: FrameworkInfoT, domain: DomainT, requirements: RequirementStatusT[], statuses: Statuses): FrameworkSummaryT {
  const counts = { met: 0, partial: 0, 'not-met': 0, gap: 0 };
  for (const r of requirements) counts[r.status] += 1;
  // Maturity: the distinct direct controls of the assessable requirements, assessed in the domain.
  const maturities = new Map<string, number>();
  for (const r of requirements) {
    for (const id of r.direct) {
      const maturity = statuses.maturity.get(controlKey(id, domain));
      if (maturity !== undefined) maturities.set(id, maturity);
    }
  }
  const total = [...maturities.values()].reduce((a, b) => a + b, 0);
  return {
    framework: framework.framework, name: framework.name, domain, assessable: requirements.length, counts,
    compliance: tenths(100 * (2 * counts.met + counts.partial), 2 * requirements.length),
    maturity: tenths(total, maturities.size),
    maturityControls: [...maturities.keys()].sort(),
  };
}

export interface FrameworkView { summary: FrameworkSummaryT; requirements: RequirementStatusT[] }

/**
 * Every framework and domain it scopes (or one framework), with its requirement statuses; with
 * their why only from a whole baseline (`why`), since the why shows the evidence.
 */
export async function frameworkViews(tx: Tx, statuses: Statuses, frameworks: Map<string, FrameworkInfoT>, why?: Baseline): Promise<FrameworkView[]> {
  const caf = cafFrameworks(frameworks);
  const views: FrameworkView[] = [];
  for (const f of frameworks.values()) {
    for (const domain of f.domains) {
      const requirements = await requirementStatuses(tx, statuses, domain, { framework: f.framework }, caf, why);
      views.push({ summary: summarize(f, domain, requirements, statuses), requirements });
    }
  }
  return views;
}

interface ProfileRow { profile: string; name: string; framework: string; targets: Array<{ requirement: string; rating: string }> }

export async function readProfile(tx: Tx, profile: string): Promise<ProfileRow | undefined> {
  return (await tx.run('assurance/profile-targets', { profile }))[0] as ProfileRow | undefined;
}

/** Every assessable outcome rated; those the profile targets say whether the rating reaches the target. */
export function conformance(profile: ProfileRow, domain: DomainT, requirements: RequirementResultT[]): ProfileConformanceT {
  const targets = new Map(profile.targets.map((t) => [t.requirement, t.rating as (typeof CAF_RATINGS)[number]]));
  const outcomes = requirements.map((r) => {
    const rating = r.rating ?? 'not-achieved';
    const target = targets.get(r.requirement) ?? null;
    return { requirement: r.requirement, ref: r.ref, status: r.status, rating, target, meets: target && CAF_RATINGS.indexOf(rating) >= CAF_RATINGS.indexOf(target) };
  });
  return {
    profile: profile.profile, framework: profile.framework, domain,
    meeting: outcomes.filter((o) => o.meets === true).length, targets: outcomes.filter((o) => o.target !== null).length, outcomes,
  };
}


