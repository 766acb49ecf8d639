// A small governance site built so that every rule of DOMAIN.md §5 shows once, with asOf 2026-06-30.
// The expected numbers are worked out by hand in the tests that use it; the comments here say what
// each entity is for.
import { Governance } from '../../server/model/governance-schema.js';
import type { AssuranceSite } from '../../server/oracle/assurance/assurance-site.js';

export const AS_OF = '2026-06-30';

const fw = (id: string, domains: string[], extra: Record<string, unknown> = {}) =>
  ({ id, name: id, version: '1', kind: 'standard', domains, ratingModel: 'status', sources: ['test'], licence: 'test', ...extra });
const req = (id: string, framework: string, extra: Record<string, unknown> = {}) => ({ id, framework, ref: id, title: id, ...extra });
const assessed = (status: string, maturity: number) => ({ status, maturity, assessor: 'A. Assessor', assessedOn: '2026-06-01' });
const control = (id: string, domain: string, satisfies: string[], assessment: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ id, name: id, domain, category: 'test', satisfies, assessment, ...extra });
const revision = (collectedOn: string) => ({ collectedOn, sha256: 'a'.repeat(64), addedBy: 'tester' });
const evidence = (id: string, domains: string[], refreshDays: number, supports: string[], collected: string[]) =>
  ({ id, name: id, kind: 'audit-log', source: 'test', domains, refreshDays, supports, revisions: collected.map(revision) });
const map = (id: string, from: string, to: string, relationship: string, strength: number) =>
  ({ id, from, to, relationship, strength, rationale: 'test', basis: 'interlock-judgement' });
const risk = (id: string, register: string, likelihood: number, impact: number, safetyConsequence: string, treatment: string, affects: string[]) =>
  ({ id, title: id, register, likelihood, impact, safetyConsequence, treatment, owner: 'owner', affects });

