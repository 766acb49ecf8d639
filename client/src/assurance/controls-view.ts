// Control baseline: one table of every control — domain, frameworks served, status and maturity
// per domain, evidence currency, inconsistency flags — sortable, filterable and paged (50 rows a
// page, so a 1,000-control baseline draws as fast as a small one). A control opens its detail:
// where it applies, shown on the topology on request.
import { h, replace } from '../dom.js';
import { assuranceApi } from './assurance-api.js';
import { CONTROL_SORTS, type ControlSort } from './assurance-state.js';
import type { AreaContext } from './area-context.js';
import { controlRows, filterAndSort, pageOf, type ControlRow } from './control-rows.js';
import { controlWhy } from './requirement-why.js';
import { chip, panelHead, source, viewHead } from './view-kit.js';

const HEADINGS: Record<ControlSort, string> = { control: 'Control', domain: 'Domain', status: 'Status per domain', maturity: 'Maturity', currency: 'Evidence', flags: 'Flags' };
let cache: { asOf: string; rows: ControlRow[] } | undefined;

async function rowsFor(asOf: string): Promise<ControlRow[]> {
  if (cache?.asOf !== asOf) {
    const [controls, scopes, found] = await Promise.all([assuranceApi.controls(asOf), assuranceApi.controlScope(), assuranceApi.inconsistencies(asOf)]);
    cache = { asOf, rows: controlRows(controls, scopes, found) };
  }
  return cache.rows;
}

function rowOf(r: ControlRow, ctx: AreaContext): HTMLElement {
  const domains = (['IT', 'OT'] as const).filter((d) => r.byDomain[d]);
  return h('tr', { 'data-control': r.control, class: ctx.state.ctl === r.control ? 'active' : '', onclick: () => ctx.set({ ctl: r.control }, true) },
    h('td', {}, h('code', {}, r.control), h('div', { class: 'small muted' }, r.name)),
    h('td', { class: 'c-domain' }, r.domain),
    h('td', { class: 'c-frameworks small' }, r.frameworks.join(', ') || '–'),
    h('td', { class: 'c-status' }, ...domains.map((d) => h('div', { 'data-domain': d }, `${d} `, chip(r.byDomain[d]!.effective)))),
    h('td', { class: 'c-maturity' }, ...domains.map((d) => h('div', { 'data-domain': d }, `${d} ${r.byDomain[d]!.assessed?.maturity ?? '–'}`))),
    h('td', { class: 'c-currency' }, ...domains.map((d) => h('div', { 'data-domain': d }, `${d} `, chip(r.currency[d]!)))),
    h('td', { class: 'c-flags small' }, ...r.flags.map((f) => h('div', { class: 'flag' }, f))));
}

function drawTable(box: HTMLElement, rows: ControlRow[], ctx: AreaContext): void {
  const { state } = ctx;
  const shown = filterAndSort(rows, state.cq, state.sort, state.desc);
  const page = pageOf(shown, state.page);
  const head = CONTROL_SORTS.flatMap((k) => {
    const th = h('th', {}, h('button', { type: 'button', class: 'sort', 'data-sort': k, onclick: () => ctx.set({ sort: k, desc: state.sort === k ? !state.desc : false, page: 1 }, true) },
      HEADINGS[k], state.sort === k ? (state.desc ? ' ▼' : ' ▲') : ''));
    return k === 'domain' ? [th, h('th', {}, 'Frameworks')] : [th];
  });
  replace(box,
    h('p', { class: 'hint', id: 'controls-count' }, `${shown.length} of ${rows.length} controls · page ${page.page} of ${page.pages}`),
    h('table', { class: 'grid controls-table' }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...page.rows.map((r) => rowOf(r, ctx)))),
    h('div', { class: 'pager no-print' },
      h('button', { type: 'button', class: 'small', id: 'page-prev', disabled: page.page <= 1, onclick: () => ctx.set({ page: page.page - 1 }, true) }, '← Previous'),
      h('span', {}, ` ${page.page} / ${page.pages} `),
      h('button', { type: 'button', class: 'small', id: 'page-next', disabled: page.page >= page.pages, onclick: () => ctx.set({ page: page.page + 1 }, true) }, 'Next →')));
}

function detail(r: ControlRow, ctx: AreaContext): void {
  const scope = r.scope;
  const where = scope?.appliesTo ?? [];
  replace(ctx.detail,
    panelHead(`${r.domain} control · ${r.category}`, r.name, r.control),
    h('section', { class: 'info-section' }, h('h3', {}, 'Where it applies'),
      where.length === 0 ? h('p', {}, 'Site-wide: no zone, asset or conduit named.')
        : h('ul', { class: 'links', id: 'applies-to' }, ...where.map((t) => h('li', { 'data-target': t.id }, h('code', {}, t.id), h('span', { class: 'muted' }, ` ${t.kind}`)))),
      h('button', { type: 'button', class: 'small primary', id: 'show-on-topology', onclick: () => ctx.showOnTopology(where.map((t) => t.id), `Where ${r.control} applies`) },
        where.length === 0 ? 'Show the topology' : 'Show on the topology')),
    h('section', { class: 'info-section' }, h('h3', {}, 'Serves'),
      h('p', {}, scope ? `${scope.requirements} requirement${scope.requirements === 1 ? '' : 's'} in ${scope.frameworks.join(', ') || 'no framework'}` : '–'),
      scope && scope.mitigates.length > 0 ? h('p', { class: 'small' }, `Mitigates ${scope.mitigates.join(', ')}`) : false),
    h('section', { class: 'info-section' }, h('h3', {}, 'Per domain'),
      h('ul', { class: 'why-controls' }, ...Object.values(r.byDomain).map((s) => h('li', { 'data-domain': s.domain }, h('strong', {}, s.domain), h('ul', {}, controlWhy(s, ctx)))))),
    r.flags.length > 0 ? h('section', { class: 'info-section' }, h('h3', {}, 'Inconsistencies'), h('ul', {}, ...r.flags.map((f) => h('li', {}, f)))) : false,
    source(`/api/assurance/controls/${r.control}?asOf=${ctx.asOf}`));
}

export async function controlsView(ctx: AreaContext): Promise<void> {
  const rows = await rowsFor(ctx.asOf);
  const box = h('div', { id: 'controls-box' });
  const filter = h('input', {
    type: 'search', id: 'controls-filter', placeholder: 'Filter: id, name, framework, status, flag…', value: ctx.state.cq ?? '', 'aria-label': 'Filter controls',
    oninput: (e: Event) => {
      ctx.set({ cq: (e.target as HTMLInputElement).value || undefined, page: 1 });
      drawTable(box, rows, ctx);
    },
  });
  replace(ctx.main,
    viewHead('Control baseline', `Every control, defined once, assessed per domain, as of ${ctx.asOf}. Click a column to sort, a row for its detail.`),
    h('div', { class: 'tree-tools no-print' }, filter),
    box,
    source(`/api/assurance/controls, /api/assurance/control-scope and /api/assurance/inconsistencies?asOf=${ctx.asOf}`));
  drawTable(box, rows, ctx);
  const open = rows.find((r) => r.control === ctx.state.ctl);
  if (open) detail(open, ctx);
  else replace(ctx.detail, h('p', { class: 'hint' }, ctx.state.ctl ? `No control ${ctx.state.ctl} in the baseline.` : 'Pick a control to see where it applies and why it has its status.'));
}
