// The assurance oracle on the hand-built site (asOf 2026-06-30), DOMAIN.md §5.3–5.5: evidence currency
// at its boundaries and reuse, zone SL-C from the applied controls, shared systems and risk flags,
// and the whole report. Every expected value is worked out in the comments. Pure: no database.
import { describe, expect, it } from 'vitest';
import { AssuranceIndex } from '../server/oracle/assurance/assurance-site.js';
import { evaluateAssurance } from '../server/oracle/assurance/evaluate.js';
import { controlsWithoutCurrentEvidence, evidenceCurrency, evidenceReuse } from '../server/oracle/assurance/evidence.js';
import { riskFindings, sharedSystems } from '../server/oracle/assurance/risks.js';
import { zoneLevels } from '../server/oracle/assurance/zone-levels.js';
import { AS_OF, site } from './helpers/assurance-site.js';

const index = new AssuranceIndex(site, AS_OF);
const evidence = (id: string) => site.governance.evidence.find((e) => e.id === id)!;

describe('5.3 evidence currency', () => {
  it.each([
    ['ev-today', '2026-06-30', 'due'], // 2026-05-31 + 30 days: expiring on asOf is due, not expired
    ['ev-30', '2026-07-30', 'due'], // + 60 days: asOf + 30, still due
    ['ev-31', '2026-07-31', 'fresh'], // + 61 days: asOf + 31, fresh
    ['ev-expired', '2026-06-29', 'expired'], // + 29 days: the day before asOf
    ['ev-order', '2027-06-20', 'fresh'], // latest revision 2026-06-20 + 365, though listed before 2024-01-01
    ['ev-absent', null, 'absent'], // no revision at all
  ])('%s expires on %s: %s', (id, expiresOn, currency) => {
    expect(evidenceCurrency(evidence(id), AS_OF)).toMatchObject({ expiresOn, currency });
  });

  it('the latest revision decides, whatever its place in the list', () => {
    expect(evidenceCurrency(evidence('ev-order'), AS_OF).latest!.collectedOn).toBe('2026-06-20');
    // Two years on, the same item is expired by its latest revision (2026-06-20 + 365 < 2028-06-30).
    expect(evidenceCurrency(evidence('ev-order'), '2028-06-30').currency).toBe('expired');
  });

  it('controls with no current evidence per domain: IT c-b (expired), c-c (absent), c-g (none); OT c-e, c-g, c-k and c-l (evidence covers IT only)', () => {
    expect(controlsWithoutCurrentEvidence(index)).toEqual({ IT: ['c-b', 'c-c', 'c-g'], OT: ['c-e', 'c-g', 'c-k', 'c-l'] });
  });

  it('reuse: ev-today serves it-1, it-3, it-9 directly (c-a) and caf-2 through m1 (it-1 superset caf-2); subset and intersect do not carry', () => {
    expect(evidenceReuse(index, evidence('ev-today'))).toEqual({
      evidence: 'ev-today',
      requirements: [
        { requirement: 'caf-2', framework: 'fw-caf', via: 'm1' },
        { requirement: 'it-1', framework: 'fw-it', via: 'direct' },
        { requirement: 'it-3', framework: 'fw-it', via: 'direct' },
        { requirement: 'it-9', framework: 'fw-it', via: 'direct' },
      ],
      frameworks: ['fw-caf', 'fw-it'],
    });
  });

  it('reuse: OT evidence ev-30 (c-d) serves caf-3 and ot-sr1.1 directly and the IT requirement it-1 through m2 (caf-3 superset it-1)', () => {
    expect(evidenceReuse(index, evidence('ev-30')).requirements.map((r) => [r.requirement, r.via]))
      .toEqual([['caf-3', 'direct'], ['it-1', 'm2'], ['ot-sr1.1', 'direct']]);
  });
});

describe('5.4 zone security level from the controls', () => {
  // Covered per zone (OT-implemented control applying to the zone, or site-wide):
  //   ot-sr1.1 (SL1) c-d: z-one..z-four   ot-sr1.1-re1 (SL2) c-h: z-two..z-four (its asset a-one does not count)
  //   ot-sr1.2 (SL3) c-i: z-three, z-four  ot-sr1.2-re1 (SL4) c-j: z-four (c-g on z-three is not implemented in OT)
  //   ot-sr2.1 (SL1) c-f: site-wide        ot-sr2.1-re1 (SL3, uncertain) c-i: z-three, z-four
  const levels = Object.fromEntries(zoneLevels(index).map((z) => [z.zone, z]));
  it.each([
    ['z-zero', [0, 2], 0, ['ot-sr1.1'], false], // FR1 misses SL1; FR2 has its SR but not its RE at 3
    ['z-one', [1, 2], 1, ['ot-sr1.1-re1'], true], // SL-A 2 > SL-C 1
    ['z-two', [2, 2], 2, [], false], // FR2: SR covered, RE missing → 2
    ['z-three', [3, 4], 3, [], false], // FR1: its SL4 RE is missing
    ['z-four', [4, 4], 4, [], false],
    ['z-dmz', [0, 2], 0, ['ot-sr1.1', 'ot-sr1.1-re1'], false], // SL-T 2
    ['z-it', [0, 2], 0, ['ot-sr1.1'], true], // SL-A 1 > SL-C 0
  ])('%s: vector %j, SL-C %i, gaps to SL-T %j, SL-A not supported: %s', (zone, vector, slC, gaps, notSupported) => {
    const level = levels[zone]!;
    expect(level.vector.map((v) => v.slC)).toEqual(vector);
    expect([level.slC, level.gaps, level.slANotSupported]).toEqual([slC, gaps, notSupported]);
  });
  it('marks an FR value uncertain when an uncovered SR/RE of it is flagged uncertain', () => {
    expect(levels['z-two']!.vector.map((v) => [v.ref, v.uncertainBy])).toEqual([['ot-fr1', []], ['ot-fr2', ['ot-sr2.1-re1']]]);
    expect(levels['z-three']!.vector[1]!.uncertainBy).toEqual([]);
  });
});

