import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);

interface El { group: string; data: Record<string, unknown> & { id: string; kind: string }; classes: string }
const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};
const ids = (elements: El[], kind: string) => elements.filter((e) => e.data.kind === kind).map((e) => e.data.id).sort();
const byId = (elements: El[], id: string) => elements.find((e) => e.data.id === id)!;

const ALL_ASSETS = ['dcs', 'ews', 'fw-a', 'fw-b', 'fw-c', 'hist', 'hmi', 'ls1', 'lt1', 'ntp', 'pt1', 'pt2', 'pt3', 'sis-ews', 'sw-ctl', 'xv1', 'xv2', 'xv3'];

describe('GET /api/graph/topology', () => {
  it('returns every zone as a compound parent, assets as children, conduits between zones and flows between assets', async () => {
    const { status, body } = await get('/api/graph/topology');
    expect(status).toBe(200);
    const els = body.elements as El[];
    expect(ids(els, 'zone')).toEqual(['z-ctl', 'z-field', 'z-ops', 'z-sis']);
    expect(ids(els, 'asset')).toEqual(ALL_ASSETS);
    expect(ids(els, 'conduit')).toEqual(['c-ctl-sis', 'c-ctl-sis-b', 'c-ops-ctl']);
    expect(ids(els, 'flow')).toEqual(['f-esd', 'f-hist', 'f-ntp', 'f-status', 'f-status-b']);
    expect(byId(els, 'ls1')).toMatchObject({ group: 'nodes', data: { parent: 'z-sis', type: 'sis-logic-solver', sifElement: true } });
    expect(byId(els, 'ls1').classes.split(' ')).toEqual(expect.arrayContaining(['asset', 'sis', 'sif-element']));
    expect(byId(els, 'c-ops-ctl')).toMatchObject({
      group: 'edges',
      data: { source: 'z-ops', target: 'z-ctl', slTarget: 2, ruleCount: 3, rules: ['r-ops-opc', 'r-ops-ntp', 'r-ops-deny'], defaultAction: 'deny', purdueSpan: 1, crossesLevels: false, bypassesDmz: false, firewalls: ['fw-b'] },
    });
    expect(byId(els, 'f-esd')).toMatchObject({ group: 'edges', data: { source: 'hmi', target: 'ls1', safetyRequired: true, via: ['c-ctl-sis'] } });
    expect(byId(els, 'f-hist').data.safetyRequired).toBe(false);
    expect(body.collapsed).toEqual([]);
    expect(body.counts).toEqual({ zones: 4, assets: 18, conduits: 3, flows: 5, elements: 30 });
  });

  it('flags a zone below its target and says which SIFs depend on each element', async () => {
    const els = (await get('/api/graph/topology')).body.elements as El[];
    expect(byId(els, 'z-ops')).toMatchObject({ data: { purdueLevel: 3, slTarget: 2, slAchieved: 1, belowTarget: true, safety: false, domain: 'OT' } });
    expect(byId(els, 'z-ops').classes).toContain('below-target');
    expect(byId(els, 'z-sis')).toMatchObject({ data: { safety: true, belowTarget: false } });
    expect(byId(els, 'z-sis').classes.split(' ')).toEqual(expect.arrayContaining(['zone', 'zone-ot', 'safety']));
    // sif-hp depends on f-ntp, which crosses c-ops-ctl enforced by fw-b; sif-ll has no flows.
    expect(byId(els, 'fw-b').data.sifs).toEqual([{ id: 'sif-hp', sil: 3 }]);
    expect(byId(els, 'ls1').data.sifs).toEqual([{ id: 'sif-hp', sil: 3 }, { id: 'sif-ll', sil: 1 }]);
    expect(byId(els, 'c-ctl-sis-b').data.sifs).toEqual([]);
    expect(byId(els, 'f-esd').data.sifs).toEqual([{ id: 'sif-hp', sil: 3 }]);
    expect(byId(els, 'hist').data.sifs).toEqual([]);
  });

  it('collapses zones into summaries on request, keeping the expanded ones', async () => {
    const { body } = await get('/api/graph/topology?collapse=all&expand=z-sis');
    const els = body.elements as El[];
    expect(body.collapsed).toEqual(['z-ops', 'z-ctl', 'z-field']);
    expect(ids(els, 'asset')).toEqual(['ls1', 'sis-ews']);
    expect(ids(els, 'conduit')).toEqual(['c-ctl-sis', 'c-ctl-sis-b', 'c-ops-ctl']);
    expect(ids(els, 'flow')).toEqual([]);
    expect(byId(els, 'z-field')).toMatchObject({ data: { summary: true, assetCount: 7, typeCounts: { sensor: 4, 'final-element': 3 } } });
    expect(byId(els, 'z-field').classes).toContain('summary');
    expect(body.counts).toMatchObject({ assets: 18, elements: 9 });
  });

  it('rejects an unknown collapse mode', async () => {
    const { status, body } = await get('/api/graph/topology?collapse=sometimes');
    expect(status).toBe(400);
    expect(body.errors[0].path).toBe('querystring.collapse');
  });
});

