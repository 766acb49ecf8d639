// Building blocks of the board report page: sections that say where their figures come from,
// plain tables that read in black and white.
import { h } from '../dom.js';

type Cell = Node | string | number;

export function reportSection(id: string, title: string, route: string, ...body: Array<Node | false>): HTMLElement {
  return h('section', { class: 'report-section', id },
    h('h2', {}, title),
    ...body.filter((b): b is Node => b !== false),
    h('p', { class: 'report-source' }, 'Source: ', h('code', {}, route)));
}

export function reportTable(head: string[], rows: Cell[][], attrs: Record<string, string> = {}, rowAttrs: Array<Record<string, string>> = []): HTMLTableElement {
  return h('table', { class: 'report-table', ...attrs },
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows.map((r, i) => h('tr', rowAttrs[i] ?? {}, ...r.map((c) => h('td', {}, typeof c === 'number' ? String(c) : c))))));
}

export const list = (ids: string[], none = 'none') => (ids.length === 0 ? none : ids.join(', '));
export const fmtPct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} %`);
export const fmt1 = (n: number | null) => (n === null ? '–' : n.toFixed(1));
