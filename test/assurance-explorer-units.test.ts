// The Assurance area's pure parts, without a browser: its URL state, the requirement tree's
// filters, the control table's join, sort and pages, and the risk matrix tally.
import { describe, expect, it } from 'vitest';
import type { ControlScopeT } from '../server/assurance/scope-schema.js';
import type { InconsistencyT, RiskFindingT } from '../server/assurance/schemas.js';
import type { ControlViewT, TreeNodeT } from '../client/src/assurance/assurance-api.js';
import { parseAssurance, writeAssurance } from '../client/src/assurance/assurance-state.js';
import { controlRows, filterAndSort, PAGE_SIZE, pageOf } from '../client/src/assurance/control-rows.js';
import { bandsByTreatment, matrix } from '../client/src/assurance/risk-tally.js';
import { countShown, filterTree } from '../client/src/assurance/tree-filter.js';

const node = (requirement: string, statuses: Array<[string, string]>, children: TreeNodeT[] = [], assessable = true): TreeNodeT => ({
  requirement, ref: requirement, title: requirement, assessable, slFrom: null, uncertain: null, children,
  statuses: statuses.map(([domain, status]) => ({ domain: domain as 'IT', status: status as 'met', source: 'direct', rating: null })),
});

describe('URL state', () => {
  it('round-trips, and ignores what is not valid', () => {
    const state = parseAssurance(new URLSearchParams('av=controls&asOf=2026-12-31&ctl=c-1&cq=fw&sort=-maturity&page=3&fw=x'));
    expect(state).toMatchObject({ view: 'controls', asOf: '2026-12-31', ctl: 'c-1', cq: 'fw', sort: 'maturity', desc: true, page: 3 });
    const p = new URLSearchParams();
    writeAssurance(p, state, true);
    expect(parseAssurance(p)).toEqual(state);
    expect(parseAssurance(new URLSearchParams('av=nope&asOf=31/12/2026&page=-2&sort=evil&ctl=%3Cscript%3E'))).toEqual({ view: 'frameworks', sort: 'control', desc: false, page: 1 });
    const outside = new URLSearchParams();
    writeAssurance(outside, state, false);
    expect(outside.toString()).toBe('asOf=2026-12-31');
  });
});

describe('requirement tree filters', () => {
  const tree = [node('fr1', [], [node('sr1', [['OT', 'met']], [node('re1', [['OT', 'gap']])]), node('sr2', [['OT', 'partial']])], false),
    node('caf-1', [['IT', 'met'], ['OT', 'not-met']])];
  it('keeps what matches, with what is above it as context', () => {
    const gaps = filterTree(tree, 'gaps', new Set());
    expect(gaps.map((n) => [n.requirement, n.context])).toEqual([['fr1', true], ['caf-1', false]]);
    expect(gaps[0]!.children.map((n) => [n.requirement, n.context, n.children.map((c) => c.requirement)])).toEqual([['sr1', true, ['re1']]]);
    expect(countShown(gaps)).toBe(2);
    expect(countShown(filterTree(tree, 'partial', new Set()))).toBe(1);
    expect(countShown(filterTree(tree, 'inconsistent', new Set(['sr2'])))).toBe(2);
    expect(countShown(filterTree(tree, undefined, new Set()))).toBe(4);
  });
});

describe('control table rows', () => {
  const inDomain = (control: string, domain: 'IT' | 'OT', effective: string, maturity: number, currencies: string[]) => ({
    control, name: control, category: 'c', controlDomain: 'BOTH' as const, domain, effective: effective as 'implemented', downgrade: null,
    assessed: { status: effective as 'implemented', maturity, assessor: 'a', assessedOn: '2026-01-01' },
    evidence: currencies.map((c, i) => ({ evidence: `e${i}`, name: 'e', currency: c as 'fresh', expiresOn: null, latestCollectedOn: null })),
  });
  const controls: ControlViewT[] = [
    { control: 'c-b', name: 'B', category: 'c', domain: 'BOTH', version: 1, statuses: [inDomain('c-b', 'IT', 'implemented', 4, ['expired', 'due']), inDomain('c-b', 'OT', 'partial', 1, [])] },
    { control: 'c-a', name: 'A', category: 'c', domain: 'IT', version: 1, statuses: [inDomain('c-a', 'IT', 'implemented', 3, ['fresh'])] },
  ];
  const scopes: ControlScopeT[] = [{ control: 'c-b', frameworks: ['fw-iso'], requirements: 2, appliesTo: [], mitigates: [] }];
  const found: InconsistencyT[] = [{ kind: 'BOTH-STATUS-DIFFERS', control: 'c-b', IT: 'implemented', OT: 'partial' }, { kind: 'BOTH-MATURITY-DIFFERS', control: 'c-b', IT: 4, OT: 1 }];
  const rows = controlRows(controls, scopes, found);

  it('joins statuses, scope and flags by control; the best currency per domain', () => {
    expect(rows.map((r) => [r.control, r.frameworks, r.currency, r.flags])).toEqual([
      ['c-b', ['fw-iso'], { IT: 'due', OT: 'absent' }, ['BOTH-MATURITY-DIFFERS', 'BOTH-STATUS-DIFFERS']],
      ['c-a', [], { IT: 'fresh' }, []],
    ]);
  });

  it('filters on every word, sorts either way, pages', () => {
    expect(filterAndSort(rows, undefined, 'control', false).map((r) => r.control)).toEqual(['c-a', 'c-b']);
    expect(filterAndSort(rows, 'fw-iso partial', 'control', false).map((r) => r.control)).toEqual(['c-b']);
    expect(filterAndSort(rows, undefined, 'flags', true).map((r) => r.control)).toEqual(['c-b', 'c-a']);
    expect(filterAndSort(rows, undefined, 'currency', false).map((r) => r.control)).toEqual(['c-a', 'c-b']);
    const many = Array.from({ length: 2 * PAGE_SIZE + 1 }, (_, i) => i);
    expect(pageOf(many, 3)).toEqual({ rows: [2 * PAGE_SIZE], page: 3, pages: 3 });
    expect(pageOf(many, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('risk tally', () => {
  const risk = (likelihood: number, impact: number, treatment: string, treatmentState: string | null) =>
    ({ likelihood, impact, treatment, treatmentState, band: likelihood * impact <= 4 ? 'low' : likelihood * impact <= 9 ? 'medium' : likelihood * impact <= 14 ? 'high' : 'very-high' }) as RiskFindingT;
  it('counts every cell of the 5 × 5 matrix, and bands by treatment as the board report does', () => {
    const risks = [risk(2, 3, 'mitigate', 'open'), risk(2, 3, 'accept', null), risk(5, 5, 'mitigate', 'treated')];
    const cells = matrix(risks);
    expect(cells).toHaveLength(25);
    expect(cells.filter((c) => c[3] > 0)).toEqual([[1, 2, 6, 2], [4, 4, 25, 1]]);
    expect(bandsByTreatment(risks)).toEqual([
      { band: 'low', counts: [0, 0, 0, 0, 0] }, { band: 'medium', counts: [0, 1, 1, 0, 0] },
      { band: 'high', counts: [0, 0, 0, 0, 0] }, { band: 'very-high', counts: [1, 0, 0, 0, 0] },
    ]);
  });
});
