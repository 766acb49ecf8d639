// Property: on random baselines — random controls, assessments, mappings, evidence dates and risks
// over a small fixed topology — the Cypher engine agrees with the independent oracle
// (server/oracle/assurance/) on every section of DOMAIN.md §5, as of a random date.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { addDays } from '../server/oracle/assurance/evidence.js';
import { evaluateAssurance } from '../server/oracle/assurance/evaluate.js';
import { Governance } from '../server/model/governance-schema.js';
import type { AssuranceSite } from '../server/oracle/assurance/assurance-site.js';
import { engineComparable, oracleComparable } from './helpers/assurance-compare.js';
import { siteDocumentOf } from './helpers/assurance-graph.js';
import { loadSite, testDb } from './helpers/db.js';

let db: DbClient;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => db.close());

const AS_OF = '2026-06-30';
const fw = (id: string, domains: string[], extra: Record<string, unknown> = {}) =>
  ({ id, name: id, version: '1', kind: 'standard', domains, ratingModel: 'status', sources: ['t'], licence: 't', ...extra });
const FRAMEWORKS = [fw('fw-it', ['IT']), fw('fw-ot', ['OT'], { securityLevels: true }), fw('fw-caf', ['IT', 'OT'], { ratingModel: 'caf' })];
const REQUIREMENTS = [
  ...[1, 2, 3, 4].map((i) => ({ id: `it-${i}`, framework: 'fw-it', ref: `it-${i}`, title: 't' })),
  { id: 'ot-fr1', framework: 'fw-ot', ref: 'FR 1', title: 't', assessable: false },
  { id: 'ot-fr2', framework: 'fw-ot', ref: 'FR 2', title: 't', assessable: false },
  { id: 'ot-sr1', framework: 'fw-ot', ref: 'SR 1', title: 't', parent: 'ot-fr1', slFrom: 1 },
  { id: 'ot-sr1-re1', framework: 'fw-ot', ref: 'SR 1 RE 1', title: 't', parent: 'ot-sr1', slFrom: 2 },
  { id: 'ot-sr2', framework: 'fw-ot', ref: 'SR 2', title: 't', parent: 'ot-fr1', slFrom: 3, uncertain: 'x' },
  { id: 'ot-sr3', framework: 'fw-ot', ref: 'SR 3', title: 't', parent: 'ot-fr2', slFrom: 1 },
  { id: 'ot-sr3-re1', framework: 'fw-ot', ref: 'SR 3 RE 1', title: 't', parent: 'ot-sr3', slFrom: 4 },
  { id: 'caf-o', framework: 'fw-caf', ref: 'A', title: 't', assessable: false },
  ...[1, 2, 3, 4].map((i) => ({ id: `caf-${i}`, framework: 'fw-caf', ref: `A.${i}`, title: 't', parent: 'caf-o', noPartial: i === 1 })),
];
const ASSESSABLE = REQUIREMENTS.filter((r) => !('assessable' in r)).map((r) => r.id);
const ZONES = [
  { id: 'z-it', purdueLevel: 4, domain: 'IT' as const, slTarget: 1, slAchieved: 1, safety: false },
  { id: 'z-dmz', purdueLevel: 3.5, domain: 'OT' as const, slTarget: 2, slAchieved: 2, safety: false },
  { id: 'z-ctl', purdueLevel: 2, domain: 'OT' as const, slTarget: 3, slAchieved: 2, safety: false },
  { id: 'z-sis', purdueLevel: 1, domain: 'OT' as const, slTarget: 3, slAchieved: 3, safety: true },
];
const ASSETS = [['a-it', 'z-it'], ['a-it2', 'z-it'], ['a-dmz', 'z-dmz'], ['a-ctl', 'z-ctl'], ['a-ctl2', 'z-ctl'], ['a-sis', 'z-sis']].map(([id, zone]) => ({ id: id!, zone: zone! }));
const TARGETS = [...ZONES.map((z) => z.id), ...ASSETS.map((a) => a.id)];

const statusArb = fc.constantFrom('implemented', 'implemented', 'partial', 'planned', 'not-implemented');
const assessmentArb = fc.option(fc.record({ status: statusArb, maturity: fc.integer({ min: 0, max: 5 }), assessor: fc.constant('a'), assessedOn: fc.constant('2026-01-01') }), { freq: 5 });
const controlArb = fc.record({
  domain: fc.constantFrom('IT', 'OT', 'BOTH'),
  satisfies: fc.uniqueArray(fc.constantFrom(...ASSESSABLE), { maxLength: 3 }),
  appliesTo: fc.oneof(fc.constant([]), fc.uniqueArray(fc.constantFrom(...TARGETS), { minLength: 1, maxLength: 3 })),
  it: assessmentArb, ot: assessmentArb,
});
// Dates around asOf so that every currency boundary is hit: refresh cycles of 1–400 days.
const evidenceArb = fc.record({
  supports: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
  refreshDays: fc.oneof(fc.constantFrom(1, 29, 30, 31, 60, 61), fc.integer({ min: 1, max: 400 })),
  collected: fc.array(fc.integer({ min: -450, max: 0 }), { maxLength: 3 }),
  domains: fc.constantFrom(['IT'], ['OT'], ['IT', 'OT']),
});
const mappingArb = fc.record({
  from: fc.constantFrom(...ASSESSABLE), to: fc.constantFrom(...ASSESSABLE),
  relationship: fc.constantFrom('equal', 'subset', 'superset', 'intersect'), strength: fc.integer({ min: 0, max: 2 }),
});
const riskArb = fc.record({
  register: fc.constantFrom('IT', 'OT', 'JOINT'), likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }),
  safetyConsequence: fc.constantFrom('none', 'minor', 'major', 'severe'), treatment: fc.constantFrom('mitigate', 'mitigate', 'accept', 'avoid'),
  affects: fc.uniqueArray(fc.constantFrom(...TARGETS), { maxLength: 2 }),
});
const baselineArb = fc.record({
  controls: fc.array(controlArb, { minLength: 1, maxLength: 10 }),
  evidence: fc.array(evidenceArb, { maxLength: 8 }),
  mappings: fc.array(mappingArb, { maxLength: 12 }),
  risks: fc.array(riskArb, { maxLength: 5 }),
  mitigations: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  flows: fc.uniqueArray(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 })), { maxLength: 4 }),
  asOfShift: fc.integer({ min: -40, max: 40 }),
});

