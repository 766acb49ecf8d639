// The assurance oracle on the hand-built site of helpers/assurance-site.ts (asOf 2026-06-30): every
// status rule of DOMAIN.md §5.2, compliance and maturity, CAF ratings against a profile, and each
// inconsistency kind. Every expected value is worked out in the comments. Pure: no database.
import { describe, expect, it } from 'vitest';
import { AssuranceIndex } from '../server/oracle/assurance/assurance-site.js';
import { effectiveStatus } from '../server/oracle/assurance/control-status.js';
import { frameworkSummary, oneDecimal, profileConformance } from '../server/oracle/assurance/framework-summary.js';
import { inconsistencies } from '../server/oracle/assurance/inconsistencies.js';
import { requirementStatus } from '../server/oracle/assurance/requirement-status.js';
import { AS_OF, site } from './helpers/assurance-site.js';

const index = new AssuranceIndex(site, AS_OF);
const status = (id: string, domain: 'IT' | 'OT') => requirementStatus(index, id, domain);
const effective = (id: string, domain: 'IT' | 'OT') => effectiveStatus(index, index.controls.get(id)!, domain);

describe('5.2.1 effective status of a control', () => {
  it('is the assessment when evidenced: c-a implemented, ev-today due (expires on asOf) counts as current', () => {
    expect(effective('c-a', 'IT')).toMatchObject({ effective: 'implemented', downgrade: null });
  });
  it('implemented but unevidenced is partial: c-b\'s only evidence expired on 2026-06-29', () => {
    expect(effective('c-b', 'IT')).toMatchObject({ assessed: { status: 'implemented' }, effective: 'partial', downgrade: 'unevidenced' });
  });
  it('only implemented is downgraded: c-c planned stays planned with absent evidence', () => {
    expect(effective('c-c', 'IT')).toMatchObject({ effective: 'planned', downgrade: null });
  });
  it('is judged per domain: c-l is evidenced for IT only, so OT is partial', () => {
    expect([effective('c-l', 'IT')!.effective, effective('c-l', 'OT')!.effective]).toEqual(['implemented', 'partial']);
  });
  it('a BOTH control with no assessment for a domain is not-implemented there; a control has no status outside its domain', () => {
    expect(effective('c-g', 'OT')).toMatchObject({ assessed: null, effective: 'not-implemented', downgrade: 'unassessed' });
    expect(effective('c-a', 'OT')).toBeUndefined();
  });
});

describe('5.2.2 direct status', () => {
  it('all direct controls effectively implemented → met (it-1: c-a)', () => {
    expect(status('it-1', 'IT')).toMatchObject({ status: 'met', source: 'direct' });
  });
  it('implemented but unevidenced → partial (it-2: c-b is effectively partial)', () => {
    expect(status('it-2', 'IT')!.status).toBe('partial');
  });
  it('at least one implemented or partial → partial (it-3: c-a implemented, c-c planned)', () => {
    expect(status('it-3', 'IT')!.status).toBe('partial');
    expect(status('it-3', 'IT')!.why.controls.map((c) => [c.control, c.effective])).toEqual([['c-a', 'implemented'], ['c-c', 'planned']]);
  });
  it('none implemented or partial → not met (it-4: c-c planned)', () => {
    expect(status('it-4', 'IT')!.status).toBe('not-met');
  });
  it('no direct control and nothing to project → gap (it-8)', () => {
    expect(status('it-8', 'IT')).toMatchObject({ status: 'gap', source: 'none' });
  });
  it('a requirement is not evaluated in a domain its framework does not scope', () => {
    expect(status('it-1', 'OT')).toBeUndefined();
    expect(status('ot-sr1.1', 'IT')).toBeUndefined();
  });
});

