// The pure review rules: which sign-offs an assessment needs, what it touched, how signatures
// decide, and what implementing does to a conduit's rules and a patched asset.
import { describe, expect, it } from 'vitest';
import type { Finding, ImpactResponse } from '../../server/impact/change-schema.js';
import { applyFirewall, applyPatch } from '../../server/reviews/apply-changes.js';
import { decide, requiredDisciplines, touchedIds, type SignatureRecord } from '../../server/reviews/rules.js';

const finding = (over: Partial<Finding>): Finding => ({
  id: 'x', rule: 'FW-FLOW-CHANGED', severity: 'INFO', title: 't', explanation: 'e', path: { nodes: [], edges: [] }, sifs: [], changes: [0], recommendation: 'r', ...over,
});
const answer = (findings: Finding[]): ImpactResponse => ({
  findings, summary: { maxSeverity: null, safetyPathTouched: false, counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 }, checked: { sifs: 0, flows: 0, procedures: 0, conduits: 0 }, message: '' },
});
const sig = (discipline: 'safety' | 'security', meaning: 'approve' | 'reject'): SignatureRecord =>
  ({ discipline, meaning, userId: discipline, username: discipline, displayName: discipline, comment: '', at: '', assessmentHash: '' });

describe('required sign-offs', () => {
  it('security always; safety when a finding above INFO names a SIF or a procedure', () => {
    expect(requiredDisciplines(answer([]))).toEqual(['security']);
    expect(requiredDisciplines(answer([finding({ severity: 'INFO', sifs: [{ id: 's', sil: 3 }] })]))).toEqual(['security']);
    expect(requiredDisciplines(answer([finding({ severity: 'HIGH' })]))).toEqual(['security']);
    expect(requiredDisciplines(answer([finding({ severity: 'LOW', sifs: [{ id: 's', sil: 1 }] })]))).toEqual(['security', 'safety']);
    expect(requiredDisciplines(answer([finding({ severity: 'MEDIUM', procedure: 'p' })]))).toEqual(['security', 'safety']);
  });

  it('one rejection rejects; every required approval approves', () => {
    expect(decide(['security'], [])).toBe('SUBMITTED');
    expect(decide(['security', 'safety'], [sig('security', 'approve')])).toBe('SUBMITTED');
    expect(decide(['security', 'safety'], [sig('security', 'approve'), sig('safety', 'approve')])).toBe('APPROVED');
    expect(decide(['security', 'safety'], [sig('safety', 'reject')])).toBe('REJECTED');
  });
});

describe('what an assessment touched', () => {
  it('the changes\' entities and every id its findings name', () => {
    const request = { changes: [
      { kind: 'firewall' as const, conduit: 'c1', add: [{ id: 'r-new', seq: 5, action: 'allow' as const, protocol: 'tcp' as const, src: 'any' as const, dst: 'any' as const, ports: 'any' as const }], remove: ['r-old'], modify: [] },
      { kind: 'patch' as const, targets: ['fw'], requiresReboot: true, downtimeMinutes: 0 },
      { kind: 'auth' as const, appliesTo: { zones: ['z'], assets: [], roles: ['op'] }, lockoutThreshold: 3 },
    ] };
    const found = finding({ path: { nodes: ['a', 'b'], edges: ['f1'] }, sifs: [{ id: 'sif', sil: 2 }], procedure: 'p', exposures: [{ source: 'any', sourceZone: null, destination: 'ls', destinationZone: 'zs', protocol: 'tcp', ports: '502', rule: null }] });
    expect(touchedIds(request, answer([found]))).toEqual(['a', 'b', 'c1', 'f1', 'fw', 'ls', 'op', 'p', 'r-new', 'r-old', 'sif', 'z']);
  });
});

describe('implementing', () => {
  const conduit = { id: 'c1', rules: [{ id: 'r1', seq: 10, action: 'allow', protocol: 'tcp', src: 'any', dst: 'any', ports: 502 }, { id: 'r9', seq: 90, action: 'deny', protocol: 'any', src: 'any', dst: 'any', ports: 'any' }] };

  it('removes, modifies and adds rules in seq order, naming an unnamed rule after the request', () => {
    const after = applyFirewall(conduit, {
      kind: 'firewall', conduit: 'c1', remove: ['r9'], modify: [{ id: 'r1', ports: 503 }], defaultAction: 'deny',
      add: [{ seq: 5, action: 'deny', protocol: 'udp', src: 'any', dst: 'any', ports: 'any' }],
    }, (n) => `cr-1-1-${n}`);
    expect(after).toEqual({ id: 'c1', defaultAction: 'deny', rules: [
      { id: 'cr-1-1-1', seq: 5, action: 'deny', protocol: 'udp', src: 'any', dst: 'any', ports: 'any' },
      { id: 'r1', seq: 10, action: 'allow', protocol: 'tcp', src: 'any', dst: 'any', ports: 503 },
    ] });
  });

  it('records a patch\'s version (when given) and day on the asset', () => {
    expect(applyPatch({ id: 'fw', version: '7.2.5' }, '7.2.8', '2026-12-01')).toEqual({ id: 'fw', version: '7.2.8', patchedAt: '2026-12-01' });
    expect(applyPatch({ id: 'fw', version: '7.2.5' }, null, '2026-12-01')).toEqual({ id: 'fw', version: '7.2.5', patchedAt: '2026-12-01' });
  });
});