describe('GET /api/graph/sif/:id', () => {
  it("returns exactly the SIF's safety path, with flow and conduit ids as edge ids", async () => {
    const { status, body } = await get('/api/graph/sif/sif-hp');
    expect(status).toBe(200);
    const els = body.elements as El[];
    expect(ids(els, 'zone')).toEqual(['z-ctl', 'z-field', 'z-ops', 'z-sis']);
    expect(ids(els, 'asset')).toEqual(['dcs', 'fw-a', 'fw-b', 'hmi', 'ls1', 'ntp', 'pt1', 'pt2', 'pt3', 'sw-ctl', 'xv1', 'xv2']);
    expect(ids(els, 'flow')).toEqual(['f-esd', 'f-ntp', 'f-status']);
    expect(ids(els, 'conduit')).toEqual(['c-ctl-sis', 'c-ops-ctl']);
    expect(byId(els, 'pt1').data.safetyRoles).toEqual([{ role: 'SENSOR', group: 'sensors', voting: '2oo3' }]);
    expect(byId(els, 'pt1').classes).toContain('role-sensor');
    expect(byId(els, 'xv2').classes).toContain('role-final-element');
    expect(byId(els, 'dcs').data.safetyRoles).toBeUndefined();
    expect(body.sif).toMatchObject({ id: 'sif-hp', sil: 3, procedures: ['proc-esd'], dependsOn: ['f-ntp', 'f-status'] });
    expect(body.sif.groups.map((g: { id: string; voting: string }) => `${g.id}:${g.voting}`)).toEqual(['sensors:2oo3', 'logic:1oo1', 'valves:1oo2']);
  });

  it('answers 404 naming an unknown SIF', async () => {
    expect(await get('/api/graph/sif/sif-nope')).toEqual({ status: 404, body: { statusCode: 404, code: 'INTERLOCK_NOT_FOUND', message: 'SIF "sif-nope" does not exist.' } });
  });
});

describe('GET /api/graph/asset/:id', () => {
  it('returns the depth-1 neighbourhood over flows, including firewalls of crossed conduits', async () => {
    const { status, body } = await get('/api/graph/asset/hmi?depth=1');
    expect(status).toBe(200);
    const els = body.elements as El[];
    expect(ids(els, 'asset')).toEqual(['fw-a', 'hmi', 'ls1', 'sw-ctl']);
    expect(ids(els, 'flow')).toEqual(['f-esd']);
    expect(ids(els, 'conduit')).toEqual(['c-ctl-sis']);
    expect(ids(els, 'zone')).toEqual(['z-ctl', 'z-sis']);
    expect(body.truncated).toBe(false);
  });

  it('grows with depth', async () => {
    const els = (await get('/api/graph/asset/hmi?depth=2')).body.elements as El[];
    // ls1 adds f-ntp, f-status, f-status-b; fw-a (enforcing c-ctl-sis) adds the same; sw-ctl adds nothing new.
    expect(ids(els, 'asset')).toEqual(['dcs', 'fw-a', 'fw-b', 'fw-c', 'hmi', 'ls1', 'ntp', 'sw-ctl']);
    expect(ids(els, 'flow')).toEqual(['f-esd', 'f-ntp', 'f-status', 'f-status-b']);
    expect(ids(els, 'conduit')).toEqual(['c-ctl-sis', 'c-ctl-sis-b', 'c-ops-ctl']);
    expect(ids(els, 'zone')).toEqual(['z-ctl', 'z-ops', 'z-sis']);
  });

  it('answers an isolated asset with just itself and its zone', async () => {
    const els = (await get('/api/graph/asset/pt1')).body.elements as El[];
    expect(els.map((e) => e.data.id).sort()).toEqual(['pt1', 'z-field']);
  });

  it('answers 400 for a bad depth and 404 for an unknown asset', async () => {
    for (const depth of ['0', '4', 'two', '1.5']) {
      const { status, body } = await get(`/api/graph/asset/hmi?depth=${depth}`);
      expect(status, depth).toBe(400);
      expect(body.code).toBe('INTERLOCK_BAD_REQUEST');
      expect(body.errors[0].path).toBe('querystring.depth');
    }
    expect(await get('/api/graph/asset/nope')).toEqual({ status: 404, body: { statusCode: 404, code: 'INTERLOCK_NOT_FOUND', message: 'asset "nope" does not exist.' } });
  });
});