describe('5.2.3 projected status', () => {
  it('equal or superset carries the source status: caf-2 (IT) from it-1 (met) via m1 stored as caf-2 subset it-1, read as it-1 superset caf-2', () => {
    const r = status('caf-2', 'IT')!;
    expect(r).toMatchObject({ status: 'met', source: 'projected' });
    expect(r.why.chosen).toMatchObject({ mapping: 'm1', source: 'it-1', relationship: 'superset', full: true, sourceStatus: 'met' });
  });
  it('two full sources at the same status: the stronger mapping is chosen (m1 strength 7 over m10 strength 6, it-9 superset caf-2)', () => {
    expect(status('caf-2', 'IT')!.why.candidates.map((c) => [c.mapping, c.relationship, c.projected])).toEqual([['m1', 'superset', 'met'], ['m10', 'superset', 'met']]);
  });
  it('subset is capped at partial, also when read inverted: caf-3 (IT) from it-1 (met) via m2 stored as caf-3 superset it-1', () => {
    expect(status('caf-3', 'IT')!.why.chosen).toMatchObject({ mapping: 'm2', relationship: 'subset', full: false, sourceStatus: 'met', projected: 'partial' });
    expect(status('caf-3', 'IT')!.status).toBe('partial');
  });
  it('several capped sources: the best capped one (caf-4: m3 intersect from it-4 not met, m4 it-1 subset caf-4 met → partial)', () => {
    const r = status('caf-4', 'IT')!;
    expect(r.why.candidates.map((c) => [c.mapping, c.projected])).toEqual([['m3', 'not-met'], ['m4', 'partial']]);
    expect(r).toMatchObject({ status: 'partial', why: { chosen: { mapping: 'm4' } } });
  });
  it('a fully covering source wins over a better capped one: caf-5 takes m5 (it-4 equal, not met) over m6 (it-5 intersect, met → partial)', () => {
    expect(status('caf-5', 'IT')).toMatchObject({ status: 'not-met', why: { chosen: { mapping: 'm5', relationship: 'equal' } } });
  });
  it('one hop only: it-7 is equal to caf-2, but caf-2 has no direct control (it is projected itself), so it-7 is a gap', () => {
    expect(status('it-7', 'IT')).toMatchObject({ status: 'gap', source: 'none', why: { candidates: [] } });
  });
  it('direct in one domain and projected in the other: caf-3 is met directly in OT (c-d) and partial by projection in IT', () => {
    expect(status('caf-3', 'OT')).toMatchObject({ status: 'met', source: 'direct' });
  });
  it('sources only from frameworks that scope the domain: caf-2 in OT has none (fw-it is IT only) → gap', () => {
    expect(status('caf-2', 'OT')).toMatchObject({ status: 'gap', source: 'none' });
  });
});

describe('5.2.5 compliance % and maturity', () => {
  it('rounds half up to one decimal', () => {
    expect([oneDecimal(9, 4), oneDecimal(1, 3), oneDecimal(2, 3), oneDecimal(0, 5), oneDecimal(1, 0)]).toEqual([2.3, 0.3, 0.7, 0, null]);
  });
  it('fw-it in IT: met it-1, it-5, it-6, it-9; partial it-2, it-3; not met it-4; gap it-7, it-8 → (4 + ½·2) / 9 = 55.6 %; maturity of c-a 4, c-b 3, c-c 1, c-e 4, c-f 2 = 14 / 5 = 2.8', () => {
    expect(frameworkSummary(index, 'fw-it', 'IT')).toMatchObject({
      assessable: 9, counts: { met: 4, partial: 2, 'not-met': 1, gap: 2 }, compliance: 55.6, maturity: 2.8,
      maturityControls: ['c-a', 'c-b', 'c-c', 'c-e', 'c-f'],
    });
    expect(frameworkSummary(index, 'fw-it', 'OT')).toBeUndefined();
  });
  it('fw-ot in OT: all met but ot-sr1.2-re1 (c-j implemented, c-g not) → (5 + ½) / 6 = 91.7 %; maturity c-d 2, c-f 1, c-h 3, c-i 3, c-j 4 = 13 / 5 = 2.6 (c-g unassessed in OT, left out)', () => {
    expect(frameworkSummary(index, 'fw-ot', 'OT')).toMatchObject({
      assessable: 6, counts: { met: 5, partial: 1, 'not-met': 0, gap: 0 }, compliance: 91.7, maturity: 2.6,
      maturityControls: ['c-d', 'c-f', 'c-h', 'c-i', 'c-j'],
    });
  });
  it('fw-caf in IT: met caf-1 (c-e), caf-2; partial caf-3, caf-4, caf-6 (c-g unevidenced); not met caf-5 → (2 + 1.5) / 6 = 58.3 %; maturity c-e 4, c-g 3 = 3.5', () => {
    expect(frameworkSummary(index, 'fw-caf', 'IT')).toMatchObject({
      assessable: 6, counts: { met: 2, partial: 3, 'not-met': 1, gap: 0 }, compliance: 58.3, maturity: 3.5,
    });
  });
  it('fw-caf in OT: met caf-3; partial caf-1 (c-e OT partial); not met caf-6 (c-g unassessed); gap caf-2, caf-4, caf-5 → 1.5 / 6 = 25.0 %; maturity c-e 1, c-d 2 = 1.5', () => {
    expect(frameworkSummary(index, 'fw-caf', 'OT')).toMatchObject({
      assessable: 6, counts: { met: 1, partial: 1, 'not-met': 1, gap: 3 }, compliance: 25, maturity: 1.5, maturityControls: ['c-d', 'c-e'],
    });
  });
});

