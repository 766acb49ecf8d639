// Building blocks shared by the Assurance views: status, rating and currency chips (colour and a
// word, so they read in black and white), numbers as the API gives them, small tables.
import { h } from '../dom.js';

type Child = Node | string | number | false | null | undefined;

export const STATUS_COLORS: Record<string, string> = {
  met: '#2b8a3e', partial: '#e67700', 'not-met': '#c92a2a', gap: '#868e96',
  implemented: '#2b8a3e', planned: '#1971c2', 'not-implemented': '#c92a2a',
  fresh: '#2b8a3e', due: '#e67700', expired: '#c92a2a', absent: '#868e96',
  achieved: '#2b8a3e', 'partially-achieved': '#e67700', 'not-achieved': '#c92a2a',
  treated: '#2b8a3e', open: '#c92a2a',
};
export const STATUS_WORDS: Record<string, string> = {
  met: 'met', partial: 'partial', 'not-met': 'not met', gap: 'gap', implemented: 'implemented', planned: 'planned', 'not-implemented': 'not implemented',
  fresh: 'fresh', due: 'due ≤ 30 d', expired: 'expired', absent: 'never collected',
  achieved: 'Achieved', 'partially-achieved': 'Partially achieved', 'not-achieved': 'Not achieved',
};

/** A status as a chip: its colour, and its word for print and for colour-blind readers. */
export function chip(status: string, prefix = '', title?: string): HTMLSpanElement {
  return h('span', { class: `st st-${status}`, style: `--st:${STATUS_COLORS[status] ?? '#495057'}`, 'data-status': status, title }, `${prefix}${STATUS_WORDS[status] ?? status}`);
}

export const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} %`);
export const num1 = (n: number | null) => (n === null ? '–' : n.toFixed(1));

export function table(head: string[], rows: Child[][], attrs: Record<string, string> = {}): HTMLTableElement {
  return h('table', { class: 'grid', ...attrs },
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))));
}

export function panelHead(kicker: string, title: string, id?: string): HTMLElement {
  return h('header', { class: 'info-head' }, h('div', { class: 'kicker' }, kicker), h('h2', {}, title), id ? h('code', { class: 'id' }, id) : false);
}

/** Where a number on screen comes from: the route, so anyone can check it. */
export const source = (route: string) => h('p', { class: 'source' }, 'From ', h('code', {}, route));

export function viewHead(title: string, hint: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'view-head' }, h('h1', {}, title), h('p', { class: 'hint' }, hint), ...extra.filter(Boolean).map((e) => e as Node | string));
}
