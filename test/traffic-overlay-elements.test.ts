// The traffic overlay's pure parts, without Neo4j or a browser: findings in, Cytoscape elements
// out; the counts per category; the Traffic tab's link.
import { describe, expect, it } from 'vitest';
import type { ObservedCommunication, TrafficFinding } from '../server/importers/zeek/traffic-answer.js';
import { countByCategory, TRAFFIC_CATEGORIES } from '../client/src/traffic/categories.js';
import { overlayElements, type Placed } from '../client/src/traffic/overlay-elements.js';
import { formatState, parseState } from '../client/src/url-state.js';

const observed = (over: Partial<ObservedCommunication>): ObservedCommunication => ({
  src: '10.20.1.13', dst: '10.21.0.10', srcAsset: 'hmi-03', dstAsset: 'sis-ls-01', srcZone: 'z-ctl', dstZone: 'z-sis', protocol: 'tcp', port: 502,
  count: 4, answered: 4, firstSeen: '2026-11-24T06:07:21Z', lastSeen: '2026-11-24T06:50:14Z', declared: [], ...over,
});
const finding = (rule: TrafficFinding['rule'], id: string, over: Partial<TrafficFinding> = {}): TrafficFinding => ({
  id, rule, severity: 'HIGH', title: id, explanation: '', path: { nodes: [], edges: [] }, sifs: [], recommendation: '', ...over,
});

describe('the traffic overlay elements', () => {
  const findings = [
    finding('TRAFFIC-UNDECLARED-SAFETY', 'a', { observed: observed({}) }),
    finding('TRAFFIC-UNDECLARED-SAFETY', 'b', { observed: observed({ src: '10.21.0.99', srcAsset: null, srcZone: 'z-sis', protocol: 'udp', port: 1502, count: 5 }) }),
    finding('TRAFFIC-DENIED-BY-MODEL', 'c', { observed: observed({ protocol: 'icmp', port: null, count: 1 }) }),
    finding('TRAFFIC-SAFETY-FLOW-UNSEEN', 'd', { flow: 'f-x', path: { nodes: ['fgs-ls-01', 'sis-ls-02'], edges: ['f-x', 'c-sis-fgs'] } }),
  ];
  // The view holds hmi-03 and fgs-ls-01; sis-ls-01 and sis-ls-02 are hidden in the collapsed z-sis.
  const place = (id: string, zone: string | null): Placed =>
    (['hmi-03', 'fgs-ls-01'].includes(id) ? { node: id } : id.startsWith('sis-') ? { node: 'z-sis' } : { address: id, zone });

  it('draws one edge per finding between its placed ends, classed by category, labelled with what was seen', () => {
    const { edges } = overlayElements(findings, place);
    expect(edges.map((e) => [e.data.id, e.data.source, e.data.target, e.classes, e.data.label, e.data.bend])).toEqual([
      ['traffic:a', 'hmi-03', 'z-sis', 'traffic traffic-edge traffic-safety', 'tcp/502 ×4', 46],
      ['traffic:b', '10.21.0.99', 'z-sis', 'traffic traffic-edge traffic-safety', 'udp/1502 ×5', 46],
      // The second edge between the same two ends bows further.
      ['traffic:c', 'hmi-03', 'z-sis', 'traffic traffic-edge traffic-denied', 'icmp ×1', 80],
      ['traffic:d', 'fgs-ls-01', 'z-sis', 'traffic traffic-edge traffic-unseen', 'not seen · f-x', 46],
    ]);
  });

  it('adds one node per address no asset has, once, with its zone', () => {
    const { addresses } = overlayElements([...findings, findings[1]!], place);
    expect(addresses.map((a) => [a.definition.data.id, a.zone, a.definition.classes])).toEqual([['10.21.0.99', 'z-sis', 'traffic traffic-address']]);
  });

  it('counts every category, safety first, zero where there is none', () => {
    expect(TRAFFIC_CATEGORIES[0]!.rule).toBe('TRAFFIC-UNDECLARED-SAFETY');
    expect([...countByCategory(findings.slice(0, 2))]).toEqual([
      ['TRAFFIC-UNDECLARED-SAFETY', 2], ['TRAFFIC-UNDECLARED-CONDUIT', 0], ['TRAFFIC-SAFETY-FLOW-UNSEEN', 0], ['TRAFFIC-DENIED-BY-MODEL', 0],
    ]);
  });

  it('keeps the demo capture and the finding picked in the link, and nothing of a file', () => {
    const state = parseState('?tab=traffic&traffic=demo&tf=TRAFFIC-UNDECLARED-SAFETY%3Ahmi-03%3Asis-ls-01%3Atcp%2F502');
    expect([state.tab, state.traffic, state.tf]).toEqual(['traffic', 'demo', 'TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502']);
    expect(parseState(formatState(state))).toEqual(state);
    expect(parseState('?tab=traffic&traffic=upload.log&tf=x')).toMatchObject({ tab: 'traffic', traffic: undefined, tf: undefined });
    expect(parseState('?tab=nonsense').tab).toBe('explore');
  });
});
