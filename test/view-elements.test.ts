// Pure element shaping, without Neo4j: rows in, Cytoscape JSON out.
import { describe, expect, it } from 'vitest';
import { buildView, collapsedZones, COLLAPSE_THRESHOLD } from '../server/views/build-view.js';
import { assetElement, conduitElement, conduitLabel, flowElement, zoneElement, zoneLabel, type ZoneFacts, type ZoneRow } from '../server/views/elements.js';
import { GraphView } from '../server/views/view-schema.js';
import { bypassesDmz, purdueSpan } from '../server/views/purdue.js';
import { EMPTY_SAFETY_INDEX, safetyIndex } from '../server/views/safety-index.js';

const zoneRow = (id: string, purdueLevel: number, extra: Record<string, unknown> = {}, assetCount = 0): ZoneRow => ({
  props: { id, name: id.toUpperCase(), purdueLevel, domain: 'OT', slTarget: 2, slAchieved: 2, ...extra },
  assetCount,
  typeCounts: [],
});
const facts = (purdueLevel: number, domain: 'IT' | 'OT' = 'OT', safety = false): ZoneFacts => ({ purdueLevel, domain, safety });

describe('Purdue flags', () => {
  it('counts the DMZ as a level of its own', () => {
    expect(purdueSpan(4, 3.5)).toBe(1);
    expect(purdueSpan(3.5, 3)).toBe(1);
    expect(purdueSpan(4, 3)).toBe(2);
    expect(purdueSpan(2, 0)).toBe(2);
    expect(purdueSpan(2, 2)).toBe(0);
  });

  it('says a conduit bypasses the DMZ when it joins enterprise to plant, or IT to OT, outside 3.5', () => {
    expect(bypassesDmz(facts(4, 'IT'), facts(3))).toBe(true);
    expect(bypassesDmz(facts(5, 'IT'), facts(2))).toBe(true);
    expect(bypassesDmz(facts(4, 'IT'), facts(3.5))).toBe(false);
    expect(bypassesDmz(facts(3.5, 'IT'), facts(3))).toBe(false);
    expect(bypassesDmz(facts(3, 'IT'), facts(3, 'OT'))).toBe(true);
    expect(bypassesDmz(facts(3), facts(2))).toBe(false);
  });
});

describe('element shaping', () => {
  it('shapes a zone with its flags, label and classes', () => {
    const el = zoneElement(zoneRow('z-ctl', 2, { slAchieved: 1, safety: false }, 3), false, EMPTY_SAFETY_INDEX);
    expect(el.group).toBe('nodes');
    expect(el.data).toMatchObject({ id: 'z-ctl', kind: 'zone', belowTarget: true, safety: false, summary: false, assetCount: 3 });
    expect(el.data.label).toBe('Z-CTL\nL2 · OT · SL-T 2 / SL-A 1 ▼');
    expect(el.classes).toBe('zone zone-ot below-target');
  });

  it('labels a zone summary with its asset and SIF counts', () => {
    expect(zoneLabel({ name: 'DMZ', purdueLevel: 3.5, domain: 'OT', slTarget: 3, slAchieved: 3 }, { assetCount: 1, sifCount: 2 }))
      .toBe('DMZ\nL3.5 DMZ · OT · SL-T 3 / SL-A 3\n1 asset · 2 SIFs');
  });

  it('shapes an asset as a child of its zone, standing out when it belongs to a SIS', () => {
    const safety = safetyIndex([{ id: 'sif-1', sil: 2, elements: ['ls'], flows: [], conduits: [], pathAssets: [], zones: ['z'] }]);
    const el = assetElement({ props: { id: 'ls', name: 'Logic solver', type: 'sis-logic-solver', ip: '10.0.0.1', ipInt: 167772161 }, zone: 'z' }, 'OT', safety);
    expect(el).toEqual({
      group: 'nodes',
      data: { id: 'ls', label: 'ls', kind: 'asset', parent: 'z', name: 'Logic solver', type: 'sis-logic-solver', domain: 'OT', ip: '10.0.0.1', manned: false, sifElement: true, sifs: [{ id: 'sif-1', sil: 2 }] },
      classes: 'asset sis sif-element on-safety-path',
    });
  });

  it('shapes a conduit as an edge between zones with its flags, or nothing when a zone is missing', () => {
    const zones = new Map([['z-ent', facts(4, 'IT')], ['z-ops', facts(3)]]);
    const row = { props: { id: 'c-1', name: 'Bad', slTarget: 2 }, zones: ['z-ent', 'z-ops'], firewalls: ['fw'], rules: ['r1', 'r2'] };
    const el = conduitElement(row, zones, EMPTY_SAFETY_INDEX)!;
    expect(el.data).toMatchObject({ id: 'c-1', source: 'z-ent', target: 'z-ops', defaultAction: 'deny', ruleCount: 2, purdueSpan: 2, crossesLevels: true, bypassesDmz: true });
    expect(el.data.label).toBe('SL-T 2 · 2 rules\n▲ spans 2 levels\n▲ bypasses DMZ');
    expect(el.classes).toBe('conduit flagged crosses-levels bypasses-dmz');
    expect(conduitElement({ ...row, zones: ['z-ent', 'z-gone'] }, zones, EMPTY_SAFETY_INDEX)).toBeUndefined();
    expect(conduitLabel(3, 1, { span: 1, bypassesDmz: false })).toBe('SL-T 3 · 1 rule');
  });

  it('shapes a flow as an edge between assets, its id the flow id', () => {
    const el = flowElement({ props: { id: 'f-1', protocol: 'tcp', port: 502, purpose: 'Trip status' }, from: 'a', to: 'b', via: ['c'], routesThrough: [], safetyRequired: true }, EMPTY_SAFETY_INDEX);
    expect(el).toEqual({
      group: 'edges',
      data: { id: 'f-1', kind: 'flow', source: 'a', target: 'b', label: 'tcp/502', protocol: 'tcp', port: 502, purpose: 'Trip status', via: ['c'], routesThrough: [], safetyRequired: true, sifs: [] },
      classes: 'flow safety-flow',
    });
  });
});

