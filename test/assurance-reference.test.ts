// The reference plant through the assurance API as of 2026-12-31, the date its baseline was designed
// for: the numbers test/reference-baseline.test.ts and docs/assurance.md give from the oracle.
import { describe, expect, it } from 'vitest';
import { referencePlant } from '../server/site/reference-plant.js';
import { useApp } from './helpers/app.js';

const ctx = useApp(referencePlant);
const get = async (url: string) => (await ctx.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}asOf=2026-12-31` })).json();

describe('the reference plant through the API', () => {
  it('per framework and domain: assessable, met, partial, not met, gap, compliance %, maturity (docs/assurance.md)', async () => {
    const report = await get('/api/assurance/report?profile=caf-baseline');
    expect(report.frameworks.map((f: { framework: string; domain: string; assessable: number; counts: Record<string, number>; compliance: number; maturity: number }) =>
      [f.framework, f.domain, f.assessable, f.counts.met, f.counts.partial, f.counts['not-met'], f.counts.gap, f.compliance, f.maturity])).toEqual([
      ['fw-iec61511', 'OT', 3, 3, 0, 0, 0, 100, 3.8],
      ['fw-iec62443-3-2', 'OT', 21, 15, 6, 0, 0, 85.7, 2.7],
      ['fw-iec62443-3-3', 'OT', 100, 85, 6, 0, 9, 88, 3],
      ['fw-iso27001', 'IT', 93, 77, 13, 1, 2, 89.8, 3.2],
      ['fw-ncsc-caf', 'IT', 41, 37, 4, 0, 0, 95.1, 3.2],
      ['fw-ncsc-caf', 'OT', 41, 25, 10, 3, 3, 73.2, 2.7],
    ]);
    expect(report.evidence.map((e: { domain: string }) => e.domain)).toEqual(['IT', 'OT']);
    expect(Object.keys(report.inconsistencies).filter((k) => report.inconsistencies[k] > 0).sort())
      .toEqual(['BOTH-MATURITY-DIFFERS', 'BOTH-STATUS-DIFFERS', 'EQUAL-STATUS-DIFFERS', 'NOT-ASSESSED']);
  });

  it('evidence: 22 fresh, 7 due, 7 expired, 1 absent', async () => {
    const { evidence } = await get('/api/assurance/evidence');
    const count = (c: string) => evidence.filter((e: { currency: string }) => e.currency === c).length;
    expect([count('fresh'), count('due'), count('expired'), count('absent')]).toEqual([22, 7, 7, 1]);
  });

  it('risks raise every flag; treatments both treated and open', async () => {
    const risks = await get('/api/assurance/risks');
    const flagged = (flag: string) => risks.filter((r: { flags: string[] }) => r.flags.includes(flag)).map((r: { risk: string }) => r.risk);
    expect(flagged('SAFETY-RISK-OUTSIDE-OT')).toEqual(['rk-it-patch-reboots-sis-fw']);
    expect(flagged('SAFETY-CONSEQUENCE-UNDERSTATED').sort()).toEqual(['rk-ot-hart-diagnostics', 'rk-ot-soe-disk']);
    expect(flagged('JOINT-OWNERSHIP-GAP').sort()).toEqual(['rk-it-ad-outage-mfa', 'rk-it-patch-reboots-sis-fw', 'rk-it-phish-jump', 'rk-it-ransomware-dmz', 'rk-it-saas-breach']);
    expect(new Set(risks.map((r: { treatmentState: string | null }) => r.treatmentState))).toEqual(new Set(['treated', 'open', null]));
  });

  it('zones: z-sis earns SL-A 3 (vector 3 3 3 3 3 4 4), z-ops 2; z-fgs and z-dmz compute 1 against a declared 2', async () => {
    const zones = Object.fromEntries((await get('/api/assurance/zones')).map((z: { zone: string }) => [z.zone, z]));
    expect([zones['z-sis'].vector.map((v: { slC: number }) => v.slC), zones['z-sis'].slC, zones['z-sis'].slANotSupported, zones['z-sis'].gaps]).toEqual([[3, 3, 3, 3, 3, 4, 4], 3, false, []]);
    expect([zones['z-ops'].slC, zones['z-ops'].slANotSupported]).toEqual([2, false]);
    expect([zones['z-fgs'].slC, zones['z-fgs'].slANotSupported, zones['z-fgs'].gaps]).toEqual([1, true, expect.arrayContaining(['iec-sr3.4'])]);
    expect([zones['z-dmz'].slC, zones['z-dmz'].slANotSupported, zones['z-dmz'].gaps]).toEqual([1, true, expect.arrayContaining(['iec-sr3.2-re1'])]);
  });

  it('the equal mapping B5.c = A.8.13 disagrees in IT', async () => {
    expect((await get('/api/assurance/inconsistencies')).filter((i: { kind: string }) => i.kind === 'EQUAL-STATUS-DIFFERS')).toEqual([
      { kind: 'EQUAL-STATUS-DIFFERS', mapping: 'm:caf-b5.c:iso-a8.13', domain: 'IT', from: 'caf-b5.c', fromStatus: 'met', to: 'iso-a8.13', toStatus: 'partial' },
    ]);
  });
});
