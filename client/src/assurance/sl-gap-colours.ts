// Colours the topology's zones by their security-level gap from the controls: SL-T − SL-C of
// /assurance/zones (0: meets its target; 1; 2 or more). The classes are styled in the canvas
// stylesheet; the zone keeps its border (safety, below-target) so both readings stay visible.
import type { Core } from 'cytoscape';
import { assuranceApi } from './assurance-api.js';
import { slGap } from './sl-gap.js';

const CLASSES = ['slgap-0', 'slgap-1', 'slgap-2'];

export function clearZoneGaps(cy: Core): void {
  cy.batch(() => cy.nodes('.zone').removeClass(CLASSES).removeData('slGap'));
}

/** Returns the gap per zone id, as coloured. */
export async function colourZoneGaps(cy: Core, asOf: string): Promise<Map<string, number>> {
  const zones = await assuranceApi.zones(asOf);
  const gaps = new Map(zones.map((z) => [z.zone, slGap(z)]));
  cy.batch(() => {
    cy.nodes('.zone').removeClass(CLASSES);
    for (const [zone, gap] of gaps) cy.getElementById(zone).addClass(`slgap-${Math.min(2, gap)}`).data('slGap', gap);
  });
  return gaps;
}
