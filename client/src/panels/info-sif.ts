// The info panel for a SIF whose safety path is highlighted: its voting groups, and every flow,
// conduit and firewall the path depends on.
import type { SifGraphT } from '../../../server/views/view-schema.js';
import { elementLink, h } from '../dom.js';
import { facts, header, links, section, silBadge, type PanelContext } from './panel-kit.js';

const ROLE_TITLES: Record<string, string> = { SENSOR: 'Sensors', LOGIC: 'Logic solver', FINAL_ELEMENT: 'Final elements' };

export function sifPanel(graph: SifGraphT, ctx: PanelContext, clear: () => void): HTMLElement {
  const { sif, elements } = graph;
  const flows = elements.flatMap((e) => (e.data.kind === 'flow' ? [e.data] : []));
  const conduits = elements.flatMap((e) => (e.data.kind === 'conduit' ? [e.data] : []));
  const firewalls = [...new Set(conduits.flatMap((c) => c.firewalls))];
  return h('div', { class: 'sif-panel' },
    header('Safety instrumented function', sif.name, sif.id, silBadge(sif.sil)),
    facts([
      ['Hazard', sif.hazard],
      ['Response time', sif.responseTimeMs ? `${sif.responseTimeMs} ms` : undefined],
      ['Proof test', sif.proofTestMonths ? `every ${sif.proofTestMonths} months` : undefined],
    ]),
    h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'small', id: 'clear-sif', onclick: clear }, 'Clear highlight')),
    section('Voting groups',
      h('ol', { class: 'groups' }, ...sif.groups.map((g) => h('li', { class: `group role-${g.role.toLowerCase()}` },
        h('div', { class: 'group-head' }, h('strong', {}, ROLE_TITLES[g.role] ?? g.role), h('span', { class: 'voting', title: 'M out of N channels must act' }, g.voting), h('span', { class: 'muted' }, g.id)),
        h('div', { class: 'group-members' }, ...g.elements.flatMap((id, i) => [i ? ' ' : '', elementLink(id, ctx.goto)])))))),
    section(`Flows it depends on (${flows.length})`, flows.length === 0 ? h('p', { class: 'muted' }, 'None: its elements are hard-wired.')
      : h('ul', { class: 'links' }, ...flows.map((f) => h('li', {},
        elementLink(f.id, ctx.goto),
        h('div', { class: 'muted small' }, `${f.source} → ${f.target} · ${f.label}${f.via.length ? ` · via ${f.via.join(', ')}` : ''}`))))),
    section('Conduits crossed', links(conduits.map((c) => c.id), ctx, 'None.')),
    section('Firewalls on the path', links(firewalls, ctx, 'None.')),
    sif.procedures.length > 0 && section('Backed up by procedures', h('ul', { class: 'links' }, ...sif.procedures.map((p) => h('li', {}, h('code', {}, p))))),
  );
}
