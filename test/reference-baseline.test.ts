// The reference plant's control baseline (fixtures/governance/reference-baseline.yaml): it validates
// against the shipped catalogues and the plant, covers every assessable requirement or declares the
// gap, carries evidence and risks that show every currency state and flag, and tells the story its
// header promises as of the date it was designed for. Pure: no database.
import { describe, expect, it } from 'vitest';
import { baselineCoverage } from '../server/assurance/baseline-coverage.js';
import { EVIDENCE_CULTURE, type GovernanceT } from '../server/model/governance-schema.js';
import { validateSite } from '../server/model/validate-site.js';
import { topologyOf } from '../server/oracle/assurance/assurance-site.js';
import { evaluateAssurance } from '../server/oracle/assurance/evaluate.js';
import { referenceGovernance } from './helpers/reference-governance.js';

const { baseline, plant, entities, governance: validated, input } = referenceGovernance();
const governance: GovernanceT = validated;
const report = evaluateAssurance({ governance, topology: topologyOf(plant) }, baseline.designedForAsOf);

describe('reference baseline', () => {
  it('every id it names exists: requirements in the catalogues, zones, conduits and assets in the reference plant', () => {
    expect(validateSite(input).ok).toBe(true);
  });

  it('has 60–90 controls of all three domains, with the OT extensions as controls of their own', () => {
    expect(baseline.controls.length).toBeGreaterThanOrEqual(60);
    expect(baseline.controls.length).toBeLessThanOrEqual(90);
    expect(new Set(baseline.controls.map((c) => c.domain))).toEqual(new Set(['IT', 'OT', 'BOTH']));
    const ids = baseline.controls.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ctl-zone-conduit-arch', 'ctl-sl-targeting', 'ctl-sis-governance', 'ctl-sis-security-ra',
      'ctl-ind-protocol-sis', 'ctl-safety-moc', 'ctl-vendor-remote-access']));
  });

  it('covers every assessable requirement of every framework, or declares it a gap with a reason', () => {
    const coverage = baselineCoverage(entities.frameworks, entities.requirements, baseline.controls, baseline.gaps);
    expect([coverage.undeclared, coverage.declaredButCovered, coverage.unknownGaps]).toEqual([[], [], []]);
    // The declared gaps: the ten SL 4-only REs (no zone targets SL 4) and two ISO controls out of scope.
    expect(baseline.gaps.map((g) => g.requirement)).toEqual(expect.arrayContaining(['iso-a5.32', 'iso-a8.11', 'iec-sr5.1-re3']));
    expect(baseline.gaps).toHaveLength(12);
  });

  it('has evidence of both cultures, several revisions, and every currency state as of the date it was designed for', () => {
    expect(baseline.designedForAsOf).toBe('2026-12-31');
    expect(new Set(baseline.evidence.map((e) => EVIDENCE_CULTURE[e.kind]))).toEqual(new Set(['IT', 'OT']));
    expect(baseline.evidence.filter((e) => e.revisions.length > 1).length).toBeGreaterThanOrEqual(10);
    const count = (currency: string) => report.evidence.filter((e) => e.currency === currency).length;
    expect([count('fresh'), count('due'), count('expired'), count('absent')]).toEqual([22, 7, 7, 1]);
  });

  it('has risks in all three registers that raise every flag, and both treated and open mitigations', () => {
    expect(new Set(baseline.risks.map((r) => r.register))).toEqual(new Set(['IT', 'OT', 'JOINT']));
    const flagged = (flag: string) => report.risks.filter((r) => r.flags.includes(flag as never)).map((r) => r.risk);
    expect(flagged('SAFETY-RISK-OUTSIDE-OT')).toEqual(['rk-it-patch-reboots-sis-fw']);
    expect(flagged('SAFETY-CONSEQUENCE-UNDERSTATED')).toEqual(['rk-ot-soe-disk', 'rk-ot-hart-diagnostics']);
    expect(flagged('JOINT-OWNERSHIP-GAP')).toEqual(['rk-it-ransomware-dmz', 'rk-it-phish-jump', 'rk-it-ad-outage-mfa', 'rk-it-saas-breach', 'rk-it-patch-reboots-sis-fw']);
    expect(new Set(report.risks.map((r) => r.treatment))).toEqual(new Set(['treated', 'open', null]));
  });

  it('tells its story: z-sis earns its SL-A 3, z-ops its SL-A 2; z-dmz and z-fgs do not support SL-A 2', () => {
    const zone = (id: string) => report.zones.find((z) => z.zone === id)!;
    expect([zone('z-sis').slC, zone('z-sis').slANotSupported, zone('z-sis').gaps]).toEqual([3, false, []]);
    expect([zone('z-ops').slC, zone('z-ops').slANotSupported]).toEqual([2, false]);
    // z-fgs lacks software integrity monitoring (SR 3.4, SL 2); the DMZ lacks malware scanning at its entry points (SR 3.2 RE 1).
    expect([zone('z-fgs').slC, zone('z-fgs').slANotSupported, zone('z-fgs').gaps]).toEqual(expect.arrayContaining([1, true]));
    expect(zone('z-fgs').gaps).toContain('iec-sr3.4');
    expect([zone('z-dmz').slC, zone('z-dmz').slANotSupported, zone('z-dmz').gaps]).toEqual(expect.arrayContaining([1, true]));
    expect(zone('z-dmz').gaps).toContain('iec-sr3.2-re1');
  });

  it('shows BOTH controls assessed differently, an unassessed domain and two equal requirements that disagree', () => {
    const kinds = new Set(report.inconsistencies.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['BOTH-STATUS-DIFFERS', 'BOTH-MATURITY-DIFFERS', 'NOT-ASSESSED', 'EQUAL-STATUS-DIFFERS']));
    expect(report.inconsistencies.filter((i) => i.kind === 'EQUAL-STATUS-DIFFERS')).toEqual([
      { kind: 'EQUAL-STATUS-DIFFERS', mapping: 'm:caf-b5.c:iso-a8.13', domain: 'IT', from: 'caf-b5.c', fromStatus: 'met', to: 'iso-a8.13', toStatus: 'partial' },
    ]);
  });
});