describe('5.2.4 CAF ratings and profile conformance', () => {
  const rows = (domain: 'IT' | 'OT') => profileConformance(index, 'p-test', domain)!.outcomes.map((o) => [o.requirement, o.rating, o.target, o.meets]);
  it('IT: met → achieved, partial → partially achieved, not met → not achieved; meets when rating ≥ target: 4 of 6', () => {
    expect(rows('IT')).toEqual([
      ['caf-1', 'achieved', 'achieved', true],
      ['caf-2', 'achieved', 'partially-achieved', true],
      ['caf-3', 'partially-achieved', 'achieved', false],
      ['caf-4', 'partially-achieved', 'partially-achieved', true],
      ['caf-5', 'not-achieved', 'not-achieved', true],
      ['caf-6', 'partially-achieved', 'achieved', false],
    ]);
    expect(profileConformance(index, 'p-test', 'IT')).toMatchObject({ meeting: 4, targets: 6 });
  });
  it('OT: caf-1 is partial but has no "Partially achieved" column, so it rates not achieved; gap → not achieved: 2 of 6', () => {
    expect(rows('OT')).toEqual([
      ['caf-1', 'not-achieved', 'achieved', false],
      ['caf-2', 'not-achieved', 'partially-achieved', false],
      ['caf-3', 'achieved', 'achieved', true],
      ['caf-4', 'not-achieved', 'partially-achieved', false],
      ['caf-5', 'not-achieved', 'not-achieved', true],
      ['caf-6', 'not-achieved', 'achieved', false],
    ]);
    expect(profileConformance(index, 'p-test', 'OT')).toMatchObject({ meeting: 2, targets: 6 });
  });
});

describe('5.2.6 inconsistencies', () => {
  it('lists each kind, comparing effective statuses', () => {
    expect(inconsistencies(index)).toEqual([
      // c-e: implemented (IT) vs partial (OT); maturity 4 vs 1 differs by 3.
      { kind: 'BOTH-STATUS-DIFFERS', control: 'c-e', IT: 'implemented', OT: 'partial' },
      { kind: 'BOTH-MATURITY-DIFFERS', control: 'c-e', IT: 4, OT: 1 },
      // c-f: both implemented, maturity 2 vs 1: consistent. c-g: no OT assessment; IT is
      // effectively partial (no evidence), OT not-implemented.
      { kind: 'NOT-ASSESSED', control: 'c-g', domain: 'OT' },
      { kind: 'BOTH-STATUS-DIFFERS', control: 'c-g', IT: 'partial', OT: 'not-implemented' },
      // c-k: an OT control never assessed.
      { kind: 'NOT-ASSESSED', control: 'c-k', domain: 'OT' },
      // c-l: assessed implemented in both, but evidenced for IT only.
      { kind: 'BOTH-STATUS-DIFFERS', control: 'c-l', IT: 'implemented', OT: 'partial' },
      // m5 it-4 = caf-5 agree (not met); m7 it-7 gap vs caf-2 met; m8 it-6 met vs caf-6 partial.
      { kind: 'EQUAL-STATUS-DIFFERS', mapping: 'm7', domain: 'IT', from: 'it-7', fromStatus: 'gap', to: 'caf-2', toStatus: 'met' },
      { kind: 'EQUAL-STATUS-DIFFERS', mapping: 'm8', domain: 'IT', from: 'it-6', fromStatus: 'met', to: 'caf-6', toStatus: 'partial' },
    ]);
  });
});
