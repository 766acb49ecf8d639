// Which SIFs depend on each asset, flow, conduit and zone: the inverse of every SIF's safety path
// (DOMAIN.md: elements, the flows it depends on directly or through a procedure that backs it up,
// the conduits those flows cross, the firewalls enforcing them, the devices they route through).
// Pure: built from graph/safety-dependencies rows.
import type { SifRefT } from './view-schema.js';

export interface SifDependencyRow {
  id: string;
  sil: number;
  elements: string[];
  flows: string[];
  conduits: string[];
  /** Flow endpoints, routing devices and the firewalls enforcing crossed conduits. */
  pathAssets: string[];
  zones: string[];
}

export interface SafetyIndex {
  assets: ReadonlyMap<string, SifRefT[]>;
  flows: ReadonlyMap<string, SifRefT[]>;
  conduits: ReadonlyMap<string, SifRefT[]>;
  zones: ReadonlyMap<string, SifRefT[]>;
  /** Assets that are an element of at least one SIF. */
  elements: ReadonlySet<string>;
}

export function safetyIndex(rows: readonly SifDependencyRow[]): SafetyIndex {
  const assets = new Map<string, SifRefT[]>();
  const flows = new Map<string, SifRefT[]>();
  const conduits = new Map<string, SifRefT[]>();
  const zones = new Map<string, SifRefT[]>();
  const elements = new Set<string>();
  // Highest SIL first, so lists read in order of what is at stake.
  const sorted = [...rows].sort((a, b) => b.sil - a.sil || a.id.localeCompare(b.id));
  for (const row of sorted) {
    const ref = { id: row.id, sil: row.sil };
    for (const id of new Set([...row.elements, ...row.pathAssets])) push(assets, id, ref);
    for (const id of row.elements) elements.add(id);
    for (const id of new Set(row.flows)) push(flows, id, ref);
    for (const id of new Set(row.conduits)) push(conduits, id, ref);
    for (const id of new Set(row.zones)) push(zones, id, ref);
  }
  return { assets, flows, conduits, zones, elements };
}

function push(map: Map<string, SifRefT[]>, key: string, ref: SifRefT): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

export const EMPTY_SAFETY_INDEX: SafetyIndex = safetyIndex([]);
