// The shipped catalogues/ folder: every file validates, the counts match the published structures,
// every CAF outcome is mapped (or listed as unmapped with a reason), and broken inputs are refused
// with messages naming file, path and problem. Pure: no database.
import { describe, expect, it } from 'vitest';
import { catalogueToGovernance } from '../server/assurance/catalogue-to-site.js';
import { loadCatalogues } from '../server/assurance/load-catalogues.js';
import { formatCatalogueError, type NamedFile } from '../server/model/catalogue-schema.js';
import { validateCatalogues } from '../server/model/validate-catalogues.js';

const loaded = loadCatalogues();
if (!loaded.ok) throw new Error(loaded.errors.map(formatCatalogueError).join('\n'));
const entities = catalogueToGovernance(loaded.set);
const of = (framework: string) => entities.requirements.filter((r) => r.framework === framework);
const assessable = (framework: string) => of(framework).filter((r) => r.assessable);
const childrenOf = (parent: string) => entities.requirements.filter((r) => r.parent === parent);

describe('shipped catalogues', () => {
  it('ships five frameworks, two profiles and four mapping sets', () => {
    expect(entities.frameworks.map((f) => f.id).sort()).toEqual(
      ['fw-iec61511', 'fw-iec62443-3-2', 'fw-iec62443-3-3', 'fw-iso27001', 'fw-ncsc-caf']);
    expect(entities.profiles.map((p) => p.id).sort()).toEqual(['caf-baseline', 'caf-enhanced']);
    expect(loaded.set.mappingSets).toHaveLength(4);
  });

  it('ISO/IEC 27001:2022 Annex A: 93 assessable controls under 4 non-assessable themes (37/8/14/34)', () => {
    const themes = of('fw-iso27001').filter((r) => !r.assessable);
    expect(themes.map((t) => t.ref)).toEqual(['A.5', 'A.6', 'A.7', 'A.8']);
    expect(themes.map((t) => childrenOf(t.id).length)).toEqual([37, 8, 14, 34]);
    expect(assessable('fw-iso27001')).toHaveLength(93);
  });

  it('IEC 62443-3-3: 7 FRs, 51 SRs and 49 REs, every SR and RE with slFrom', () => {
    const frs = of('fw-iec62443-3-3').filter((r) => !r.assessable);
    const srs = assessable('fw-iec62443-3-3').filter((r) => r.parent?.startsWith('iec-fr'));
    const res = assessable('fw-iec62443-3-3').filter((r) => r.ref.includes(' RE '));
    expect(frs).toHaveLength(7);
    expect(srs).toHaveLength(51);
    expect(res).toHaveLength(49);
    expect(frs.map((fr) => childrenOf(fr.id).length)).toEqual([13, 12, 9, 3, 4, 2, 8]);
    expect(assessable('fw-iec62443-3-3').every((r) => r.slFrom !== undefined)).toBe(true);
  });

  it('IEC 62443-3-3 slFrom reproduces the cumulative counts implied by Src A', () => {
    const upTo = (sl: number, re: boolean) =>
      assessable('fw-iec62443-3-3').filter((r) => r.ref.includes(' RE ') === re && r.slFrom! <= sl).length;
    expect([1, 2, 3, 4].map((sl) => [upTo(sl, false), upTo(sl, true)])).toEqual([[37, 0], [49, 11], [51, 39], [51, 49]]);
  });

  it('flags the 22 shipped rows where Src A and Src B disagree and the 2 REs SCF lacks, in metadata and per row', () => {
    const framework = entities.frameworks.find((f) => f.id === 'fw-iec62443-3-3')!;
    const [levels, existence] = framework.uncertain;
    expect(levels!.refs).toHaveLength(22);
    expect(existence!.refs).toEqual(['iec-sr1.1-re3', 'iec-sr2.11-re2']);
    const flagged = of('fw-iec62443-3-3').filter((r) => r.uncertain).map((r) => r.id);
    expect(flagged).toEqual(expect.arrayContaining([...levels!.refs, ...existence!.refs]));
    expect(entities.requirements.find((r) => r.id === 'iec-sr1.2')!.uncertain).toBe('SL: Src A from SL 2, Src B from SL 1');
  });

  it('NCSC CAF 4.0: 4 objectives, 14 principles, 41 assessable contributing outcomes', () => {
    const caf = of('fw-ncsc-caf');
    expect(caf.filter((r) => r.parent === undefined)).toHaveLength(4);
    expect(caf.filter((r) => /^[A-D]\d$/.test(r.ref))).toHaveLength(14);
    expect(assessable('fw-ncsc-caf')).toHaveLength(41);
    expect(assessable('fw-ncsc-caf').every((r) => /^[A-D]\d\.[a-f]$/.test(r.ref))).toBe(true);
    expect(caf.filter((r) => r.noPartial).map((r) => r.ref)).toEqual(['A1.a']);
  });

  it('IEC 61511-1 security clauses and IEC 62443-3-2 ZCR 1-7', () => {
    expect(of('fw-iec61511').map((r) => r.ref)).toEqual(['8.2.4', '11.2.12', '17']);
    expect(entities.requirements.find((r) => r.id === 'iec61511-17')!.uncertain).toBeDefined();
    expect(of('fw-iec62443-3-2').filter((r) => r.parent === undefined).map((r) => r.ref))
      .toEqual(['ZCR 1', 'ZCR 2', 'ZCR 3', 'ZCR 4', 'ZCR 5', 'ZCR 6', 'ZCR 7']);
    expect(childrenOf('zcr-3')).toHaveLength(6);
  });

  it('each profile sets a target for every CAF outcome and says it is Interlock\'s judgement', () => {
    for (const profile of entities.profiles) {
      expect(Object.keys(profile.targets).sort()).toEqual(assessable('fw-ncsc-caf').map((r) => r.id).sort());
      expect(profile.basis).toBe('interlock-judgement');
    }
  });

  it('every CAF outcome has at least one mapping or is listed as unmapped with a reason', () => {
    const mapped = new Set(entities.mappings.flatMap((m) => [m.from, m.to]));
    const unmapped = new Set(loaded.set.mappingSets.flatMap(({ set }) => set.unmapped.map((u) => u.requirement)));
    const missing = assessable('fw-ncsc-caf').filter((r) => !mapped.has(r.id) && !unmapped.has(r.id));
    expect(missing.map((r) => r.ref)).toEqual([]);
  });

  it('every mapping names a declared basis or interlock-judgement, and public untyped rows are intersect', () => {
    for (const { set } of loaded.set.mappingSets) {
      for (const m of set.mappings) {
        expect(m.basis === 'interlock-judgement' || m.basis in set.mappingSet.bases).toBe(true);
        if (m.basis !== 'interlock-judgement' && m.relationship !== 'intersect') expect(m.rationale).toMatch(/[Tt]yped by Interlock/);
      }
    }
  });
});

