// POST /api/traffic on the reference plant with its shipped capture: each comparison category with
// its exact findings, the capture summary and the lines not understood; the JSON-lines form gives
// the same answer; refusals name the problem; nothing is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONN_FIELDS } from '../server/importers/zeek/conn-log-format.js';
import { as, useApp } from './helpers/app.js';
import { snapshot } from './helpers/db.js';

const ctx = useApp(() => parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8')));
const LOG = readFileSync(new URL('../fixtures/traffic/reference-plant-conn.log', import.meta.url), 'utf8');

async function post(payload: string, query = '', type = 'text/plain') {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/traffic${query}`, payload, headers: { 'content-type': type } });
  return { status: res.statusCode, body: res.json() };
}
type F = { id: string; severity: string; rule: string };
const ids = (findings: F[]) => findings.map((f) => [f.id, f.severity]);
const byRule = (findings: F[], rule: string) => ids(findings.filter((f) => f.rule === rule));

/** The TSV capture as Zeek's JSON writer would log it (flat "id.orig_h" keys, numbers as numbers). */
function asJsonLines(tsv: string): string {
  return tsv.split('\n').filter((l) => l && !l.startsWith('#')).map((line) => {
    const f = line.split('\t');
    if (f.length !== CONN_FIELDS.length) return '{"ts": 1795503599.8, "uid": "Ctrunc01", "id.orig_h": "10.21.0.10"';
    const o: Record<string, unknown> = {};
    CONN_FIELDS.forEach((name, i) => {
      if (f[i] !== '-') o[name] = /^(ts|id\.orig_p|id\.resp_p|orig_bytes|resp_bytes)$/.test(name) ? Number(f[i]) : f[i];
    });
    return JSON.stringify(o);
  }).join('\n');
}

describe('POST /api/traffic with the reference plant capture', () => {
  it('summarises the capture and lists the lines it could not use', async () => {
    const { status, body } = await post(LOG);
    expect(status).toBe(200);
    expect(body.capture).toEqual({
      form: 'tsv', lines: 1095, connections: 1085, bytes: Buffer.byteLength(LOG), ms: expect.any(Number),
      firstSeen: '2026-11-24T06:00:00.071Z', lastSeen: '2026-11-24T06:59:44.444Z', communications: 44,
    });
    expect(body.notUnderstood).toEqual([
      { line: 410, reason: 'IPv6 address fe80::2e0:4cff:fe68:13 (Interlock models IPv4 only)' },
      { line: 1095, reason: '9 fields where the #fields header has 21 (truncated or malformed line)' },
    ]);
    expect(body.notUnderstoodCount).toBe(2);
    expect(body.communications[0]).toEqual({
      src: '10.30.0.30', dst: '10.35.0.50', srcAsset: 'ops-logcol-01', dstAsset: 'dmz-syslog-01', srcZone: 'z-ops', dstZone: 'z-dmz',
      protocol: 'udp', port: 514, count: 130, answered: 130, firstSeen: expect.any(String), lastSeen: expect.any(String), declared: ['f-logcol-relay'],
    });
    expect(body.summary.message).toBe('10 findings, highest CRITICAL: 3 undeclared into a safety zone or to a SIF element, 3 undeclared across a conduit, 2 safety flow not seen, 2 denied by the stored rules but seen.');
  });

  it('(a) undeclared traffic into a safety zone or to a SIF element: the rogue laptop, the supervisor station, the refused RDP', async () => {
    const { body } = await post(LOG);
    expect(byRule(body.findings, 'TRAFFIC-UNDECLARED-SAFETY')).toEqual([
      ['TRAFFIC-UNDECLARED-SAFETY:10.21.0.99:sis-ls-01:udp/1502', 'CRITICAL'],
      ['TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502', 'CRITICAL'],
      // CRITICAL (SL-A 1 below SL-T 3), one level lower: every attempt was refused.
      ['TRAFFIC-UNDECLARED-SAFETY:ctl-ews-02:sis-ews-01:tcp/3389', 'HIGH'],
    ]);
    const hmi = body.findings.find((f: F) => f.id === 'TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502');
    expect(hmi).toMatchObject({
      title: 'Undeclared tcp/502 from hmi-03 to SIF element sis-ls-01',
      path: { nodes: ['hmi-03', 'z-ctl', 'z-sis', 'sis-ls-01', 'r-ctlsisa-080', 'sif-101', 'sif-102', 'sif-301'], edges: ['c-ctl-sis-a'] },
      sifs: [{ id: 'sif-101', sil: 3 }, { id: 'sif-102', sil: 2 }, { id: 'sif-301', sil: 3 }],
      conduit: 'c-ctl-sis-a',
    });
    expect(hmi.explanation).toContain('It enters safety zone z-sis (SL-T 3) from z-ctl (SL-A 1). The stored rules deny it (denied on c-ctl-sis-a by r-ctlsisa-080; denied on c-ctl-sis-b by r-ctlsisb-999).');
    const rdp = body.findings.find((f: F) => f.id === 'TRAFFIC-UNDECLARED-SAFETY:ctl-ews-02:sis-ews-01:tcp/3389');
    expect(rdp.explanation).toMatch(/^ctl-ews-02 \(10\.20\.0\.41\) in zone z-ctl tried to reach sis-ews-01 \(10\.21\.0\.20\) in zone z-sis over tcp\/3389: 3 connections between .* None was answered/);
  });

  it('(b) undeclared traffic across conduits, allowed or not, from a zone or from outside every zone', async () => {
    const { body } = await post(LOG);
    expect(byRule(body.findings, 'TRAFFIC-UNDECLARED-CONDUIT')).toEqual([
      ['TRAFFIC-UNDECLARED-CONDUIT:ent-ws-eng-02:dmz-jump-01:tcp/3389', 'MEDIUM'],
      ['TRAFFIC-UNDECLARED-CONDUIT:ops-nms-01:dcs-ctl-01:udp/161', 'MEDIUM'],
      ['TRAFFIC-UNDECLARED-CONDUIT:172.16.5.20:ra-rdgw-01:tcp/443', 'LOW'],
    ]);
    expect(body.findings.find((f: F) => f.id.startsWith('TRAFFIC-UNDECLARED-CONDUIT:ent-ws-eng-02')).explanation).toContain('The stored rules allow it (allowed on c-ent-dmz by r-entdmz-010).');
  });

  it('(c) declared safety-required flows never observed, one level below a blocked flow', async () => {
    const { body } = await post(LOG);
    expect(byRule(body.findings, 'TRAFFIC-SAFETY-FLOW-UNSEEN')).toEqual([
      ['TRAFFIC-SAFETY-FLOW-UNSEEN:f-fgs01-sis02-peer', 'MEDIUM'],
      ['TRAFFIC-SAFETY-FLOW-UNSEEN:f-sis02-ntp', 'MEDIUM'],
    ]);
    expect(body.findings.find((f: F) => f.id === 'TRAFFIC-SAFETY-FLOW-UNSEEN:f-sis02-ntp')).toMatchObject({
      path: { nodes: ['sis-ls-02', 'ctl-ntp-01'], edges: ['f-sis02-ntp', 'c-ctl-sis-a'] }, sifs: [{ id: 'sif-201', sil: 2 }], flow: 'f-sis02-ntp',
    });
  });

  it('(d) traffic that got through although the stored rules deny it on every route', async () => {
    const { body } = await post(LOG);
    expect(byRule(body.findings, 'TRAFFIC-DENIED-BY-MODEL')).toEqual([
      ['TRAFFIC-DENIED-BY-MODEL:hmi-03:sis-ls-01:tcp/502', 'HIGH'],
      ['TRAFFIC-DENIED-BY-MODEL:ops-nms-01:dcs-ctl-01:udp/161', 'MEDIUM'],
    ]);
    expect(body.findings.find((f: F) => f.id === 'TRAFFIC-DENIED-BY-MODEL:ops-nms-01:dcs-ctl-01:udp/161')).toMatchObject({
      title: 'udp/161 from ops-nms-01 to dcs-ctl-01 got through, but the stored rules deny it', conduit: 'c-ops-ctl',
      path: { nodes: ['ops-nms-01', 'z-ops', 'z-ctl', 'dcs-ctl-01', 'r-opsctl-999'], edges: ['c-ops-ctl'] },
    });
  });

  it('reads the JSON-lines form to the same findings, and leaves the graph as it was', async () => {
    const before = await snapshot(ctx.db);
    const tsv = await post(LOG);
    const json = await post(asJsonLines(LOG), '', 'application/json');
    expect(json.status).toBe(200);
    expect(json.body.capture.form).toBe('json');
    expect(json.body.findings).toEqual(tsv.body.findings);
    expect(json.body.notUnderstood).toEqual([
      { line: 402, reason: 'IPv6 address fe80::2e0:4cff:fe68:13 (Interlock models IPv4 only)' },
      { line: 1087, reason: 'not a JSON object (malformed JSON)' },
    ]);
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

describe('POST /api/traffic refusals', () => {
  it('a body with no connection in it is a 422 listing why each line was not read', async () => {
    const { status, body } = await post('hello\nworld\n');
    expect(status).toBe(422);
    expect(body).toEqual({
      statusCode: 422, code: 'INTERLOCK_UNPROCESSABLE',
      message: 'No connection could be read: not a Zeek conn.log (TSV with a #fields header, or JSON lines)?',
      errors: [
        { path: 'line 1', message: 'a record before any #fields header (not a Zeek TSV log, or its header is missing)' },
        { path: 'line 2', message: 'a record before any #fields header (not a Zeek TSV log, or its header is missing)' },
      ],
    });
  });

  it('more distinct communications than maxCommunications is a 422 naming the line; a bad limit is a 400', async () => {
    const { status, body } = await post(LOG, '?maxCommunications=10');
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ path: 'line 19', message: 'more than 10 distinct communications' }]);
    const bad = await post(LOG, '?maxCommunications=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('querystring.maxCommunications');
  });

  it('any content type is read as the log itself', async () => {
    const { status, body } = await post(LOG, '', 'application/octet-stream');
    expect(status).toBe(200);
    expect(body.capture.connections).toBe(1085);
  });

  it('no body at all is a 400', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/traffic' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body', message: 'send the conn.log itself as the request body' }]);
  });
});

describe('GET /api/traffic/demo-capture', () => {
  it('serves the shipped capture as it is, to any signed-in role, and posting it back gives the shipped capture\'s answer', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/traffic/demo-capture', headers: as(ctx.app, ['viewer']) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(LOG);
    const [served, shipped] = [await post(res.body), await post(LOG)];
    expect(served.body.findings).toEqual(shipped.body.findings);
  });
});
