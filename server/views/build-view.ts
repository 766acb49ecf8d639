// Assembles a whole graph view from rows: decides which zones collapse into summaries, then
// shapes every element, leaving out anything whose endpoints are not in the view (Cytoscape
// refuses an edge to a missing node). Pure.
import type { CollapseMode, GraphElementT, GraphViewT } from './view-schema.js';
import {
  assetElement, conduitElement, flowElement, zoneElement,
  type AssetRow, type ConduitRow, type FlowRow, type ZoneFacts, type ZoneRow,
} from './elements.js';
import type { SafetyIndex } from './safety-index.js';

/**
 * Above this many nodes and conduits, `collapse=auto` turns zones into summaries: a canvas of
 * several thousand labelled nodes is unreadable anyway, and the summary keeps the page fast.
 */
export const COLLAPSE_THRESHOLD = 3000;

export interface ViewRows {
  zones: ZoneRow[];
  assets: AssetRow[];
  conduits: ConduitRow[];
  flows: FlowRow[];
}

/** The zones to show as summaries, from the size the full view would have. */
export function collapsedZones(mode: CollapseMode, zones: readonly ZoneRow[], conduitCount: number, expand: readonly string[] = []): string[] {
  const keep = new Set(expand);
  const ids = zones.map((z) => String(z.props.id)).filter((id) => !keep.has(id));
  if (mode === 'none') return [];
  if (mode === 'all') return ids;
  const size = zones.length + conduitCount + zones.reduce((n, z) => n + z.assetCount, 0);
  return size > COLLAPSE_THRESHOLD ? ids : [];
}

export function buildView(rows: ViewRows, safety: SafetyIndex, collapsed: readonly string[] = [], truncated = false): GraphViewT {
  const summary = new Set(collapsed);
  const zoneFacts = new Map<string, ZoneFacts>();
  const elements: GraphElementT[] = [];
  for (const row of rows.zones) {
    const id = String(row.props.id);
    zoneFacts.set(id, { purdueLevel: Number(row.props.purdueLevel), domain: row.props.domain === 'IT' ? 'IT' : 'OT', safety: row.props.safety === true });
    elements.push(zoneElement(row, summary.has(id), safety));
  }
  const assetIds = new Set<string>();
  for (const row of rows.assets) {
    const zone = zoneFacts.get(row.zone);
    if (!zone || summary.has(row.zone)) continue;
    assetIds.add(String(row.props.id));
    elements.push(assetElement(row, zone.domain, safety));
  }
  let conduits = 0;
  for (const row of rows.conduits) {
    const element = conduitElement(row, zoneFacts, safety);
    if (!element) continue;
    conduits += 1;
    elements.push(element);
  }
  let flows = 0;
  for (const row of rows.flows) {
    if (!assetIds.has(row.from) || !assetIds.has(row.to)) continue;
    flows += 1;
    elements.push(flowElement(row, safety));
  }
  return {
    elements,
    collapsed: rows.zones.map((z) => String(z.props.id)).filter((id) => summary.has(id)),
    counts: {
      zones: rows.zones.length,
      assets: assetIds.size + rows.zones.reduce((n, z) => n + (summary.has(String(z.props.id)) ? z.assetCount : 0), 0),
      conduits,
      flows,
      elements: elements.length,
    },
    truncated,
  };
}