describe('governance validation messages', () => {
  const broken = () => structuredClone(input) as { controls: Array<Record<string, unknown>>; evidence: Array<Record<string, unknown>>; risks: Array<Record<string, unknown>> };
  const messages = (doc: unknown) => {
    const result = validateSite(doc);
    return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('names each broken reference and misplaced domain', () => {
    const g = broken();
    g.controls[0]!.appliesTo = ['z-nowhere', 'rk-ot-triton-ews'];
    g.controls[0]!.satisfies = ['caf-a1'];
    g.controls[1]!.assessment = { IT: { status: 'implemented', maturity: 3, assessor: 'x', assessedOn: '2026-01-01' } };
    g.evidence[0]!.supports = ['ctl-segregation-duties'];
    g.evidence[0]!.domains = ['OT'];
    g.risks[0]!.affects = ['ctl-backup'];
    g.risks[10]!.id = 'z-sis'; // rk-ot-hart-diagnostics: no control mitigates it
    expect(messages(g)).toEqual([
      'risks[10].id: id "z-sis" is already used by a zone; every id must be unique.',
      'controls[0].appliesTo[0]: asset, zone or conduit "z-nowhere" does not exist.',
      'controls[0].appliesTo[1]: "rk-ot-triton-ews" is a risk, not an asset, zone or conduit.',
      'controls[0].satisfies[0]: requirement "caf-a1" is not assessed (it groups others); satisfy the requirements under it.',
      'controls[1].assessment.IT: an OT control cannot be assessed for IT.',
      'evidence[0].domains: the evidence covers OT but none of the controls it supports does.',
      'risks[0].affects[0]: "ctl-backup" is a control, not an asset or zone.',
    ]);
  });
  it('names shape errors with their field path before any reference is checked', () => {
    const g = broken();
    g.evidence[0]!.refreshDays = 0;
    g.risks[0]!.likelihood = 6;
    expect(messages(g)).toEqual(['evidence[0].refreshDays: must be 1–3650 days', 'risks[0].likelihood: must be 1–5']);
  });
});