describe('5.5 shared systems and risks', () => {
  it('shared: a-dmz sits in a Purdue 3.5 zone; a-it and a-zero are the two ends of an IT↔OT flow; a-one → a-two stays in OT', () => {
    expect([...sharedSystems(index).keys()].sort()).toEqual(['a-dmz', 'a-it', 'a-zero']);
  });

  it('scores, bands at their boundaries, flags and treatment', () => {
    expect(riskFindings(index).map((r) => [r.risk, r.score, r.band, r.flags, r.treatment])).toEqual([
      // 2×5 = 10 high. a-it is shared, register IT → ownership gap. c-a implemented in IT → treated.
      ['r-1', 10, 'high', ['JOINT-OWNERSHIP-GAP'], 'treated'],
      // 25 very high. Severe in the IT register. accept: no treatment state.
      ['r-2', 25, 'very-high', ['SAFETY-RISK-OUTSIDE-OT'], null],
      // 4 low. Names safety zone z-four with consequence none. c-j implemented but c-e partial in OT → open.
      ['r-3', 4, 'low', ['SAFETY-CONSEQUENCE-UNDERSTATED'], 'open'],
      // 9 medium. a-dmz is shared but the risk is JOINT; major outside IT. c-f implemented in OT → treated.
      ['r-4', 9, 'medium', [], 'treated'],
      // 5 medium. a-zero is shared, register OT → gap. mitigate with no control → open.
      ['r-5', 5, 'medium', ['JOINT-OWNERSHIP-GAP'], 'open'],
      // 15 very high. a-sensor is a SIF element, consequence none. c-a is IT only and the risk affects
      // OT only: checked in no domain, so it does not hold the treatment open.
      ['r-6', 15, 'very-high', ['SAFETY-CONSEQUENCE-UNDERSTATED'], 'treated'],
      // 1 low. a-it shared → gap. c-b is implemented but unevidenced (effectively partial) → open.
      ['r-7', 1, 'low', ['JOINT-OWNERSHIP-GAP'], 'open'],
      // 2 low. a-sis-ews is no SIF element but sits in safety zone z-four → understated.
      ['r-8', 2, 'low', ['SAFETY-CONSEQUENCE-UNDERSTATED'], null],
    ]);
  });

  it('a risk naming a zone affects every asset in it, and its domains are those of the zones touched', () => {
    const r3 = riskFindings(index).find((r) => r.risk === 'r-3')!;
    expect([r3.affectedAssets, r3.affectedDomains, r3.safetyTargets]).toEqual([['a-ls', 'a-sis-ews'], ['OT'], ['z-four', 'a-ls', 'a-sis-ews']]);
    expect(r3.checks.map((c) => [c.control, c.domain, c.effective])).toEqual([['c-e', 'OT', 'partial'], ['c-j', 'OT', 'implemented']]);
  });
});

describe('the whole report', () => {
  it('gathers every section for one asOf', () => {
    const report = evaluateAssurance(site, AS_OF);
    expect(report.frameworks.map((f) => `${f.framework}/${f.domain} ${f.compliance}`))
      .toEqual(['fw-it/IT 55.6', 'fw-ot/OT 91.7', 'fw-caf/IT 58.3', 'fw-caf/OT 25']);
    expect(report.profiles.map((p) => `${p.profile}/${p.domain} ${p.meeting}/${p.targets}`)).toEqual(['p-test/IT 4/6', 'p-test/OT 2/6']);
    expect(report.evidence.map((e) => e.currency)).toEqual(['due', 'due', 'fresh', 'expired', 'fresh', 'absent', 'fresh']);
    expect(report.inconsistencies).toHaveLength(8);
    expect(report.zones.map((z) => z.slC)).toEqual([0, 0, 0, 1, 2, 3, 4]);
    expect(report.sharedSystems.map((s) => s.asset)).toEqual(['a-dmz', 'a-it', 'a-zero']);
    expect(report.risks.filter((r) => r.treatment === 'open').map((r) => r.risk)).toEqual(['r-3', 'r-5', 'r-7']);
    // 8 single-domain controls (c-k too: unassessed is a status) and 4 BOTH controls × 2 domains.
    expect(report.controls).toHaveLength(8 + 4 * 2);
  });
});
