// Building blocks shared by the info panel's views.
import { badge, elementLink, h } from '../dom.js';
import { SIL_COLORS } from '../theme.js';

export interface PanelContext {
  /** Select and centre an element of the graph. */
  goto(id: string): void;
  showSif(id: string): void;
  neighbourhood(id: string, depth: number): void;
  tryConduitChange(id: string): void;
  toggleZone(id: string): void;
  isCollapsed(id: string): boolean;
  /** Data of an element in the current view, if it is there. */
  data(id: string): Record<string, unknown> | undefined;
  /** The date assurance numbers (a zone's SL-C) are as of. */
  asOf(): string;
}

export function header(kicker: string, title: string, id: string, ...extra: Node[]): HTMLElement {
  return h('header', { class: 'info-head' }, h('div', { class: 'kicker' }, kicker), h('h2', {}, title), h('code', { class: 'id' }, id), ...extra);
}

export function section(title: string, ...body: Array<Node | string | false | undefined | Node[]>): HTMLElement {
  return h('section', { class: 'info-section' }, h('h3', {}, title), ...body);
}

export function facts(rows: Array<[string, Node | string | number | undefined | false]>): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.filter(([, v]) => v !== undefined && v !== false && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v as Node | string)]));
}

export const silBadge = (sil: number) => badge(`SIL ${sil}`, SIL_COLORS[sil] ?? '#868e96', `Safety integrity level ${sil}`);

/** SIFs as clickable chips, highest SIL first. */
export function sifChips(sifs: Array<{ id: string; sil: number }>, ctx: PanelContext): HTMLElement {
  if (sifs.length === 0) return h('p', { class: 'muted' }, 'No SIF depends on it.');
  return h('ul', { class: 'chips' }, ...sifs.map((s) =>
    h('li', {}, h('button', { type: 'button', class: 'chip', 'data-sif': s.id, onclick: () => ctx.showSif(s.id) }, silBadge(s.sil), ` ${s.id}`))));
}

export function links(ids: string[], ctx: PanelContext, empty = 'None.'): HTMLElement {
  if (ids.length === 0) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'links' }, ...ids.map((id) => h('li', {}, elementLink(id, ctx.goto))));
}

export function endpointText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'asset' in e) return String((e as { asset: string }).asset);
  if (e && typeof e === 'object' && 'zone' in e) return `zone ${(e as { zone: string }).zone}`;
  return String(e);
}

export function warning(text: string): HTMLElement {
  return h('p', { class: 'warning' }, h('span', { 'aria-hidden': 'true' }, '▲ '), text);
}
