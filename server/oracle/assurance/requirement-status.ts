// DOMAIN.md §5.2.2–5.2.3 and §5.5a: a requirement's status in a domain, direct or projected through
// one hop of mappings, with the "why" it came from.
import {
  REQUIREMENT_STATUSES, type ControlStatus, type DomainT, type RelationshipT, type RequirementStatus, type RequirementT,
} from '../../model/governance-schema.js';
import type { AssuranceIndex } from './assurance-site.js';
import { effectiveStatus, type ControlDomainStatus } from './control-status.js';

export interface ProjectionSource {
  mapping: string;
  source: string;
  /** How the source relates to the target, read from the source's side. */
  relationship: RelationshipT;
  strength: number;
  sourceStatus: RequirementStatus;
  /** equal or superset: the source's status carries over; otherwise it is capped at partial. */
  full: boolean;
  projected: RequirementStatus;
  sourceControls: ControlDomainStatus[];
}

export interface RequirementResult {
  requirement: string;
  framework: string;
  domain: DomainT;
  status: RequirementStatus;
  source: 'direct' | 'projected' | 'none';
  why: { controls: ControlDomainStatus[]; chosen: ProjectionSource | null; candidates: ProjectionSource[] };
}

const rank = (s: RequirementStatus) => REQUIREMENT_STATUSES.indexOf(s);

/** 5.2.2 over the effective statuses of the direct controls. */
export function directStatus(effective: ControlStatus[]): RequirementStatus {
  if (effective.length === 0) return 'gap';
  if (effective.every((s) => s === 'implemented')) return 'met';
  if (effective.some((s) => s === 'implemented' || s === 'partial')) return 'partial';
  return 'not-met';
}

/** The controls that satisfy the requirement and cover the domain, with their effective status. */
export function directControls(index: AssuranceIndex, requirement: string, domain: DomainT): ControlDomainStatus[] {
  return (index.controlsSatisfying.get(requirement) ?? []).flatMap((c) => effectiveStatus(index, c, domain) ?? []);
}

/** undefined when the requirement is unknown or its framework does not scope the domain. */
export function requirementStatus(index: AssuranceIndex, id: string, domain: DomainT): RequirementResult | undefined {
  const requirement = index.requirements.get(id);
  if (!requirement || !index.scopes(requirement, domain)) return undefined;
  const base = { requirement: id, framework: requirement.framework, domain };
  const controls = directControls(index, id, domain);
  if (controls.length > 0) {
    return { ...base, status: directStatus(controls.map((c) => c.effective)), source: 'direct', why: { controls, chosen: null, candidates: [] } };
  }
  const candidates = projectionSources(index, requirement, domain);
  // Several sources: the best fully covering one; only when none covers fully, the best capped one.
  const full = candidates.filter((c) => c.full);
  const chosen = best(full.length > 0 ? full : candidates);
  if (!chosen) return { ...base, status: 'gap', source: 'none', why: { controls, chosen: null, candidates } };
  return { ...base, status: chosen.projected, source: 'projected', why: { controls, chosen, candidates } };
}

/**
 * One hop only: a source is a mapped requirement with a direct status in this domain (at least one
 * direct control covering it) in a framework that scopes the domain. A projected status is never
 * a source, so nothing travels two hops.
 */
function projectionSources(index: AssuranceIndex, target: RequirementT, domain: DomainT): ProjectionSource[] {
  const sources: ProjectionSource[] = [];
  for (const view of index.mappingsInto.get(target.id) ?? []) {
    const source = index.requirements.get(view.other);
    if (!source || !index.scopes(source, domain)) continue;
    const sourceControls = directControls(index, source.id, domain);
    if (sourceControls.length === 0) continue;
    const sourceStatus = directStatus(sourceControls.map((c) => c.effective));
    const full = view.relationship === 'equal' || view.relationship === 'superset';
    const projected = full || rank(sourceStatus) < rank('partial') ? sourceStatus : 'partial'; // capped: met becomes partial
    sources.push({ mapping: view.mapping.id, source: source.id, relationship: view.relationship, strength: view.mapping.strength, sourceStatus, full, projected, sourceControls });
  }
  return sources.sort((a, b) => a.mapping.localeCompare(b.mapping));
}

/** Best status; ties go to the stronger mapping, then to the mapping id, so the "why" is stable. */
function best(sources: ProjectionSource[]): ProjectionSource | null {
  let chosen: ProjectionSource | null = null;
  for (const s of sources) {
    if (!chosen || rank(s.projected) > rank(chosen.projected) || (rank(s.projected) === rank(chosen.projected) && s.strength > chosen.strength)) chosen = s;
  }
  return chosen;
}