// --- broken inputs: each rule of the validator, with the exact message -----------------------
const framework = (id: string, extra: Record<string, unknown> = {}) => ({
  id, name: id, version: '1', kind: 'standard', domains: ['OT'], ratingModel: 'status',
  sources: ['test'], licence: 'test', ...extra,
});
const catalogue = (file: string, fw: Record<string, unknown>, requirements: unknown[]): NamedFile =>
  ({ file, data: { framework: fw, requirements } });
const base = (): NamedFile[] => [
  catalogue('sl.yaml', framework('fw-sl', { securityLevels: true }), [
    { id: 'fr1', ref: 'FR 1', title: 'FR', assessable: false },
    { id: 'sr1', ref: 'SR 1', title: 'SR', parent: 'fr1', slFrom: 2 },
  ]),
  catalogue('caf.yaml', framework('fw-caf', { ratingModel: 'caf', domains: ['IT', 'OT'] }), [
    { id: 'obj', ref: 'A', title: 'Objective', assessable: false },
    { id: 'out1', ref: 'A1.a', title: 'Outcome', parent: 'obj', noPartial: true, uncertain: 'x' },
  ]),
];
const messages = (input: Partial<Record<'catalogues' | 'profiles' | 'mappings', NamedFile[]>>) => {
  const result = validateCatalogues({ catalogues: input.catalogues ?? base(), profiles: input.profiles ?? [], mappings: input.mappings ?? [] });
  return result.ok ? [] : result.errors.map(formatCatalogueError);
};

