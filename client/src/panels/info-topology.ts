// Info panels for zones, conduits and flows.
import { api } from '../api-client.js';
import { assuranceApi } from '../assurance/assurance-api.js';
import { elementLink, h } from '../dom.js';
import { COLORS } from '../theme.js';
import { endpointText, facts, header, links, section, sifChips, warning, type PanelContext } from './panel-kit.js';

type Sifs = Array<{ id: string; sil: number }>;
const levelText = (level: number) => (level === 3.5 ? '3.5 (IT/OT DMZ)' : String(level));

/** The zone's SL vector from the controls; a site without the 62443 catalogue, or a refusal, says so. */
async function securityLevel(id: string, ctx: PanelContext): Promise<HTMLElement> {
  const title = `Security level from the controls, as of ${ctx.asOf()}`;
  try {
    const [level] = await assuranceApi.zones(ctx.asOf(), [id]);
    if (!level || level.vector.length === 0) return section(title, h('p', { class: 'muted' }, 'No IEC 62443-3-3 catalogue is loaded: no SL vector.'));
    // The charting code is loaded on first use: the topology does not wait for it.
    const { zoneLevelSection } = await import('../assurance/zone-level.js');
    return section(title, zoneLevelSection(level));
  } catch (error) {
    return section(title, h('p', { class: 'muted' }, `Not available: ${error instanceof Error ? error.message : String(error)}`));
  }
}

export async function zonePanel(id: string, ctx: PanelContext): Promise<HTMLElement> {
  const [z, level] = await Promise.all([api.zone(id), securityLevel(id, ctx)]);
  const data = ctx.data(id);
  const collapsed = ctx.isCollapsed(id) || Boolean(data?.summary);
  return h('div', {},
    header(z.safety ? 'Safety zone' : `${z.domain} zone`, z.name, z.id, z.safety ? h('span', { class: 'tag safety' }, 'SAFETY') : h('span')),
    facts([
      ['Purdue level', levelText(z.purdueLevel)],
      ['Domain', z.domain],
      ['SL-T / SL-A', h('span', {}, `${z.slTarget} / ${z.slAchieved}`)],
      ['CIDR', z.cidr ? h('code', {}, z.cidr) : undefined],
    ]),
    z.slAchieved < z.slTarget && warning(`Achieved security level ${z.slAchieved} is below its target ${z.slTarget}.`),
    z.description ? h('p', { class: 'description' }, z.description) : false,
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'small', id: 'zone-toggle', onclick: () => ctx.toggleZone(id) }, collapsed ? 'Expand zone' : 'Collapse zone')),
    section('SIFs that depend on it', sifChips((data?.sifs as Sifs | undefined) ?? [], ctx)),
    level,
    section(`Conduits (${z.conduits.length})`, z.conduits.length === 0 ? h('p', { class: 'muted' }, 'No conduit.')
      : h('ul', { class: 'links' }, ...z.conduits.map((c) => h('li', {}, elementLink(c.id, ctx.goto), h('span', { class: 'muted' }, ' to '), elementLink(c.otherZone, ctx.goto))))),
    section(`Assets (${z.assets.length})`, z.assets.length === 0 ? h('p', { class: 'muted' }, 'No asset.')
      : h('ul', { class: 'links' }, ...z.assets.map((a) => h('li', {}, elementLink(a.id, ctx.goto), h('span', { class: 'muted' }, ` ${a.name}`))))),
  );
}

