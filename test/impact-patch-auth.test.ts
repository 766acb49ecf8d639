// Patch, authentication-policy and change-set what-ifs on the mini site; answers worked out by
// hand from its voting groups, flows, firewalls and procedure time budget (40 s of 60 s).
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);

async function assess(payload: object) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload });
  return { status: res.statusCode, body: res.json() };
}
type F = { id: string; severity: string; changes: number[] };
const ids = (findings: F[]) => findings.map((f) => [f.id, f.severity]);
const patch = (targets: string[], extra: object = {}) => assess({ change: { kind: 'patch', targets, ...extra } });

describe('patch what-if: SIF elements', () => {
  it('one of three 2oo3 sensors: the group still trips (2oo2) → MEDIUM, one channel at a time', async () => {
    const { body } = await patch(['pt1']);
    expect(ids(body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:sensors', 'MEDIUM']]);
    expect(body.findings[0]).toMatchObject({
      title: 'sif-hp keeps voting 2oo3 → 2oo2 while pt1 is patched',
      recommendation: 'Patch one channel at a time, confirming each is back and healthy before the next.',
      path: { nodes: ['sif-hp', 'pt1'], edges: [] },
      sifs: [{ id: 'sif-hp', sil: 3 }],
    });
  });

  it('two of three sensors at once: the group cannot trip → severity from SIL 3', async () => {
    const { body } = await patch(['pt1', 'pt2']);
    expect(ids(body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:sensors', 'CRITICAL']]);
    expect(body.findings[0].recommendation).toBe('SIF unavailable: bypass under management of change with compensating measures, or patch in a shutdown window.');
  });

  it('one of two 1oo2 valves keeps 1oo1; both valves at once do not', async () => {
    expect(ids((await patch(['xv1'])).body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:valves', 'MEDIUM']]);
    expect(ids((await patch(['xv1', 'xv2'])).body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:valves', 'CRITICAL']]);
  });

  it('the single logic solver takes down every SIF it serves, each at its own SIL', async () => {
    const { body } = await patch(['ls1']);
    expect(ids(body.findings)).toEqual([
      ['PATCH-SIF-ELEMENT:sif-hp:logic', 'CRITICAL'],
      ['PATCH-SIF-ELEMENT:sif-ll:logic', 'MEDIUM'],
    ]);
  });

  it('no reboot and no downtime lowers each finding one level', async () => {
    expect(ids((await patch(['xv3'])).body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-ll:valve', 'MEDIUM']]);
    expect(ids((await patch(['xv3'], { requiresReboot: false, downtimeMinutes: 0 })).body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-ll:valve', 'LOW']]);
    expect(ids((await patch(['pt1', 'pt2'], { requiresReboot: false })).body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:sensors', 'HIGH']]);
  });

  it('a selector picks assets by vendor, model and version below', async () => {
    const { body } = await assess({ change: { kind: 'patch', selector: { vendor: 'Rosemount', model: '3051S', versionBelow: '2.1' } } });
    expect(ids(body.findings)).toEqual([['PATCH-SIF-ELEMENT:sif-hp:sensors', 'CRITICAL']]);
    expect(body.findings[0].path.nodes).toEqual(['sif-hp', 'pt1', 'pt2']);
  });
});

describe('patch what-if: safety paths', () => {
  it('the firewall of the conduit safety flows cross: each flow at its SIL, one lower where a redundant route exists', async () => {
    const { body } = await patch(['fw-a']);
    expect(ids(body.findings)).toEqual([
      ['PATCH-SAFETY-PATH:fw-a:f-esd', 'CRITICAL'],
      ['PATCH-SAFETY-PATH:fw-a:f-ntp', 'CRITICAL'],
      ['PATCH-SAFETY-PATH:fw-a:f-status', 'HIGH'],
    ]);
    const status = body.findings[2];
    expect(status).toMatchObject({ conduit: 'c-ctl-sis', flow: 'f-status', path: { nodes: ['ls1', 'fw-a', 'dcs'], edges: ['f-status', 'c-ctl-sis'] } });
    expect(status.explanation).toContain('The flow has a redundant route (f-status-b) that this asset does not touch, so severity is one level lower.');
  });

  it('a switch a safety flow routes through; no reboot, no downtime lowers it', async () => {
    expect(ids((await patch(['sw-ctl'])).body.findings)).toEqual([['PATCH-SAFETY-PATH:sw-ctl:f-esd', 'CRITICAL']]);
    expect(ids((await patch(['sw-ctl'], { requiresReboot: false, downtimeMinutes: 0 })).body.findings)).toEqual([['PATCH-SAFETY-PATH:sw-ctl:f-esd', 'HIGH']]);
  });

  it('a selector by vendor and version below picks one of two firewalls', async () => {
    const { body } = await assess({ change: { kind: 'patch', selector: { vendor: 'Fortinet', versionBelow: '7.4' } } });
    expect(body.findings.map((f: { asset: string }) => f.asset)).toEqual(['fw-a', 'fw-a', 'fw-a']);
  });

  it('an asset off every safety path: no finding, and the answer says what was checked', async () => {
    const { body } = await patch(['hist']);
    expect(body.findings).toEqual([]);
    expect(body.summary.message).toBe('No safety path touched: checked 2 SIFs, 3 safety-required flows and 1 procedure.');
  });

  it('unknown target → 404; a selector that matches nothing → 422; targets and selector together → 422', async () => {
    const unknown = await patch(['ghost']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([{ path: 'change.targets[0]', message: 'asset "ghost" does not exist.' }]);
    const none = await assess({ change: { kind: 'patch', selector: { vendor: 'Nobody' } } });
    expect(none.status).toBe(422);
    const both = await assess({ change: { kind: 'patch', targets: ['pt1'], selector: { vendor: 'Rosemount' } } });
    expect(both.status).toBe(422);
    expect(both.body.errors[0].message).toBe('a patch names its targets or a selector, exactly one of the two');
  });
});

describe('auth what-if', () => {
  const auth = (extra: object) => assess({ change: { kind: 'auth', ...extra } });

  it('MFA beyond the procedure slack delays the emergency shutdown: severity from the SIF it backs up', async () => {
    const { body } = await auth({ appliesTo: { roles: ['role-operator'] }, mfa: { addedSeconds: 30 } });
    expect(ids(body.findings)).toEqual([['AUTH-DELAYS-EMERGENCY:proc-esd', 'CRITICAL']]);
    expect(body.findings[0].explanation).toBe(
      'Manual ESD from control-room HMI (proc-esd) takes 40 s and must complete within 60 s, a slack of 20 s. MFA adds 30 s, so it would take 70 s, 10 s too long. ' +
      'The policy reaches it through Control room operator (role-operator). It backs up High pressure trip (sif-hp), SIL 3.');
  });

  it('MFA within the slack is only an INFO line with the slack that remains', async () => {
    const { body } = await auth({ appliesTo: { assets: ['hmi'] }, mfa: { addedSeconds: 15 } });
    expect(ids(body.findings)).toEqual([['AUTH-MFA-WITHIN-SLACK:proc-esd', 'INFO']]);
    expect(body.findings[0].title).toBe("MFA fits proc-esd's time budget with 5 s to spare");
    expect(body.summary.safetyPathTouched).toBe(false);
  });

  it('a lockout threshold on the role performing an emergency procedure → HIGH', async () => {
    const { body } = await auth({ appliesTo: { roles: ['role-operator'] }, lockoutThreshold: 5 });
    expect(ids(body.findings)).toEqual([['AUTH-LOCKOUT-EMERGENCY:proc-esd', 'HIGH']]);
    expect(body.findings[0].recommendation).toContain('break-glass');
  });

  it('a session timeout on an always-manned console in a zone in scope → MEDIUM', async () => {
    const { body } = await auth({ appliesTo: { zones: ['z-ctl'] }, sessionTimeoutMinutes: 15 });
    expect(ids(body.findings)).toEqual([['AUTH-SESSION-TIMEOUT-CONSOLE:proc-esd', 'MEDIUM']]);
    expect(body.findings[0].path.nodes).toEqual(['proc-esd', 'hmi', 'sif-hp']);
  });

  it('a policy for engineers touches no emergency procedure', async () => {
    const { body } = await auth({ appliesTo: { roles: ['role-engineer'] }, mfa: { addedSeconds: 60 }, lockoutThreshold: 3, sessionTimeoutMinutes: 10 });
    expect(body.findings).toEqual([]);
  });

  it('unknown role → 404; a policy that sets nothing → 422', async () => {
    const unknown = await auth({ appliesTo: { roles: ['role-ghost'] }, lockoutThreshold: 3 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([{ path: 'change.appliesTo.roles[0]', message: 'role "role-ghost" does not exist.' }]);
    expect((await auth({ appliesTo: { roles: ['role-operator'] } })).status).toBe(422);
  });
});

describe('change sets', () => {
  it('a rule change closing the primary route plus a reboot of the redundant firewall loses the flow altogether', async () => {
    const { body } = await assess({
      changes: [
        { kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-status'] },
        { kind: 'patch', targets: ['fw-c'], requiresReboot: true },
      ],
    });
    expect(body.findings.map((f: F) => [f.id, f.severity, f.changes])).toEqual([
      ['COMBINED-SAFETY-FLOW-LOST:f-status+f-status-b', 'CRITICAL', [0, 1]],
      ['FW-BLOCKS-SAFETY-FLOW:f-status@0', 'CRITICAL', [0]],
    ]);
    expect(body.findings[0].explanation).toContain('f-status is denied on c-ctl-sis; f-status-b is interrupted by the patch of fw-c');
  });

  it('the same reboot without the rule change leaves a route: nothing combined', async () => {
    const { body } = await assess({
      changes: [
        { kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-ops-opc'] },
        { kind: 'patch', targets: ['fw-c'], requiresReboot: true },
      ],
    });
    expect(ids(body.findings)).toEqual([['FW-FLOW-CHANGED:f-hist@0', 'INFO']]);
  });

  it('two patches that each leave the 2oo3 group able to trip empty it together', async () => {
    const { body } = await assess({ changes: [{ kind: 'patch', targets: ['pt1'] }, { kind: 'patch', targets: ['pt2'] }] });
    expect(body.findings.map((f: F) => [f.id, f.severity, f.changes])).toEqual([
      ['COMBINED-SIF-UNAVAILABLE:sif-hp:sensors', 'CRITICAL', [0, 1]],
      ['PATCH-SIF-ELEMENT:sif-hp:sensors@0', 'MEDIUM', [0]],
      ['PATCH-SIF-ELEMENT:sif-hp:sensors@1', 'MEDIUM', [1]],
    ]);
  });

  it('a group one patch of the set empties on its own is that patch\'s finding, not a combined one', async () => {
    const { body } = await assess({ changes: [{ kind: 'patch', targets: ['pt1', 'pt2'] }, { kind: 'patch', targets: ['pt3'] }] });
    expect(body.findings.map((f: F) => [f.id, f.severity, f.changes])).toEqual([
      ['PATCH-SIF-ELEMENT:sif-hp:sensors@0', 'CRITICAL', [0]],
      ['PATCH-SIF-ELEMENT:sif-hp:sensors@1', 'MEDIUM', [1]],
    ]);
  });

  it('errors in a set name the change by index', async () => {
    const res = await assess({ changes: [{ kind: 'patch', targets: ['pt1'] }, { kind: 'firewall', conduit: 'c-ghost', remove: ['x'] }] });
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([{ path: 'changes[1].conduit', message: 'conduit "c-ghost" does not exist.' }]);
  });
});
