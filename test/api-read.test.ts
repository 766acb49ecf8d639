import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe('read API', () => {
  it('health answers ok with neo4j up', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });
  });

  it('lists zones top of the Purdue model first, with asset counts', async () => {
    const { status, body } = await get('/api/zones');
    expect(status).toBe(200);
    expect(body.map((z: { id: string; assetCount: number }) => [z.id, z.assetCount])).toEqual([
      ['z-ops', 2], ['z-ctl', 7], ['z-sis', 2], ['z-field', 7],
    ]);
  });

  it('gets one zone with its assets and conduits', async () => {
    const { body } = await get('/api/zones/z-sis');
    expect(body).toEqual({
      id: 'z-sis', name: 'Safety', purdueLevel: 1, domain: 'OT', slTarget: 3, slAchieved: 3, safety: true, cidr: '10.1.0.0/24',
      assets: [
        { id: 'ls1', name: 'SIS logic solver', type: 'sis-logic-solver', ip: '10.1.0.10' },
        { id: 'sis-ews', name: 'SIS engineering workstation', type: 'sis-ews', ip: '10.1.0.20' },
      ],
      conduits: [
        { id: 'c-ctl-sis', name: 'Control to safety (primary)', otherZone: 'z-ctl' },
        { id: 'c-ctl-sis-b', name: 'Control to safety (secondary)', otherZone: 'z-ctl' },
      ],
    });
  });

  it('gets a conduit with its rules in seq order and its default action', async () => {
    const { body } = await get('/api/conduits/c-ops-ctl');
    expect(body).toEqual({
      id: 'c-ops-ctl', name: 'Operations to control', zones: ['z-ops', 'z-ctl'], slTarget: 2, defaultAction: 'deny', firewalls: ['fw-b'],
      rules: [
        { id: 'r-ops-opc', seq: 10, action: 'allow', protocol: 'tcp', src: { asset: 'hist' }, dst: { zone: 'z-ctl' }, ports: 4840 },
        { id: 'r-ops-ntp', seq: 20, action: 'allow', protocol: 'udp', src: { asset: 'ntp' }, dst: 'any', ports: 123 },
        { id: 'r-ops-deny', seq: 100, action: 'deny', protocol: 'any', src: 'any', dst: 'any', ports: 'any' },
      ],
    });
  });

  it('filters assets by zone and type, and finds one by IP', async () => {
    const byZoneType = await get('/api/assets?zone=z-field&type=final-element');
    expect(byZoneType.body.map((a: { id: string }) => a.id)).toEqual(['xv1', 'xv2', 'xv3']);
    const byIp = await get('/api/assets?q=10.1.0.10');
    expect(byIp.body.map((a: { id: string }) => a.id)).toEqual(['ls1']);
    const byName = await get('/api/assets?q=TRANSMITTER');
    expect(byName.body.map((a: { id: string }) => a.id)).toEqual(['lt1', 'pt1', 'pt2', 'pt3']);
    const byDomain = await get('/api/assets?domain=IT');
    expect(byDomain.body).toEqual([]);
  });

  it('gets an asset with its flows, SIF roles and enforced conduits', async () => {
    const { body } = await get('/api/assets/ls1');
    expect(body.flows).toEqual([
      { id: 'f-esd', direction: 'to' }, { id: 'f-ntp', direction: 'to' },
      { id: 'f-status', direction: 'from' }, { id: 'f-status-b', direction: 'from' },
    ]);
    expect(body.sifs).toEqual([
      { id: 'sif-hp', sil: 3, role: 'LOGIC', group: 'logic' },
      { id: 'sif-ll', sil: 1, role: 'LOGIC', group: 'logic' },
    ]);
    expect((await get('/api/assets/fw-a')).body.enforces).toEqual(['c-ctl-sis']);
  });

  it('marks safety-required flows and names what depends on them', async () => {
    const { body } = await get('/api/flows');
    expect(body.map((f: { id: string; safetyRequired: boolean; sifs: unknown[]; procedures: string[] }) => [f.id, f.safetyRequired, f.sifs, f.procedures])).toEqual([
      ['f-esd', true, [], ['proc-esd']],
      ['f-hist', false, [], []],
      ['f-ntp', true, [{ id: 'sif-hp', sil: 3 }], []],
      ['f-status', true, [{ id: 'sif-hp', sil: 3 }], []],
      ['f-status-b', false, [], []],
    ]);
  });

  it('gives a SIF its full safety path', async () => {
    const { body } = await get('/api/sifs/sif-hp');
    expect(body.safetyPath.elements.map((e: { asset: string; group: string; voting: string }) => `${e.group}:${e.voting}:${e.asset}`)).toEqual([
      'sensors:2oo3:pt1', 'sensors:2oo3:pt2', 'sensors:2oo3:pt3', 'logic:1oo1:ls1', 'valves:1oo2:xv1', 'valves:1oo2:xv2',
    ]);
    expect(body.safetyPath.flows.map((f: { id: string; via: string[]; viaProcedure: string | null }) => [f.id, f.via, f.viaProcedure])).toEqual([
      ['f-esd', ['c-ctl-sis'], 'proc-esd'],
      ['f-ntp', ['c-ops-ctl', 'c-ctl-sis'], null],
      ['f-status', ['c-ctl-sis'], null],
    ]);
    expect(body.safetyPath.conduits).toEqual([
      { id: 'c-ctl-sis', zones: ['z-ctl', 'z-sis'], firewalls: ['fw-a'] },
      { id: 'c-ops-ctl', zones: ['z-ops', 'z-ctl'], firewalls: ['fw-b'] },
    ]);
    expect(body.safetyPath.procedures).toEqual(['proc-esd']);
    expect(body.safetyPath.zones).toEqual(['z-ctl', 'z-field', 'z-ops', 'z-sis']);
  });

  it('lists SIFs highest SIL first with their voting groups', async () => {
    const { body } = await get('/api/sifs');
    expect(body.map((s: { id: string; sil: number; groups: Array<{ voting: string; size: number }> }) => [s.id, s.sil, s.groups.map((g) => `${g.voting}/${g.size}`)])).toEqual([
      ['sif-hp', 3, ['2oo3/3', '1oo1/1', '1oo2/2']],
      ['sif-ll', 1, ['1oo1/1', '1oo1/1', '1oo1/1']],
    ]);
  });

  it('answers 404 naming an unknown id, and 400 naming a bad query field', async () => {
    expect(await get('/api/zones/z-nowhere')).toEqual({ status: 404, body: { statusCode: 404, code: 'INTERLOCK_NOT_FOUND', message: 'zone "z-nowhere" does not exist.' } });
    expect((await get('/api/sifs/nope')).status).toBe(404);
    const bad = await get('/api/assets?type=toaster');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INTERLOCK_BAD_REQUEST');
    expect(bad.body.errors[0].path).toBe('querystring.type');
  });

  it('serves an OpenAPI document where every API route has a summary and response schemas', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    const operations = Object.entries(body.paths as Record<string, Record<string, { summary?: string; responses?: object }>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(20);
    for (const { route, op } of operations) {
      expect(op.summary, route).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, route).toBeGreaterThan(0);
    }
    const docs = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
