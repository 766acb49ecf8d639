// Domain, asset-type and zone filters: elements that do not match are hidden (not removed), so
// clearing a filter is instant. A zone filter keeps the zones one conduit away as context.
import type { Core, NodeCollection } from 'cytoscape';

export interface Filters {
  domain?: 'IT' | 'OT';
  type?: string;
  zone?: string;
}

export function applyFilters(cy: Core, f: Filters): void {
  cy.batch(() => {
    // Only where it is set: Cytoscape restyles every element removeClass is called on.
    cy.$('.filtered').removeClass('filtered');
    const zones = cy.nodes('.zone');
    let hidden: NodeCollection = cy.collection();
    if (f.domain) hidden = hidden.union(zones.filter((z) => z.data('domain') !== f.domain));
    if (f.zone) {
      const focus = cy.getElementById(f.zone);
      const keep = focus.union(focus.connectedEdges('.conduit').connectedNodes());
      hidden = hidden.union(zones.not(keep));
    }
    if (f.type) {
      cy.nodes('.asset').filter((a) => a.data('type') !== f.type).addClass('filtered');
      const empty = zones.filter((z) => (z.hasClass('summary') ? !z.data('typeCounts')[f.type!] : z.children().not('.filtered').empty()));
      hidden = hidden.union(empty);
    }
    hidden.union(hidden.descendants()).addClass('filtered');
  });
}

export const isFiltering = (f: Filters) => Boolean(f.domain || f.type || f.zone);
