// Requirement statuses per domain with their why (DOMAIN.md §5.2.2–5.2.4): assurance/requirement-statuses
// decides, here the control ids it names are joined with their statuses and evidence.
import type { Tx } from '../db/client.js';
import type { CafRatingT, DomainT, RequirementStatus } from '../model/governance-schema.js';
import { controlInDomain, type Baseline, type Statuses } from './baseline.js';
import type { ProjectionT, RequirementResultT } from './schemas.js';

interface ProjectionRow extends Omit<ProjectionT, 'sourceControls'> { sourceControls: string[] }
interface RequirementRow extends Omit<RequirementResultT, 'why' | 'domain' | 'rating'> {
  noPartial: boolean;
  controls: string[];
  chosen: ProjectionRow | null;
  candidates: ProjectionRow[];
}

export interface RequirementScope {
  /** One framework's assessable requirements; absent for every framework's. */
  framework?: string;
  /** Only these requirements, assessable or not. */
  requirements?: string[];
}

/**
 * §5.2.4: met → achieved, partial → partially achieved, not met or gap → not achieved. An outcome
 * whose IGP table has no "Partially achieved" column rates partial as not achieved: Achieved needs
 * every statement true.
 */
export function cafRating(status: RequirementStatus, noPartial: boolean): CafRatingT {
  if (status === 'met') return 'achieved';
  return status === 'partial' && !noPartial ? 'partially-achieved' : 'not-achieved';
}

/** A status with its why, and the ids of its direct controls (what maturity counts). */
export type RequirementStatusT = RequirementResultT & { direct: string[] };

/**
 * `caf`: the frameworks rated on the CAF scale, whose requirements get a rating. `why`: the whole
 * baseline the statuses came from, to explain them with their controls and evidence; without it
 * the candidates and the source controls are left out: a summary of thousands of controls needs
 * only the statuses.
 */
export async function requirementStatuses(tx: Tx, statuses: Statuses, domain: DomainT, scope: RequirementScope, caf: ReadonlySet<string>, why?: Baseline): Promise<RequirementStatusT[]> {
  const rows = (await tx.run('assurance/requirement-statuses', {
    domain, framework: scope.framework ?? null, requirements: scope.requirements ?? null, effective: statuses.effective, why: why !== undefined,
  })) as RequirementRow[];
  const controls = (ids: string[]) => (why ? ids.map((id) => controlInDomain(why, id, domain)) : []);
  const projection = (p: ProjectionRow): ProjectionT => ({ ...p, sourceControls: controls(p.sourceControls) });
  return rows.map(({ noPartial, controls: direct, chosen, candidates, ...row }) => ({
    ...row,
    domain,
    rating: caf.has(row.framework) ? cafRating(row.status, noPartial) : null,
    why: { controls: controls(direct), chosen: chosen && projection(chosen), candidates: candidates.map(projection) },
    direct,
  }));
}
