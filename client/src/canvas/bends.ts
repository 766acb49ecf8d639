// Spreads parallel edges (two conduits between the same zones, two flows between the same
// assets) apart. Every edge is drawn as an unbundled bezier with its own bend: Cytoscape's
// bundled beziers can throw when edges of one bundle are shown and hidden independently
// (cytoscape.js#3324), which flows are, constantly.

export interface BendEdge {
  kind: string;
  source: string;
  target: string;
}

/** The bend of each edge, in the order given. */
export function bends(edges: BendEdge[]): number[] {
  const groups = new Map<string, number[]>();
  edges.forEach((e, i) => {
    const [a, b] = [e.source, e.target].sort();
    const key = `${e.kind}|${a}|${b}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const out = new Array<number>(edges.length).fill(0);
  for (const members of groups.values()) {
    const step = edges[members[0]!]!.kind === 'conduit' ? 64 : 30;
    members.forEach((index, i) => {
      const bend = (i - (members.length - 1) / 2) * step;
      const e = edges[index]!;
      // The bend is measured to the left of source→target, so reversed edges flip it.
      out[index] = e.source < e.target ? bend : -bend;
    });
  }
  return out;
}
