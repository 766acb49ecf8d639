// The Cypher engine's answers and the oracle's (server/oracle/assurance/) reduced to one comparable
// shape, section by section: what each says about every control, requirement, framework, profile,
// inconsistency, evidence item, zone and risk of a site as of a date.
import { readBaseline } from '../../server/assurance/baseline.js';
import { evidenceReuse } from '../../server/assurance/evidence.js';
import { conformance, frameworkViews, readFrameworks, readProfile } from '../../server/assurance/frameworks.js';
import { inconsistencies } from '../../server/assurance/inconsistencies.js';
import { riskFindings, sharedSystems } from '../../server/assurance/risks.js';
import { frameworksWithSummaries, profileConformance } from '../../server/assurance/views.js';
import { zoneLevels } from '../../server/assurance/zones.js';
import type { DbClient } from '../../server/db/client.js';
import type { AssuranceReport } from '../../server/oracle/assurance/evaluate.js';

/** JSON with every object's keys in order: Cypher maps come back in no particular key order. */
const canon = (x: unknown): string => JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
const sorted = <T>(xs: T[]) => xs.map(canon).sort();

export interface Comparable {
  controls: string[]; requirements: string[]; frameworks: string[]; profiles: string[]; inconsistencies: string[];
  /** The summaries and conformance the routes answer from the statuses alone (no evidence rows read). */
  routeSummaries: string[]; routeProfiles: string[];
  evidence: string[]; zones: string[]; shared: string[]; risks: string[];
}

const summaryOf = (f: { framework: string; domain: string; counts: unknown; compliance: unknown; maturity: unknown; maturityControls: unknown }) =>
  [f.framework, f.domain, f.counts, f.compliance, f.maturity, f.maturityControls];
const conformanceOf = (p: { profile: string; domain: string; meeting: number; targets: number; outcomes: Array<{ requirement: string; rating: string; meets: boolean | null }> }) =>
  [p.profile, p.domain, p.meeting, p.targets, p.outcomes.map((o) => [o.requirement, o.rating, o.meets])];

export function oracleComparable(r: AssuranceReport): Comparable {
  return {
    routeSummaries: sorted(r.frameworks.map(summaryOf)),
    routeProfiles: sorted(r.profiles.map(conformanceOf)),
    controls: sorted(r.controls.map((c) => [c.control, c.domain, c.effective, c.downgrade])),
    requirements: sorted(r.frameworks.flatMap((f) => f.requirements.map((q) => [q.requirement, q.domain, q.status, q.source, q.why.chosen?.mapping ?? null, q.why.candidates.map((c) => [c.mapping, c.projected])]))),
    frameworks: sorted(r.frameworks.map(summaryOf)),
    profiles: sorted(r.profiles.map(conformanceOf)),
    inconsistencies: sorted(r.inconsistencies),
    evidence: sorted(r.evidence.map((e) => [e.evidence, e.currency, e.expiresOn, e.reuse.requirements.map((q) => q.requirement), e.reuse.frameworks])),
    zones: sorted(r.zones.map((z) => [z.zone, z.vector.map((v) => [v.fr, v.slC, v.uncertainBy.sort()]), z.slC, [...z.gaps].sort(), z.slANotSupported])),
    shared: sorted(r.sharedSystems.map((s) => s.asset)),
    risks: sorted(r.risks.map((k) => [k.risk, k.score, k.band, k.affectedAssets, k.affectedDomains, k.sharedSystems, k.safetyTargets, k.flags, k.treatment])),
  };
}

export async function engineComparable(db: DbClient, asOf: string): Promise<Comparable> {
  const listed = await frameworksWithSummaries(db, asOf);
  const routeProfiles = [];
  for (const f of listed) for (const p of f.profiles) routeProfiles.push(...(await profileConformance(db, p.profile, asOf)));
  const route = { routeSummaries: sorted(listed.flatMap((f) => f.summaries.map(summaryOf))), routeProfiles: sorted(routeProfiles.map(conformanceOf)) };
  return db.readTx(async (tx) => {
    const baseline = await readBaseline(tx, asOf);
    const frameworks = await readFrameworks(tx);
    const views = await frameworkViews(tx, baseline, frameworks, baseline);
    const profiles = [];
    for (const f of frameworks.values()) {
      for (const p of f.profiles) {
        const profile = (await readProfile(tx, p.profile))!;
        for (const v of views.filter((x) => x.summary.framework === f.framework)) profiles.push(conformance(profile, v.summary.domain, v.requirements));
      }
    }
    const reuse = await evidenceReuse(tx, null);
    return {
      ...route,
      controls: sorted([...baseline.controls.values()].map((c) => [c.control, c.domain, c.effective, c.downgrade])),
      requirements: sorted(views.flatMap((v) => v.requirements.map((q) => [q.requirement, q.domain, q.status, q.source, q.why.chosen?.mapping ?? null, q.why.candidates.map((c) => [c.mapping, c.projected])]))),
      frameworks: sorted(views.map(({ summary }) => summaryOf(summary))),
      profiles: sorted(profiles.map(conformanceOf)),
      inconsistencies: sorted(await inconsistencies(tx, baseline)),
      evidence: sorted([...baseline.evidence.values()].map((e) => [e.evidence, e.currency, e.expiresOn, reuse.get(e.evidence)!.requirements.map((q) => q.requirement), reuse.get(e.evidence)!.frameworks])),
      zones: sorted((await zoneLevels(tx, baseline)).map((z) => [z.zone, z.vector.map((v) => [v.fr, v.slC, v.uncertainBy.sort()]), z.slC, z.gaps, z.slANotSupported])),
      shared: sorted((await sharedSystems(tx)).map((s) => s.asset)),
      risks: sorted((await riskFindings(tx, baseline)).map((k) => [k.risk, k.score, k.band, k.affectedAssets, k.affectedDomains, k.sharedSystems, k.safetyTargets, k.flags, k.treatmentState])),
    };
  });
}