const governance = Governance.parse({
  frameworks: [
    fw('fw-it', ['IT']),
    fw('fw-ot', ['OT'], { securityLevels: true }),
    fw('fw-caf', ['IT', 'OT'], { ratingModel: 'caf', kind: 'regulation' }),
  ],
  requirements: [
    ...['it-1', 'it-2', 'it-3', 'it-4', 'it-5', 'it-6', 'it-7', 'it-8', 'it-9'].map((id) => req(id, 'fw-it')),
    // Two FRs; FR 1 has an SR with an RE at every level, FR 2 an SR at 1 with an uncertain RE at 3.
    req('ot-fr1', 'fw-ot', { assessable: false }),
    req('ot-sr1.1', 'fw-ot', { parent: 'ot-fr1', slFrom: 1 }),
    req('ot-sr1.1-re1', 'fw-ot', { parent: 'ot-sr1.1', slFrom: 2 }),
    req('ot-sr1.2', 'fw-ot', { parent: 'ot-fr1', slFrom: 3 }),
    req('ot-sr1.2-re1', 'fw-ot', { parent: 'ot-sr1.2', slFrom: 4 }),
    req('ot-fr2', 'fw-ot', { assessable: false }),
    req('ot-sr2.1', 'fw-ot', { parent: 'ot-fr2', slFrom: 1 }),
    req('ot-sr2.1-re1', 'fw-ot', { parent: 'ot-sr2.1', slFrom: 3, uncertain: 'sources disagree' }),
    req('caf-obj', 'fw-caf', { assessable: false }),
    req('caf-1', 'fw-caf', { parent: 'caf-obj', noPartial: true }),
    ...['caf-2', 'caf-3', 'caf-4', 'caf-5', 'caf-6'].map((id) => req(id, 'fw-caf', { parent: 'caf-obj' })),
  ],
  mappings: [
    map('m1', 'caf-2', 'it-1', 'subset', 7), // read from it-1: it-1 superset caf-2 (full)
    map('m2', 'caf-3', 'it-1', 'superset', 6), // read from it-1: it-1 subset caf-3 (capped)
    map('m3', 'it-4', 'caf-4', 'intersect', 5),
    map('m4', 'it-1', 'caf-4', 'subset', 5),
    map('m5', 'it-4', 'caf-5', 'equal', 9),
    map('m6', 'it-5', 'caf-5', 'intersect', 8),
    map('m7', 'it-7', 'caf-2', 'equal', 9), // caf-2 is itself projected: never a source
    map('m8', 'it-6', 'caf-6', 'equal', 9),
    map('m10', 'it-9', 'caf-2', 'superset', 6),
  ],
  profiles: [{
    id: 'p-test', name: 'test profile', framework: 'fw-caf', description: 'test', basis: 'interlock-judgement',
    targets: { 'caf-1': 'achieved', 'caf-2': 'partially-achieved', 'caf-3': 'achieved', 'caf-4': 'partially-achieved', 'caf-5': 'not-achieved', 'caf-6': 'achieved' },
  }],
  controls: [
    control('c-a', 'IT', ['it-1', 'it-3', 'it-9'], { IT: assessed('implemented', 4) }, { mitigates: ['r-1', 'r-6'] }),
    control('c-b', 'IT', ['it-2'], { IT: assessed('implemented', 3) }, { mitigates: ['r-7'] }), // evidence expired
    control('c-c', 'IT', ['it-3', 'it-4'], { IT: assessed('planned', 1) }),
    control('c-d', 'OT', ['caf-3', 'ot-sr1.1'], { OT: assessed('implemented', 2) }, { appliesTo: ['z-one', 'z-two', 'z-three', 'z-four'] }),
    control('c-e', 'BOTH', ['it-5', 'caf-1'], { IT: assessed('implemented', 4), OT: assessed('partial', 1) }, { mitigates: ['r-3'] }),
    control('c-f', 'BOTH', ['it-6', 'ot-sr2.1'], { IT: assessed('implemented', 2), OT: assessed('implemented', 1) }, { mitigates: ['r-4'] }),
    control('c-g', 'BOTH', ['caf-6', 'ot-sr1.2-re1'], { IT: assessed('implemented', 3) }, { appliesTo: ['z-three'] }), // no OT assessment
    // a-one is an asset of z-one: applying to it does not cover z-one.
    control('c-h', 'OT', ['ot-sr1.1-re1'], { OT: assessed('implemented', 3) }, { appliesTo: ['z-two', 'z-three', 'z-four', 'a-one'] }),
    control('c-i', 'OT', ['ot-sr1.2', 'ot-sr2.1-re1'], { OT: assessed('implemented', 3) }, { appliesTo: ['z-three', 'z-four'] }),
    control('c-j', 'OT', ['ot-sr1.2-re1'], { OT: assessed('implemented', 4) }, { appliesTo: ['z-four'], mitigates: ['r-3'] }),
    control('c-k', 'OT', [], {}), // never assessed
    control('c-l', 'BOTH', [], { IT: assessed('implemented', 3), OT: assessed('implemented', 3) }), // evidenced for IT only
  ],
  evidence: [
    evidence('ev-today', ['IT'], 30, ['c-a', 'c-l'], ['2026-05-31']), // expires 2026-06-30 = asOf: due
    evidence('ev-30', ['OT'], 60, ['c-d'], ['2026-05-31']), // expires 2026-07-30 = asOf + 30: due
    evidence('ev-31', ['IT'], 61, ['c-e'], ['2026-05-31']), // expires 2026-07-31 = asOf + 31: fresh
    evidence('ev-expired', ['IT'], 29, ['c-b'], ['2026-05-31']), // expired 2026-06-29
    evidence('ev-order', ['IT', 'OT'], 365, ['c-f'], ['2026-06-20', '2024-01-01']), // the latest is listed first
    evidence('ev-absent', ['IT'], 90, ['c-c'], []),
    evidence('ev-ot', ['OT'], 365, ['c-h', 'c-i', 'c-j'], ['2026-01-01']), // fresh until 2027-01-01
  ],
  risks: [
    risk('r-1', 'IT', 2, 5, 'minor', 'mitigate', ['a-it']),
    risk('r-2', 'IT', 5, 5, 'severe', 'accept', ['a-one']),
    risk('r-3', 'OT', 2, 2, 'none', 'mitigate', ['z-four']),
    risk('r-4', 'JOINT', 3, 3, 'major', 'mitigate', ['a-dmz', 'a-sensor']),
    risk('r-5', 'OT', 1, 5, 'none', 'mitigate', ['a-zero']),
    risk('r-6', 'IT', 3, 5, 'none', 'mitigate', ['a-sensor']),
    risk('r-7', 'IT', 1, 1, 'none', 'mitigate', ['a-it']),
    risk('r-8', 'OT', 1, 2, 'none', 'accept', ['a-sis-ews']),
  ],
});

const zone = (id: string, purdueLevel: number, domain: 'IT' | 'OT', slTarget: number, slAchieved: number, safety = false) =>
  ({ id, purdueLevel, domain, slTarget, slAchieved, safety });

export const site: AssuranceSite = {
  governance,
  topology: {
    zones: [
      zone('z-it', 4, 'IT', 1, 1),
      zone('z-dmz', 3.5, 'OT', 2, 0),
      zone('z-zero', 3, 'OT', 1, 0),
      zone('z-one', 2, 'OT', 2, 2),
      zone('z-two', 2, 'OT', 2, 1),
      zone('z-three', 1, 'OT', 3, 3),
      zone('z-four', 1, 'OT', 4, 4, true),
    ],
    assets: [
      { id: 'a-it', zone: 'z-it' }, { id: 'a-dmz', zone: 'z-dmz' }, { id: 'a-zero', zone: 'z-zero' },
      { id: 'a-one', zone: 'z-one' }, { id: 'a-two', zone: 'z-two' }, { id: 'a-sensor', zone: 'z-three' },
      { id: 'a-ls', zone: 'z-four' }, { id: 'a-sis-ews', zone: 'z-four' },
    ],
    flows: [{ from: 'a-it', to: 'a-zero' }, { from: 'a-one', to: 'a-two' }],
    sifElements: [{ sif: 'sif-1', asset: 'a-sensor' }, { sif: 'sif-1', asset: 'a-ls' }],
  },
};
