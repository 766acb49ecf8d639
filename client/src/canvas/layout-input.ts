// What the Purdue layout needs to know about a view. Read from the graph after a collapse or a
// filter changed what is visible; read from the element definitions before anything is drawn, so
// a large view can be drawn chunk by chunk with every element already in its final place. Both
// list elements in the order Cytoscape stores them (nodes, then edges, each as given), so both
// give the layout the same input and so the same result.
import type { Core, ElementDefinition } from 'cytoscape';
import type { LayoutAsset, LayoutLink, LayoutZone } from '../layouts/purdue-layout.js';

export interface LayoutInput {
  zones: LayoutZone[];
  assets: LayoutAsset[];
  links: LayoutLink[];
}

interface Described {
  data: Record<string, unknown>;
  hasClass(name: string): boolean;
}

function collect(nodes: Described[], edges: Described[]): LayoutInput {
  const kind = (kind: string) => (e: Described) => e.data.kind === kind;
  return {
    zones: nodes.filter(kind('zone')).map((n) => {
      const summary = n.hasClass('summary');
      return { id: String(n.data.id), level: Number(n.data.purdueLevel), summary, label: String(summary ? n.data.summaryLabel : n.data.label) };
    }),
    assets: nodes.filter(kind('asset')).map((n) => ({ id: String(n.data.id), zone: String(n.data.parent), type: String(n.data.type) })),
    links: edges.filter(kind('conduit')).map((e) => ({ source: String(e.data.source), target: String(e.data.target) })),
  };
}

/** What is in the graph now, leaving out what a filter hides. */
export function inputFromGraph(cy: Core): LayoutInput {
  const visible = (selector: string) => cy.$(selector).not('.filtered').map((e) => ({ data: e.data() as Record<string, unknown>, hasClass: (c: string) => e.hasClass(c) }));
  return collect(visible('node'), visible('edge'));
}

/** What a view will hold once these definitions are added. */
export function inputFromDefinitions(defs: ElementDefinition[]): LayoutInput {
  const described = (d: ElementDefinition): Described => {
    const classes = new Set(String(d.classes ?? '').split(/\s+/));
    return { data: d.data as Record<string, unknown>, hasClass: (c) => classes.has(c) };
  };
  return collect(defs.filter((d) => d.group === 'nodes').map(described), defs.filter((d) => d.group === 'edges').map(described));
}
