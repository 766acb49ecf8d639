// Highlighting a path (a SIF's safety path, a finding's path, a neighbourhood): the path's
// elements light up, the zones around them stay legible, everything else fades.
import type { CollectionReturnValue, Core } from 'cytoscape';
import type { Severity } from '../theme.js';

export interface PathIds {
  nodes: string[];
  edges: string[];
}

const SEVERITY_CLASSES = ['sev-CRITICAL', 'sev-HIGH', 'sev-MEDIUM', 'sev-LOW', 'sev-INFO'];
const PATH_CLASSES = ['hl', 'faded', 'hl-context', ...SEVERITY_CLASSES];

export function clearHighlight(cy: Core): void {
  cy.batch(() => {
    // Only where they are set: Cytoscape restyles every element removeClass is called on.
    cy.$(PATH_CLASSES.map((c) => `.${c}`).join(', ')).removeClass(PATH_CLASSES);
    cy.nodes('[roleLabel]').removeData('roleLabel');
  });
}

/** The elements in view standing in for one that is not, e.g. the summary zone holding an asset. */
export type StandIn = (id: string) => string[];

/**
 * Highlights the given ids. A firewall rule id selects the conduit that carries it (rules are not
 * drawn); an element hidden in a zone shown as a summary (collapsed in the browser or summarised
 * by the server) lights up that zone, so the path stays visible;
 * other ids not in the view (SIFs, procedures) are ignored. Returns what was highlighted.
 */
export function highlight(cy: Core, ids: PathIds, severity?: Severity, standIn: StandIn = () => []): CollectionReturnValue {
  clearHighlight(cy);
  let hl = cy.collection();
  const ruleOwner = new Map<string, string>();
  cy.edges('.conduit').forEach((e) => {
    for (const rule of e.data('rules') as string[]) ruleOwner.set(rule, e.id());
  });
  for (const id of [...ids.nodes, ...ids.edges]) {
    const el = cy.getElementById(id);
    const owner = ruleOwner.get(id);
    if (el.nonempty()) hl = hl.union(el);
    else if (owner) hl = hl.union(cy.getElementById(owner));
    else for (const zone of standIn(id)) hl = hl.union(cy.getElementById(zone));
  }
  const context = hl.nodes().ancestors();
  cy.batch(() => {
    cy.elements().not(hl).not(context).addClass('faded');
    hl.addClass(severity ? ['hl', `sev-${severity}`] : ['hl']);
    context.addClass('hl-context');
  });
  return hl;
}

/** The ids currently highlighted, sorted: what the browser tests compare against the API. */
export function highlightedIds(cy: Core): string[] {
  return cy.$('.hl').map((e) => e.id()).sort();
}