describe('catalogue validation messages', () => {
  it('accepts the minimal valid set except for the undeclared uncertain row', () => {
    expect(messages({})).toEqual([
      'caf.yaml: requirements[1].uncertain: "out1" is flagged uncertain but framework.uncertain does not list it; list it there so the metadata shows it.',
    ]);
  });

  it('names unknown and late parents, duplicate ids, and misplaced slFrom and noPartial', () => {
    const bad = catalogue('bad.yaml', framework('fw-bad'), [
      { id: 'child', ref: 'C', title: 'C', parent: 'later' },
      { id: 'later', ref: 'L', title: 'L', slFrom: 1 },
      { id: 'orphan', ref: 'O', title: 'O', parent: 'nowhere', noPartial: true },
      { id: 'sr1', ref: 'S', title: 'S' },
    ]);
    const enhancement = catalogue('re.yaml', framework('fw-re', { securityLevels: true }), [
      { id: 'base-sr', ref: 'SR 9', title: 'SR', slFrom: 3 },
      { id: 're1', ref: 'SR 9 RE 1', title: 'RE', parent: 'base-sr', slFrom: 2 },
      { id: 're2', ref: 'SR 9 RE 2', title: 'RE', parent: 'base-sr' },
    ]);
    expect(messages({ catalogues: [...base(), bad, enhancement] }).filter((m) => !m.startsWith('caf.yaml'))).toEqual([
      'bad.yaml: requirements[3].id: id "sr1" is already used in sl.yaml; every id must be unique across the catalogues.',
      'bad.yaml: requirements[0].parent: parent "later" must be listed before its children.',
      'bad.yaml: requirements[1].slFrom: slFrom is only for requirements of a framework with securityLevels (IEC 62443-3-3); fw-bad has none.',
      'bad.yaml: requirements[2].parent: parent "nowhere" is not a requirement of this catalogue.',
      'bad.yaml: requirements[2].noPartial: noPartial is only for assessable requirements of a framework rated on the CAF scale.',
      're.yaml: requirements[1].slFrom: slFrom 2 is below its parent base-sr\'s slFrom 3: an enhancement cannot be required at a lower level than its base requirement.',
      're.yaml: requirements[2].slFrom: an assessable requirement of fw-re needs slFrom, the lowest security level that requires it.',
    ]);
  });

  it('names shape errors with the field path', () => {
    const shape = catalogue('shape.yaml', framework('fw-shape', { domains: ['IT', 'IT'] }), [{ id: 'r', ref: 'R', title: 'R', slFrom: 7 }]);
    expect(messages({ catalogues: [shape] })).toEqual([
      'shape.yaml: framework.domains: must not repeat a domain',
      'shape.yaml: requirements[0].slFrom: must be a security level 1–4',
    ]);
  });

  it('names profile targets on unknown, foreign or non-assessable requirements, a missing target and a partial target without a column', () => {
    const profile = (targets: Record<string, string>, fw = 'fw-caf'): NamedFile =>
      ({ file: 'p.yaml', data: { id: 'p', name: 'P', framework: fw, description: 'd', basis: 'interlock-judgement', targets } });
    const caf = base().map((f) => (f.file === 'caf.yaml'
      ? catalogue('caf.yaml', framework('fw-caf', { ratingModel: 'caf', domains: ['IT', 'OT'] }), [
        { id: 'obj', ref: 'A', title: 'Objective', assessable: false },
        { id: 'out1', ref: 'A1.a', title: 'Outcome', parent: 'obj', noPartial: true },
        { id: 'out2', ref: 'A1.b', title: 'Outcome', parent: 'obj' },
      ])
      : f));
    expect(messages({ catalogues: caf, profiles: [profile({ obj: 'achieved', sr1: 'achieved', ghost: 'achieved', out1: 'partially-achieved' })] })).toEqual([
      'p.yaml: targets.obj: requirement "obj" is not assessable (it groups others); set targets on its contributing outcomes.',
      'p.yaml: targets.sr1: requirement "sr1" belongs to fw-sl, not to fw-caf.',
      'p.yaml: targets.ghost: requirement "ghost" does not exist.',
      'p.yaml: targets.out1: "out1" has no "Partially achieved" rating; the target must be achieved or not-achieved.',
      'p.yaml: targets: no target for out2: a profile sets a target for every assessable outcome.',
    ]);
    expect(messages({ catalogues: caf, profiles: [profile({}, 'fw-sl')] })).toEqual([
      'p.yaml: framework: framework "fw-sl" is rated by status, not on the CAF scale; profiles set CAF ratings.',
    ]);
  });

  it('names mappings to unknown or non-assessable requirements, within one framework, with an undeclared basis, twice, and a false "unmapped"', () => {
    const row = (from: string, to: string, basis = 'interlock-judgement') => ({ from, to, relationship: 'intersect', strength: 5, rationale: 'r', basis });
    const set: NamedFile = {
      file: 'm.yaml',
      data: {
        mappingSet: { id: 'ms', name: 'M', description: 'd', bases: { known: 'a public table' } },
        mappings: [row('sr1', 'ghost'), row('sr1', 'obj'), row('out1', 'out1'), row('sr1', 'out1', 'unknown'), row('out1', 'sr1', 'known')],
        unmapped: [{ requirement: 'sr1', reason: 'none' }, { requirement: 'nope', reason: 'none' }],
      },
    };
    expect(messages({ mappings: [set] }).filter((m) => m.startsWith('m.yaml'))).toEqual([
      'm.yaml: mappings[0].to: requirement "ghost" does not exist.',
      'm.yaml: mappings[1].to: requirement "obj" is not assessable; map the requirements it groups.',
      'm.yaml: mappings[2]: "out1" and "out1" are both in fw-caf; mappings join different frameworks.',
      'm.yaml: mappings[3].basis: basis "unknown" is not declared in mappingSet.bases (or use interlock-judgement).',
      'm.yaml: mappings[4]: "out1" and "sr1" are already mapped (m.yaml mappings[3]); one mapping per pair, read both ways.',
      'm.yaml: unmapped[0].requirement: "sr1" is listed as unmapped but has a mapping.',
      'm.yaml: unmapped[1].requirement: requirement "nope" does not exist.',
    ]);
  });
});
