// Zones: every zone's security level from the controls (SL-C against SL-T, SL-A not supported),
// biggest gap first; a zone opens its SL vector chart and missing SRs/REs; the topology can colour
// every zone by its gap.
import { h, replace } from '../dom.js';
import { assuranceApi } from './assurance-api.js';
import type { AreaContext } from './area-context.js';
import { panelHead, source, viewHead } from './view-kit.js';
import { slGap } from './sl-gap.js';
import { zoneLevelSection } from './zone-level.js';

export async function zonesView(ctx: AreaContext): Promise<void> {
  const zones = await assuranceApi.zones(ctx.asOf);
  const sorted = [...zones].sort((a, b) => slGap(b) - slGap(a) || b.purdueLevel - a.purdueLevel || (a.zone < b.zone ? -1 : 1));
  const open = (id: string) => {
    const z = zones.find((x) => x.zone === id)!;
    replace(ctx.detail, panelHead(`${z.domain} zone · Purdue ${z.purdueLevel}`, z.name, z.zone), zoneLevelSection(z),
      h('button', { type: 'button', class: 'small primary', onclick: () => ctx.showZoneGap(z.zone) }, 'Show on the topology'),
      source(`/api/assurance/zones?asOf=${ctx.asOf}&zones=${z.zone}`));
  };
  replace(ctx.main,
    viewHead('Zones', `Capability security level (SL-C) from the controls, per IEC 62443-3-3, as of ${ctx.asOf}: the highest level whose SRs and REs are all covered, per FR; a zone's SL-C is the lowest.`,
      h('button', { type: 'button', class: 'small primary no-print', id: 'colour-topology', onclick: () => ctx.showZoneGap() }, 'Colour the topology by SL gap')),
    h('table', { class: 'grid', id: 'zones-table' },
      h('thead', {}, h('tr', {}, ...['Zone', 'Domain', 'Purdue', 'SL-T', 'SL-C', 'SL-A', 'Gap', 'Vector FR1–FR7', 'Flags'].map((t) => h('th', {}, t)))),
      h('tbody', {}, ...sorted.map((z) => h('tr', { 'data-zone': z.zone, class: `gap-${Math.min(2, slGap(z))}`, onclick: () => open(z.zone) },
        h('td', {}, h('code', {}, z.zone), h('div', { class: 'small muted' }, z.name)),
        h('td', {}, z.domain), h('td', {}, String(z.purdueLevel)),
        h('td', { class: 'sl-t' }, String(z.slTarget)), h('td', { class: 'sl-c' }, String(z.slC)), h('td', {}, String(z.slAchieved)),
        h('td', { class: 'sl-gap' }, String(slGap(z))),
        h('td', { class: 'vector' }, h('code', {}, z.vector.map((v) => v.slC).join(' '))),
        h('td', { class: 'small' }, z.slANotSupported ? 'SL-A not supported' : '', z.safety ? ' safety zone' : ''))))),
    source(`/api/assurance/zones?asOf=${ctx.asOf}`));
  const first = sorted[0];
  if (first) open(first.zone);
  else replace(ctx.detail, h('p', { class: 'muted' }, 'No zone.'));
}