export async function conduitPanel(id: string, ctx: PanelContext): Promise<HTMLElement> {
  const c = await api.conduit(id);
  const data = ctx.data(id) ?? {};
  const rows = c.rules.map((r) => h('tr', { class: `rule ${r.action}`, 'data-rule': r.id, title: r.description ?? '' },
    h('td', { class: 'num' }, String(r.seq)),
    h('td', {}, h('span', { class: `action ${r.action}` }, r.action)),
    h('td', {}, r.protocol),
    h('td', {}, endpointText(r.src)),
    h('td', {}, endpointText(r.dst)),
    h('td', {}, String(r.ports))));
  return h('div', {},
    header('Conduit', c.name, c.id, data.safety ? h('span', { class: 'tag safety' }, 'SAFETY') : h('span')),
    facts([
      ['Zones', h('span', {}, elementLink(c.zones[0], ctx.goto), ' ↔ ', elementLink(c.zones[1], ctx.goto))],
      ['SL-T', String(c.slTarget)],
      ['Firewalls', c.firewalls.length ? h('span', {}, ...c.firewalls.flatMap((f, i) => [i ? ', ' : '', elementLink(f, ctx.goto)])) : 'none'],
      ['Default action', h('span', { class: `action ${c.defaultAction}` }, c.defaultAction)],
    ]),
    Number(data.purdueSpan) > 1 && warning(`Spans ${String(data.purdueSpan)} Purdue levels: traffic skips a layer of the model.`),
    data.bypassesDmz === true && warning('Bypasses the IT/OT DMZ: sessions cross IT/OT without terminating in level 3.5.'),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'primary small', id: 'try-change', onclick: () => ctx.tryConduitChange(id) }, 'Try a change on this conduit →')),
    section(`Rules, first match wins (${c.rules.length})`,
      h('table', { class: 'rules' },
        h('thead', {}, h('tr', {}, ...['#', 'Action', 'Proto', 'Source', 'Destination', 'Ports'].map((t) => h('th', {}, t)))),
        h('tbody', {}, ...rows,
          h('tr', { class: 'default' }, h('td', { colspan: 6 }, 'Otherwise: ', h('span', { class: `action ${c.defaultAction}` }, c.defaultAction), ' (default action)'))))),
    section('SIFs that depend on it', sifChips((data.sifs as Sifs | undefined) ?? [], ctx)),
  );
}

export async function flowPanel(id: string, ctx: PanelContext): Promise<HTMLElement> {
  const f = await api.flow(id);
  return h('div', {},
    header(f.safetyRequired ? 'Safety-required flow' : 'Flow', f.name ?? f.id, f.id,
      f.safetyRequired ? h('span', { class: 'tag safety' }, 'SAFETY') : h('span')),
    facts([
      ['From', elementLink(f.from, ctx.goto)],
      ['To', elementLink(f.to, ctx.goto)],
      ['Protocol', `${f.protocol}${f.port ? `/${f.port}` : ''}`],
      ['Purpose', f.purpose],
    ]),
    section('Crosses conduits, in order', links(f.via, ctx, 'Stays inside one zone.')),
    f.routesThrough.length > 0 && section('Routes through', links(f.routesThrough, ctx)),
    section('SIFs that depend on it', sifChips(f.sifs, ctx)),
    f.procedures.length > 0 && section('Procedures that depend on it', h('ul', { class: 'links' }, ...f.procedures.map((p) => h('li', {}, h('code', {}, p))))),
  );
}

export function overviewPanel(counts: { zones: number; assets: number; conduits: number; flows: number }, collapsed: number): HTMLElement {
  return h('div', { class: 'overview' },
    header('Site overview', 'Zones, conduits and safety paths', 'click anything on the canvas'),
    facts([['Zones', String(counts.zones)], ['Assets', String(counts.assets)], ['Conduits', String(counts.conduits)], ['Flows', String(counts.flows)]]),
    collapsed > 0 ? h('p', { class: 'hint' }, `${collapsed} zones are shown as summaries to keep this large view fast. Double-click one to open it.`) : false,
    section('Where to start',
      h('ol', { class: 'steps' },
        h('li', {}, 'Safety zones have a ', h('strong', { style: `color:${COLORS.safety}` }, 'red border'), '; SIS logic solvers are red octagons.'),
        h('li', {}, 'Pick a SIF on the left to light up its safety path.'),
        h('li', {}, 'Click a conduit, then “Try a change on this conduit” to see which safety path a firewall change would break.'),
        h('li', {}, 'Search an id, name or IP address at the top.'))),
  );
}
