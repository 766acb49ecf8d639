// Shapes the traffic findings into Cytoscape elements drawn over the topology: one edge per
// finding between the ends it concerns, and a node for each address no asset has. Pure: where an
// end is drawn (the asset, the zone standing in for it, or an address node) comes from `place`.
import type { ElementDefinition } from 'cytoscape';
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import { categoryOf } from './categories.js';

/** Where an end of a finding is drawn: an element of the view, or an address node to add. */
export type Placed = { node: string } | { address: string; zone: string | null };

export type Place = (id: string, zone: string | null) => Placed;

export const TRAFFIC_EDGE_PREFIX = 'traffic:';
export const trafficEdgeId = (findingId: string) => `${TRAFFIC_EDGE_PREFIX}${findingId}`;

/** The two ends of a finding (asset id, or the address when no asset has it) and their zones. */
export function endsOf(f: TrafficFinding): { src: string; dst: string; srcZone: string | null; dstZone: string | null } | undefined {
  if (f.observed) {
    const o = f.observed;
    return { src: o.srcAsset ?? o.src, dst: o.dstAsset ?? o.dst, srcZone: o.srcZone, dstZone: o.dstZone };
  }
  // A declared flow never seen: its path starts with the flow's two assets.
  const [src, dst] = f.path.nodes;
  return src && dst ? { src, dst, srcZone: null, dstZone: null } : undefined;
}

function service(f: TrafficFinding): string {
  const o = f.observed;
  if (!o) return `not seen${f.flow ? ` · ${f.flow}` : ''}`;
  return `${o.port === null ? o.protocol : `${o.protocol}/${o.port}`} ×${o.count}`;
}

export interface OverlayElements {
  edges: ElementDefinition[];
  /** Address nodes with the zone they sit in, if any; positioned by the caller. */
  addresses: Array<{ definition: ElementDefinition; zone: string | null }>;
}

/**
 * How far an edge bows from the straight line, in graph units: never straight, so it stays clear
 * of the conduit or flow joining the same two ends, and further for each more between them.
 */
const BEND = { first: 46, step: 34 };

export function overlayElements(findings: readonly TrafficFinding[], place: Place): OverlayElements {
  const addresses = new Map<string, { definition: ElementDefinition; zone: string | null }>();
  const nodeFor = (id: string, zone: string | null): string => {
    const placed = place(id, zone);
    if ('node' in placed) return placed.node;
    if (!addresses.has(placed.address)) {
      addresses.set(placed.address, {
        zone: placed.zone,
        definition: {
          group: 'nodes',
          data: { id: placed.address, kind: 'traffic-address', label: `${placed.address}\nno asset · ${placed.zone ?? 'no zone'}` },
          classes: 'traffic traffic-address',
        },
      });
    }
    return placed.address;
  };
  const edges: ElementDefinition[] = [];
  const between = new Map<string, number>();
  for (const f of findings) {
    const ends = endsOf(f);
    if (!ends) continue;
    const category = categoryOf(f.rule);
    const source = nodeFor(ends.src, ends.srcZone);
    const target = nodeFor(ends.dst, ends.dstZone);
    const pair = [source, target].sort().join('|');
    const k = between.get(pair) ?? 0;
    between.set(pair, k + 1);
    edges.push({
      group: 'edges',
      data: {
        id: trafficEdgeId(f.id), kind: 'traffic', finding: f.id, rule: f.rule, severity: f.severity,
        source, target, label: service(f), bend: BEND.first + BEND.step * k,
      },
      classes: `traffic traffic-edge traffic-${category.key}`,
    });
  }
  return { edges, addresses: [...addresses.values()] };
}