const pad = (i: number) => String(i).padStart(2, '0');

type Baseline = typeof baselineArb extends fc.Arbitrary<infer T> ? T : never;

function siteOf(b: Baseline): AssuranceSite {
  const covers = (domain: string, d: string) => domain === 'BOTH' || domain === d;
  const controls = b.controls.map((c, i) => ({
    id: `c-${pad(i)}`, name: 'c', domain: c.domain, category: 't', satisfies: c.satisfies, appliesTo: c.appliesTo,
    mitigates: b.mitigations.filter(([ci]) => ci % b.controls.length === i && b.risks.length > 0).map(([, ri]) => `r-${pad(ri % b.risks.length)}`)
      .filter((v, j, all) => all.indexOf(v) === j),
    assessment: { ...(c.it && covers(c.domain, 'IT') ? { IT: c.it } : {}), ...(c.ot && covers(c.domain, 'OT') ? { OT: c.ot } : {}) },
  }));
  const evidence = b.evidence.map((e, i) => {
    const supports = [...new Set(e.supports.map((n) => controls[n % controls.length]!.id))];
    // The evidence covers only domains one of its controls covers (the site's own rule).
    const domains = e.domains.filter((d) => supports.some((id) => covers(controls.find((c) => c.id === id)!.domain, d)));
    return {
      id: `ev-${pad(i)}`, name: 'e', kind: 'audit-log', source: 't', domains: domains.length ? domains : [covers(controls.find((c) => c.id === supports[0])!.domain, 'IT') ? 'IT' : 'OT'],
      refreshDays: e.refreshDays, supports, revisions: e.collected.map((d, j) => ({ collectedOn: addDays(AS_OF, d), sha256: String(j).repeat(64), addedBy: 't' })),
    };
  });
  const governance = Governance.parse({
    frameworks: FRAMEWORKS, requirements: REQUIREMENTS,
    mappings: b.mappings.filter((m) => m.from !== m.to).map((m, i) => ({ id: `m-${pad(i)}`, ...m, rationale: 't', basis: 'interlock-judgement' })),
    profiles: [{ id: 'p', name: 'p', framework: 'fw-caf', description: 't', basis: 'interlock-judgement', targets: { 'caf-1': 'achieved', 'caf-2': 'partially-achieved', 'caf-3': 'not-achieved' } }],
    controls, evidence,
    risks: b.risks.map((r, i) => ({ id: `r-${pad(i)}`, title: 'r', owner: 'o', ...r })),
  });
  const flows = b.flows.filter(([x, y]) => x !== y).map(([x, y]) => ({ from: ASSETS[x]!.id, to: ASSETS[y]!.id }));
  return { governance, topology: { zones: ZONES, assets: ASSETS, flows, sifElements: [{ sif: 'sif-1', asset: 'a-sis' }, { sif: 'sif-1', asset: 'a-ctl2' }] } };
}

describe('the Cypher projection agrees with the oracle on random baselines', () => {
  it('on every section, as of a random date near the evidence boundaries', async () => {
    let compared = 0;
    const seen = { projected: 0, capped: 0, expired: 0, due: 0, open: 0 };
    await fc.assert(
      fc.asyncProperty(baselineArb, async (b) => {
        const site = siteOf(b);
        const asOf = addDays(AS_OF, b.asOfShift);
        await loadSite(db, siteDocumentOf(site));
        const oracle = evaluateAssurance(site, asOf);
        expect(await engineComparable(db, asOf)).toEqual(oracleComparable(oracle));
        compared += 1;
        const requirements = oracle.frameworks.flatMap((f) => f.requirements);
        seen.projected += requirements.filter((r) => r.source === 'projected').length;
        seen.capped += requirements.filter((r) => r.why.chosen && !r.why.chosen.full).length;
        seen.expired += oracle.evidence.filter((e) => e.currency === 'expired').length;
        seen.due += oracle.evidence.filter((e) => e.currency === 'due').length;
        seen.open += oracle.risks.filter((r) => r.treatment === 'open').length;
      }),
      { numRuns: 60, seed: 20261127 },
    );
    console.log(`compared ${compared} baselines; seen ${JSON.stringify(seen)}`);
    expect(compared).toBe(60);
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(10);
  });
});
