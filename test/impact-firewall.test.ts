// Firewall what-ifs on the mini site (test/helpers/mini-site.ts); every expected answer is worked
// out by hand from its rule sets.
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { loadSite, snapshot } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);

async function assess(change: object) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { change } });
  return { status: res.statusCode, body: res.json() };
}
const brief = (findings: Array<{ rule: string; severity: string; flow?: string; conduit?: string }>) =>
  findings.map((f) => [f.rule, f.severity, f.flow ?? f.conduit]);

describe('firewall what-if', () => {
  it('removing the rule a safety flow relies on blocks it, with the rule that now decides', async () => {
    const { status, body } = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-status'] });
    expect(status).toBe(200);
    expect(body.findings).toHaveLength(1);
    const [f] = body.findings;
    expect(f).toMatchObject({
      id: 'FW-BLOCKS-SAFETY-FLOW:f-status', rule: 'FW-BLOCKS-SAFETY-FLOW', severity: 'CRITICAL',
      flow: 'f-status', conduit: 'c-ctl-sis', sifs: [{ id: 'sif-hp', sil: 3 }], changes: [0],
      path: { nodes: ['ls1', 'z-sis', 'z-ctl', 'dcs', 'r-deny'], edges: ['f-status', 'c-ctl-sis'] },
    });
    expect(f.explanation).toBe(
      'Today SIS logic solver (ls1) reaches DCS controller (dcs) over tcp/502 (SIS trip status), crossing Control to safety (primary) (c-ctl-sis). ' +
      'After the change, Control to safety (primary) (c-ctl-sis) denies it: rule r-deny (seq 100) matches first, where rule r-status (seq 20) used to allow it. ' +
      'It is needed by High pressure trip (sif-hp), SIL 3.');
    expect(body.summary).toMatchObject({ maxSeverity: 'CRITICAL', safetyPathTouched: true, counts: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 } });
  });

  it('a deny added before the deciding allow blocks the ESD flow and shadows the allow it relied on', async () => {
    const { body } = await assess({
      kind: 'firewall', conduit: 'c-ctl-sis',
      add: [{ seq: 5, action: 'deny', protocol: 'tcp', src: 'any', dst: '10.1.0.0/24', ports: '502' }],
    });
    expect(brief(body.findings)).toEqual([
      ['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-esd'],
      ['FW-SHADOWED', 'CRITICAL', 'f-esd'],
    ]);
    expect(body.findings[0].path).toEqual({ nodes: ['hmi', 'z-ctl', 'z-sis', 'ls1', 'proposed-1'], edges: ['f-esd', 'c-ctl-sis'] });
    expect(body.findings[0].explanation).toContain('proposed rule proposed-1 (seq 5) matches first, where rule r-esd (seq 10) used to allow it');
    expect(body.findings[0].explanation).toContain('The procedure Manual ESD from control-room HMI (proc-esd) depends on it (emergency).');
    expect(body.findings[1].id).toBe('FW-SHADOWED:c-ctl-sis:r-esd');
  });

  it('a deny added after the deciding allow changes nothing', async () => {
    const { body } = await assess({
      kind: 'firewall', conduit: 'c-ctl-sis',
      add: [{ seq: 50, action: 'deny', protocol: 'tcp', src: 'any', dst: '10.1.0.0/24', ports: '502' }],
    });
    // r-esd still matches the ESD flow first; no single earlier rule covers the whole new rule.
    expect(body.findings).toEqual([]);
    expect(body.summary.safetyPathTouched).toBe(false);
  });

  it('modifying the deciding rule into a deny blocks the flow; the new version decides', async () => {
    const { body } = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', modify: [{ id: 'r-esd', action: 'deny' }] });
    expect(brief(body.findings)).toEqual([['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-esd']]);
    expect(body.findings[0].explanation).toContain('modified rule r-esd (seq 10) matches first, where rule r-esd (seq 10) used to allow it');
  });

  it('reordering the catch-all deny ahead of the allows blocks every safety flow on the conduit', async () => {
    const { body } = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', modify: [{ id: 'r-deny', seq: 1 }] });
    expect(brief(body.findings.filter((f: { rule: string }) => f.rule === 'FW-BLOCKS-SAFETY-FLOW'))).toEqual([
      ['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-esd'],
      ['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-ntp'],
      ['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-status'],
    ]);
  });

  it('a rule change on a conduit crossed in the middle of a multi-conduit flow is found, with the whole path', async () => {
    const { body } = await assess({ kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-ops-ntp'] });
    expect(brief(body.findings)).toEqual([['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-ntp']]);
    expect(body.findings[0].path).toEqual({ nodes: ['ntp', 'z-ops', 'z-ctl', 'z-sis', 'ls1', 'r-ops-deny'], edges: ['f-ntp', 'c-ops-ctl', 'c-ctl-sis'] });
  });

  it('the default action decides when no rule matches', async () => {
    const { body } = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-ntp', 'r-deny'], defaultAction: 'deny' });
    const [f] = body.findings;
    expect(brief(body.findings)).toEqual([['FW-BLOCKS-SAFETY-FLOW', 'CRITICAL', 'f-ntp']]);
    expect(f.path.nodes).toEqual(['ntp', 'z-ops', 'z-ctl', 'z-sis', 'ls1']);
    expect(f.explanation).toContain("no rule matches, so the conduit's default action, deny, decides");
  });

  it('an allow-all into the safety zone exposes it to any address: CRITICAL, listing the newly reachable', async () => {
    const { body } = await assess({
      kind: 'firewall', conduit: 'c-ctl-sis',
      add: [{ id: 'r-open', seq: 5, action: 'allow', protocol: 'tcp', src: 'any', dst: { zone: 'z-sis' } }],
    });
    expect(brief(body.findings)).toEqual([['FW-EXPOSES-SAFETY-ZONE', 'CRITICAL', 'c-ctl-sis'], ['FW-SHADOWED', 'LOW', 'f-esd']]);
    expect(body.findings[0].exposures).toEqual([
      { source: 'any', sourceZone: null, destination: 'ls1', destinationZone: 'z-sis', protocol: 'tcp', ports: 'any', rule: 'r-open' },
      { source: 'any', sourceZone: null, destination: 'sis-ews', destinationZone: 'z-sis', protocol: 'tcp', ports: 'any', rule: 'r-open' },
    ]);
  });

  it('an allow from one control host is HIGH when its zone meets the safety zone target, CRITICAL when it does not', async () => {
    const high = await assess({
      kind: 'firewall', conduit: 'c-ctl-sis',
      add: [{ id: 'r-ews', seq: 15, action: 'allow', protocol: 'tcp', src: { asset: 'ews' }, dst: { asset: 'sis-ews' }, ports: '3389' }],
    });
    // z-ctl achieves SL 2, z-sis targets SL 3: below target, so CRITICAL.
    expect(brief(high.body.findings)).toEqual([['FW-EXPOSES-SAFETY-ZONE', 'CRITICAL', 'c-ctl-sis']]);
    expect(high.body.findings[0].exposures).toEqual([
      { source: 'ews', sourceZone: 'z-ctl', destination: 'sis-ews', destinationZone: 'z-sis', protocol: 'tcp', ports: '3389', rule: 'r-ews' },
    ]);
    const site = miniSite();
    site.zones!.find((z) => z.id === 'z-ctl')!.slAchieved = 3;
    await loadSite(ctx.db, site);
    try {
      const again = await assess({
        kind: 'firewall', conduit: 'c-ctl-sis',
        add: [{ id: 'r-ews', seq: 15, action: 'allow', protocol: 'tcp', src: { asset: 'ews' }, dst: { asset: 'sis-ews' }, ports: '3389' }],
      });
      expect(brief(again.body.findings)).toEqual([['FW-EXPOSES-SAFETY-ZONE', 'HIGH', 'c-ctl-sis']]);
    } finally {
      await loadSite(ctx.db, miniSite());
    }
  });

  it('a proposed rule covered by an earlier one can never match', async () => {
    const { body } = await assess({
      kind: 'firewall', conduit: 'c-ops-ctl',
      add: [{ id: 'r-late', seq: 200, action: 'allow', protocol: 'tcp', src: { asset: 'hist' }, dst: { asset: 'dcs' }, ports: 4840 }],
    });
    expect(body.findings.map((f: { id: string; severity: string }) => [f.id, f.severity])).toEqual([
      ['FW-SHADOWED:c-ops-ctl:r-late', 'LOW'],
    ]);
    expect(body.findings[0].explanation).toBe('proposed rule r-late (seq 200) (allow) is covered entirely by rule r-ops-opc (seq 10) (allow), which comes first, so it would never take effect.');
  });

  it('non-safety flows that change and flows denied either way are INFO', async () => {
    const { body } = await assess({ kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-ops-opc'] });
    expect(brief(body.findings)).toEqual([['FW-FLOW-CHANGED', 'INFO', 'f-hist']]);
    expect(body.summary.safetyPathTouched).toBe(false);
    const stillDenied = await assess({ kind: 'firewall', conduit: 'c-ctl-sis-b', defaultAction: 'deny', remove: ['rb-status'] });
    expect(brief(stillDenied.body.findings)).toEqual([['FW-FLOW-CHANGED', 'INFO', 'f-status-b']]);
  });

  it('a change that touches no safety path says so and says what was checked', async () => {
    const { body } = await assess({
      kind: 'firewall', conduit: 'c-ops-ctl',
      add: [{ seq: 50, action: 'deny', protocol: 'tcp', src: 'any', dst: 'any', ports: 3389 }],
    });
    expect(body).toEqual({
      findings: [],
      summary: {
        maxSeverity: null, safetyPathTouched: false, counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 },
        checked: { sifs: 2, flows: 3, procedures: 1, conduits: 1 },
        message: 'No safety path touched: checked 2 SIFs, 3 safety-required flows and 1 procedure.',
      },
    });
  });

  it('writes nothing to the graph', async () => {
    const before = await snapshot(ctx.db);
    await assess({ kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-status'], add: [{ seq: 1, action: 'allow', protocol: 'any', src: 'any', dst: 'any' }] });
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

describe('firewall what-if: bad input', () => {
  it('unknown conduit or rule → 404 naming it', async () => {
    expect(await assess({ kind: 'firewall', conduit: 'c-nope', remove: ['r-esd'] })).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'INTERLOCK_NOT_FOUND', message: 'conduit "c-nope" does not exist.', errors: [{ path: 'change.conduit', message: 'conduit "c-nope" does not exist.' }] },
    });
    const wrongConduit = await assess({ kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-esd'] });
    expect(wrongConduit.status).toBe(404);
    expect(wrongConduit.body.errors).toEqual([{ path: 'change.remove[0]', message: 'rule "r-esd" is not on conduit "c-ops-ctl".' }]);
    const unknownAsset = await assess({ kind: 'firewall', conduit: 'c-ops-ctl', add: [{ seq: 1, action: 'allow', protocol: 'tcp', src: { asset: 'ghost' }, dst: 'any', ports: 22 }] });
    expect(unknownAsset.body.errors).toEqual([{ path: 'change.add[0].src.asset', message: 'asset "ghost" does not exist.' }]);
  });

  it('names every unknown reference at once, across the changes of a set', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { changes: [
      { kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-gone'], add: [{ seq: 1, action: 'allow', protocol: 'tcp', src: { zone: 'z-gone' }, dst: { asset: 'a-gone' }, ports: 22 }] },
      { kind: 'patch', targets: ['hmi', 'p-gone'] },
    ] } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404, code: 'INTERLOCK_NOT_FOUND',
      message: '4 references do not exist: changes[0].remove[0], changes[0].add[0].src.zone, changes[0].add[0].dst.asset, changes[1].targets[1].',
      errors: [
        { path: 'changes[0].remove[0]', message: 'firewall rule "r-gone" does not exist.' },
        { path: 'changes[0].add[0].src.zone', message: 'zone "z-gone" does not exist.' },
        { path: 'changes[0].add[0].dst.asset', message: 'asset "a-gone" does not exist.' },
        { path: 'changes[1].targets[1]', message: 'asset "p-gone" does not exist.' },
      ],
    });
  });

  it('refuses a rule added twice or changed twice, in one change or across a set (422: a rule the schema cannot state)', async () => {
    const rule = { id: 'r-new', seq: 1, action: 'allow', protocol: 'tcp', src: 'any', dst: 'any', ports: 22 };
    const twice = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { change: {
      kind: 'firewall', conduit: 'c-ops-ctl', add: [rule, { ...rule, seq: 2 }], modify: [{ id: 'r-ops-opc', seq: 5 }, { id: 'r-ops-opc', action: 'deny' }],
    } } });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toEqual([
      { path: 'body.change.add.1.id', message: 'proposed rule id "r-new" is used twice in this change' },
      { path: 'body.change.modify.1.id', message: 'rule "r-ops-opc" is modified twice in this change; give all its new fields in one modification' },
    ]);
    const acrossSet = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { changes: [
      { kind: 'firewall', conduit: 'c-ops-ctl', modify: [{ id: 'r-ops-opc', seq: 5 }] },
      { kind: 'firewall', conduit: 'c-ops-ctl', remove: ['r-ops-opc'] },
    ] } });
    expect(acrossSet.statusCode).toBe(422);
    expect(acrossSet.json().errors).toEqual([{ path: 'body.changes.1.remove.0', message: 'rule "r-ops-opc" is also changed by changes[0]; put both edits in one change' }]);
  });

  it('malformed CIDR, port or protocol → 400 naming the field', async () => {
    const bad = await assess({ kind: 'firewall', conduit: 'c-ops-ctl', add: [{ seq: 1, action: 'allow', protocol: 'tcp', src: '10.0.0.1/33', dst: 'any', ports: '70000' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INTERLOCK_BAD_REQUEST');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.change.add.0.src', 'body.change.add.0.ports']));
  });

  it('an empty change → 422', async () => {
    const empty = await assess({ kind: 'firewall', conduit: 'c-ops-ctl' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ path: 'body.change', message: 'a firewall change must add, remove or modify a rule, or set the default action' }]);
    const nothing = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: {} });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().errors).toEqual([{ path: 'body', message: 'send one change as "change" or a change set as "changes"' }]);
  });

  it('two rules with the same seq → 400; an id that exists → 409', async () => {
    const dup = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', add: [{ seq: 10, action: 'deny', protocol: 'tcp', src: 'any', dst: 'any', ports: 22 }] });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe('seq 10 on conduit "c-ctl-sis" would be used by both "r-esd" and "proposed-1"; first match needs an unambiguous order.');
    const taken = await assess({ kind: 'firewall', conduit: 'c-ctl-sis', add: [{ id: 'r-ntp', seq: 11, action: 'deny', protocol: 'tcp', src: 'any', dst: 'any', ports: 22 }] });
    expect(taken.status).toBe(409);
  });
});
