// Builds the ordered path of a finding (node ids and edge ids, DOMAIN.md §4) from query rows.
// Pure: the front end highlights these ids in whatever view is open.

export interface Crossing {
  conduit: string;
  zones: string[];
}

/** Zones a flow passes through, in order: its source zone, then the far end of each conduit. */
export function zoneChain(fromZone: string, crossings: ReadonlyArray<Crossing>): string[] {
  const chain = [fromZone];
  for (const c of crossings) {
    const at = chain[chain.length - 1];
    chain.push(c.zones.find((z) => z !== at) ?? c.zones[1] ?? at!);
  }
  return chain;
}

export interface FlowPathInput {
  flow: string;
  from: string;
  to: string;
  fromZone: string;
  crossings: ReadonlyArray<Crossing>;
  extraNodes?: ReadonlyArray<string | null | undefined>;
}

export function flowPath(input: FlowPathInput): { nodes: string[]; edges: string[] } {
  const zones = zoneChain(input.fromZone, input.crossings);
  const nodes = [input.from, ...zones, input.to, ...(input.extraNodes ?? []).filter((x): x is string => !!x)];
  return { nodes: dedupe(nodes), edges: [input.flow, ...input.crossings.map((c) => c.conduit)] };
}

export function dedupe(ids: ReadonlyArray<string>): string[] {
  return [...new Set(ids)];
}
