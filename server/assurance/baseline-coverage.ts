// Is every assessable requirement either covered by the baseline or a declared gap? Covered means
// some control satisfies it in a domain its framework scopes (an OT-only control satisfying an ISO
// control, evaluated in IT only, covers nothing). Pure: the baseline test and a CLI can both ask.
import type { ControlT, DeclaredGapT, FrameworkT, RequirementT } from '../model/governance-schema.js';

export interface BaselineCoverage {
  /** Assessable requirements with a covering control, and the controls. */
  covered: Map<string, string[]>;
  /** Not covered and not declared: to add a control or declare the gap. */
  undeclared: string[];
  /** Declared as gaps but covered after all: to take off the list. */
  declaredButCovered: string[];
  /** Declared gaps naming no assessable requirement. */
  unknownGaps: string[];
}

export function baselineCoverage(
  frameworks: FrameworkT[], requirements: RequirementT[], controls: ControlT[], gaps: DeclaredGapT[],
): BaselineCoverage {
  const scopes = new Map(frameworks.map((f) => [f.id, f.domains]));
  const assessable = requirements.filter((r) => r.assessable);
  const covered = new Map<string, string[]>();
  for (const r of assessable) {
    const domains = scopes.get(r.framework) ?? [];
    const by = controls.filter((c) => c.satisfies.includes(r.id) && domains.some((d) => c.domain === 'BOTH' || c.domain === d)).map((c) => c.id);
    if (by.length > 0) covered.set(r.id, by);
  }
  const declared = new Set(gaps.map((g) => g.requirement));
  const known = new Set(assessable.map((r) => r.id));
  return {
    covered,
    undeclared: assessable.filter((r) => !covered.has(r.id) && !declared.has(r.id)).map((r) => r.id),
    declaredButCovered: [...declared].filter((id) => covered.has(id)),
    unknownGaps: [...declared].filter((id) => !known.has(id)),
  };
}
