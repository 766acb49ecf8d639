// POST /api/conduits/:id/import-firewall on the reference plant, against the real Neo4j: the dry
// run shows the what-if and writes nothing; apply writes through the single-entity edit; a
// configuration with a refused line, or a bad request, leaves the graph exactly as it was.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { loadSite, snapshot } from '../helpers/db.js';

const plant = () => parse(readFileSync('fixtures/reference-plant.yaml', 'utf8'));
const ctx = useApp(plant);
beforeEach(async () => loadSite(ctx.db, plant()));

const fixture = (name: string) => readFileSync(`fixtures/firewall/${name}`, 'utf8');
const post = async (conduit: string, payload: Record<string, unknown>) => {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/conduits/${conduit}/import-firewall`, payload });
  return { status: res.statusCode, body: res.json() };
};
/** A request that must change nothing, whatever it answers. */
const unchanged = async (conduit: string, payload: Record<string, unknown>) => {
  const before = await snapshot(ctx.db);
  const answer = await post(conduit, payload);
  expect(await snapshot(ctx.db)).toEqual(before);
  return answer;
};
const flowDecision = async (flow: string) => (await ctx.app.inject({ method: 'POST', url: '/api/explain/flow', payload: { flow } })).json();

describe('dry run', () => {
  it('shows the rules, every line not represented and the what-if of replacing c-ctl-sis-a, writing nothing', async () => {
    const { status, body } = await unchanged('c-ctl-sis-a', { format: 'iptables', config: fixture('c-ctl-sis-a.iptables-save') });
    expect(status).toBe(200);
    expect(body.applied).toBe(false);
    expect(body.report.rules).toHaveLength(14);
    expect(body.report.rules[0].id).toBe('c-ctl-sis-a-ipt-001');
    expect(body.change.remove).toEqual(['r-ctlsisa-010', 'r-ctlsisa-020', 'r-ctlsisa-025', 'r-ctlsisa-030', 'r-ctlsisa-040', 'r-ctlsisa-050', 'r-ctlsisa-060', 'r-ctlsisa-065', 'r-ctlsisa-070', 'r-ctlsisa-080', 'r-ctlsisa-999']);
    expect(body.change.add).toHaveLength(14);
    expect(body.change.defaultAction).toBe('deny');
    // The file enforces what the plant model says: no safety flow is blocked, nothing newly exposed.
    expect(body.impact.findings.filter((f: { rule: string }) => f.rule.startsWith('FW-BLOCKS') || f.rule.startsWith('FW-EXPOSES'))).toEqual([]);
    expect(body.impact.summary.safetyPathTouched).toBe(false);
  });

  it('finds the ESD command a configuration would block before anything is written', async () => {
    const config = fixture('c-ctl-sis-a.iptables-save').replace(/^.*operator station 2.*\n/m, '');
    const { status, body } = await unchanged('c-ctl-sis-a', { format: 'iptables', config });
    expect(status).toBe(200);
    const blocked = body.impact.findings.filter((f: { rule: string }) => f.rule === 'FW-BLOCKS-SAFETY-FLOW');
    expect(blocked.map((f: { flow: string; severity: string }) => [f.flow, f.severity])).toEqual([['f-hmi02-sis01-esd', 'CRITICAL']]);
    expect(blocked[0].path.nodes).toContain('c-ctl-sis-a-ipt-003');
  });

  it('answers a refused configuration with its report, no change and no what-if', async () => {
    const { status, body } = await unchanged('c-dmz-ops', { format: 'fortigate', config: fixture('broken-unknown-object.fortigate.conf') });
    expect(status).toBe(200);
    expect([body.report.importable, body.change, body.impact, body.applied]).toEqual([false, null, null, false]);
    expect(body.report.notRepresented.filter((n: { refused: boolean }) => n.refused)).toEqual([
      { line: 144, text: '        set srcaddr "ops-logcol-01" "ops-logcol-02"', reason: 'unknown address object "ops-logcol-02": not defined in this configuration', refused: true },
    ]);
  });
});

describe('apply', () => {
  it('writes the FortiGate rule set to c-dmz-ops, and the engine decides flows by it', async () => {
    const { status, body } = await post('c-dmz-ops', { format: 'fortigate', config: fixture('c-dmz-ops.fortigate.conf'), apply: true });
    expect(status).toBe(200);
    expect(body.applied).toBe(true);
    const stored = (await ctx.app.inject({ method: 'GET', url: '/api/conduits/c-dmz-ops' })).json();
    expect(stored.rules.map((r: { id: string; seq: number; action: string; protocol: string; src: string; dst: string; ports: unknown }) => `${r.seq} ${r.id} ${r.action} ${r.protocol} ${r.src} ${r.dst} ${r.ports}`)).toEqual([
      '10 c-dmz-ops-fgt-001 allow tcp 10.30.0.20 10.35.0.20 5450',
      '20 c-dmz-ops-fgt-002 allow tcp 10.35.0.30/31 10.20.0.40/31 3389',
      '30 c-dmz-ops-fgt-003 allow udp 10.30.0.30 10.35.0.50 514',
      '40 c-dmz-ops-fgt-004 allow tcp 10.30.0.0/24 10.35.0.40 443',
      '50 c-dmz-ops-fgt-005 allow icmp 10.30.0.70 10.35.0.0/24 any',
      '60 c-dmz-ops-fgt-006 deny any any any any',
    ]);
    expect(stored.defaultAction).toBe('deny');
    expect(stored.firewalls).toEqual(['fw-itot-02']);
    const decision = await flowDecision('f-hist-replica');
    expect(decision.crossings.find((c: { conduit: string }) => c.conduit === 'c-dmz-ops')?.before).toEqual({ rule: 'c-dmz-ops-fgt-001', action: 'allow' });
  });

  it('imports the same file again: its rule ids are reused, the what-if modifies them in place', async () => {
    const config = fixture('c-ctl-sis-a.iptables-save');
    expect((await post('c-ctl-sis-a', { format: 'iptables', config, apply: true })).status).toBe(200);
    const again = await post('c-ctl-sis-a', { format: 'iptables', config, apply: true });
    expect(again.status).toBe(200);
    expect([again.body.change.remove, again.body.change.add, again.body.change.modify.length]).toEqual([[], [], 14]);
    expect(again.body.impact.findings.filter((f: { severity: string }) => f.severity !== 'INFO' && f.severity !== 'LOW')).toEqual([]);
    expect((await flowDecision('f-hmi01-sis01-esd')).crossings[0].before).toEqual({ rule: 'c-ctl-sis-a-ipt-001', action: 'allow' });
  });

  it('refuses to apply a configuration with a refused line: 422 naming each line, nothing written', async () => {
    const { status, body } = await unchanged('c-ctl-sis-a', { format: 'iptables', config: fixture('broken-truncated.iptables-save'), apply: true });
    expect(status).toBe(422);
    expect(body.code).toBe('INTERLOCK_UNPROCESSABLE');
    expect(body.errors).toEqual([
      { path: 'config line 11', message: 'table filter has no COMMIT before the end of the file: the file is truncated or damaged (iptables-restore would refuse it too)' },
      { path: 'config line 28', message: 'unclosed quote: the line is cut short' },
    ]);
  });
});

describe('bad requests change nothing', () => {
  it.each([
    ['an unknown conduit', 'c-nowhere', { format: 'iptables', config: '*filter\nCOMMIT\n' }, 404, 'params.id'],
    ['an unknown format', 'c-ctl-sis-a', { format: 'pf', config: 'pass all' }, 400, 'body.format'],
    ['an empty configuration', 'c-ctl-sis-a', { format: 'iptables', config: '' }, 400, 'body.config'],
    ['a chain for FortiGate', 'c-dmz-ops', { format: 'fortigate', config: 'config firewall policy\nend\n', chain: 'FORWARD' }, 422, 'body.chain'],
    ['a chain name iptables would refuse', 'c-ctl-sis-a', { format: 'iptables', config: '*filter\nCOMMIT\n', chain: 'A B' }, 400, 'body.chain'],
    ['a configuration over 2 MiB', 'c-ctl-sis-a', { format: 'iptables', config: '#'.repeat(2 * 1024 * 1024 + 1) }, 400, 'body.config'],
    ['an unknown field', 'c-ctl-sis-a', { format: 'iptables', config: 'x', dryRun: true }, 400, 'body'],
  ])('%s', async (_what, conduit, payload, status, where) => {
    const { status: got, body } = await unchanged(conduit, payload);
    expect(got).toBe(status);
    expect(JSON.stringify(body.errors ?? body.message)).toContain(where);
  });
});