describe('safety index', () => {
  it('inverts safety paths, highest SIL first', () => {
    const index = safetyIndex([
      { id: 'sif-b', sil: 1, elements: ['x'], flows: ['f'], conduits: ['c'], pathAssets: ['fw'], zones: ['z'] },
      { id: 'sif-a', sil: 3, elements: [], flows: ['f'], conduits: [], pathAssets: ['x'], zones: ['z'] },
    ]);
    expect(index.assets.get('x')).toEqual([{ id: 'sif-a', sil: 3 }, { id: 'sif-b', sil: 1 }]);
    expect(index.flows.get('f')).toEqual([{ id: 'sif-a', sil: 3 }, { id: 'sif-b', sil: 1 }]);
    expect(index.conduits.get('c')).toEqual([{ id: 'sif-b', sil: 1 }]);
    expect([...index.elements]).toEqual(['x']);
  });
});

describe('views', () => {
  const rows = {
    zones: [zoneRow('z-a', 3, {}, 2), zoneRow('z-b', 2, {}, 1)],
    assets: [
      { props: { id: 'a1', name: 'A1', type: 'server' }, zone: 'z-a' },
      { props: { id: 'a2', name: 'A2', type: 'hmi' }, zone: 'z-a' },
      { props: { id: 'b1', name: 'B1', type: 'plc' }, zone: 'z-b' },
    ],
    conduits: [{ props: { id: 'c-ab', name: 'A-B', slTarget: 2 }, zones: ['z-a', 'z-b'], firewalls: [], rules: [] }],
    flows: [
      { props: { id: 'f-ab', protocol: 'tcp', port: 1, purpose: 'x' }, from: 'a1', to: 'b1', via: ['c-ab'], routesThrough: [], safetyRequired: false },
      { props: { id: 'f-aa', protocol: 'udp', purpose: 'y' }, from: 'a1', to: 'a2', via: [], routesThrough: [], safetyRequired: false },
    ],
  };

  it('builds a view that its own response schema accepts', () => {
    const view = buildView(rows, EMPTY_SAFETY_INDEX);
    expect(view.elements.map((e) => e.data.id)).toEqual(['z-a', 'z-b', 'a1', 'a2', 'b1', 'c-ab', 'f-ab', 'f-aa']);
    expect(view.counts).toEqual({ zones: 2, assets: 3, conduits: 1, flows: 2, elements: 8 });
    expect(GraphView.safeParse(view).success).toBe(true);
  });

  it('leaves out the assets and flows of collapsed zones, keeping conduits', () => {
    const view = buildView(rows, EMPTY_SAFETY_INDEX, ['z-b']);
    expect(view.elements.map((e) => e.data.id)).toEqual(['z-a', 'z-b', 'a1', 'a2', 'c-ab', 'f-aa']);
    expect(view.elements[1]!.classes).toContain('summary');
    expect(view.collapsed).toEqual(['z-b']);
    expect(view.counts.assets).toBe(3);
  });

  it('collapses automatically only above the threshold', () => {
    const small = [zoneRow('z-a', 3, {}, 10), zoneRow('z-b', 2, {}, 10)];
    const big = [zoneRow('z-a', 3, {}, COLLAPSE_THRESHOLD), zoneRow('z-b', 2, {}, 10)];
    expect(collapsedZones('auto', small, 1)).toEqual([]);
    expect(collapsedZones('auto', big, 1)).toEqual(['z-a', 'z-b']);
    expect(collapsedZones('auto', big, 1, ['z-b'])).toEqual(['z-a']);
    expect(collapsedZones('none', big, 1)).toEqual([]);
    expect(collapsedZones('all', small, 1, ['z-a'])).toEqual(['z-b']);
  });
});
