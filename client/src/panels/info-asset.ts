// The info panel for one asset: what it is, where it sits, which SIFs need it, and its neighbours.
import { api } from '../api-client.js';
import { elementLink, h } from '../dom.js';
import { TYPE_LOOKS, familyOf, type AssetType } from '../theme.js';
import { facts, header, links, section, sifChips, silBadge, type PanelContext } from './panel-kit.js';

const ROLE_NAMES: Record<string, string> = { SENSOR: 'sensor', LOGIC: 'logic solver', FINAL_ELEMENT: 'final element' };

export async function assetPanel(id: string, ctx: PanelContext): Promise<HTMLElement> {
  const a = await api.asset(id);
  const look = TYPE_LOOKS[a.type as AssetType];
  const family = familyOf(a.type);
  const data = ctx.data(id);
  const dependents = (data?.sifs as Array<{ id: string; sil: number }> | undefined) ?? [];
  const flowPeers = new Set<string>();
  for (const f of a.flows) {
    const fd = ctx.data(f.id);
    if (fd) for (const end of [fd.source, fd.target, ...(fd.routesThrough as string[])]) if (end !== id) flowPeers.add(String(end));
  }
  const depthButtons = [1, 2, 3].map((d) =>
    h('button', { type: 'button', class: 'small', 'data-depth': d, onclick: () => ctx.neighbourhood(id, d) }, `${d} hop${d > 1 ? 's' : ''}`));
  return h('div', {},
    header(look?.name ?? a.type, a.name, a.id, h('span', { class: 'family-dot', style: `--dot:${family.color}` })),
    facts([
      ['Zone', elementLink(a.zone, ctx.goto)],
      ['IP address', a.ip ? h('code', {}, a.ip) : undefined],
      ['Vendor', a.vendor],
      ['Model', a.model],
      ['Version', a.version],
      ['Console', a.manned ? 'Always manned' : undefined],
    ]),
    a.sifs.length > 0 && section('Safety role',
      h('ul', { class: 'roles' }, ...a.sifs.map((s) => h('li', {},
        silBadge(s.sil), ' ', h('button', { type: 'button', class: 'link', onclick: () => ctx.showSif(s.id) }, s.id),
        ` — ${ROLE_NAMES[s.role] ?? s.role} in group “${s.group}”`)))),
    section('SIFs that depend on it', sifChips(dependents, ctx)),
    a.enforces.length > 0 && section('Enforces conduits', links(a.enforces, ctx)),
    section(`Flows (${a.flows.length})`, a.flows.length === 0 ? h('p', { class: 'muted' }, 'Takes part in no flow.')
      : h('ul', { class: 'links' }, ...a.flows.map((f) => h('li', {}, elementLink(f.id, ctx.goto), h('span', { class: 'muted' }, ` ${f.direction}`))))),
    section('Neighbours', links([...flowPeers].sort(), ctx, 'No neighbour over a flow in this view.')),
    section('Expand neighbourhood', h('div', { class: 'button-row' }, ...depthButtons),
      h('p', { class: 'hint' }, 'Shows the assets sharing a flow with it, and the firewalls on the way.')),
  );
}
