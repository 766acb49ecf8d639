// Evidence: when each item expires (a timeline: expired, due within 30 days, fresh), counted by
// domain and kind; the controls left without current evidence; an item opens its revisions.
import { CURRENCIES, type EvidenceCurrencyT } from '../../../server/assurance/schemas.js';
import { h, replace } from '../dom.js';
import { assuranceApi } from './assurance-api.js';
import type { AreaContext } from './area-context.js';
import { drawWhenShown } from './charts.js';
import { chip, panelHead, source, STATUS_COLORS, STATUS_WORDS, table, viewHead } from './view-kit.js';

const DOMAINS = ['IT', 'OT'] as const;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const SYMBOL = (domains: string[]) => (domains.length > 1 ? 'diamond' : domains[0] === 'OT' ? 'rect' : 'circle');

function timeline(box: HTMLElement, items: EvidenceCurrencyT[], asOf: string): void {
  const dated = items.filter((e) => e.expiresOn !== null);
  const kinds = [...new Set(dated.map((e) => e.kind))].sort();
  drawWhenShown(box, {
    grid: { left: 150, right: 24, top: 30, bottom: 30 },
    legend: { top: 0, data: ['expired', 'due', 'fresh'].map((c) => STATUS_WORDS[c]!) },
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: [string, string, string, string] }).data;
      return `${d[2]}\n${d[1]} · expires ${d[0]}\n${d[3]}`;
    } },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: kinds },
    series: (['expired', 'due', 'fresh'] as const).map((c, i) => ({
      type: 'scatter' as const, name: STATUS_WORDS[c]!, symbolSize: 12,
      itemStyle: { color: STATUS_COLORS[c], borderColor: '#000', borderWidth: 0.6 },
      data: dated.filter((e) => e.currency === c).map((e) => ({ value: [e.expiresOn!, e.kind, e.name, e.domains.join('+')], symbol: SYMBOL(e.domains) })),
      ...(i === 0 ? { markLine: { symbol: 'none', label: { formatter: '{b}' }, lineStyle: { color: '#000', type: 'dashed' as const },
        data: [{ name: `as of ${asOf}`, xAxis: asOf }, { name: '+30 days', xAxis: addDays(asOf, 30) }] } } : {}),
    })),
  }, `Evidence expiry as of ${asOf}: ${(['expired', 'due', 'fresh'] as const).map((c) => `${c} ${dated.filter((e) => e.currency === c).length}`).join(', ')}`);
}

async function itemDetail(ctx: AreaContext, id: string): Promise<void> {
  const e = await assuranceApi.evidenceItem(id, ctx.asOf);
  replace(ctx.detail,
    panelHead(`${e.kind} · ${e.domains.join(' and ')}`, e.name, e.evidence),
    h('p', {}, chip(e.currency), ` refreshed every ${e.refreshDays} days; `, e.expiresOn ? `expires ${e.expiresOn}` : 'never collected', ` · source: ${e.source}`),
    h('section', { class: 'info-section' }, h('h3', {}, `Revisions (${e.revisions.length}), newest first — never overwritten`),
      table(['Collected', 'By', 'SHA-256'], e.revisions.map((r) => [r.collectedOn, r.addedBy, h('code', { class: 'small', title: r.sha256 }, `${r.sha256.slice(0, 16)}…`)]), { id: 'revisions' })),
    h('section', { class: 'info-section' }, h('h3', {}, 'Supports'), h('p', {}, e.supports.join(', ') || '–')),
    source(`/api/assurance/evidence/${e.evidence}?asOf=${ctx.asOf}`));
}

export async function evidenceView(ctx: AreaContext): Promise<void> {
  const list = await assuranceApi.evidence(ctx.asOf);
  const items = list.evidence;
  const countsBy = (pick: (e: EvidenceCurrencyT) => boolean) => CURRENCIES.map((c) => items.filter((e) => pick(e) && e.currency === c).length);
  const kinds = [...new Set(items.map((e) => e.kind))].sort();
  const chartBox = h('div', { class: 'chart evidence-chart', id: 'evidence-timeline', style: `height:${Math.max(12, 3 + kinds.length * 1.7)}rem` });
  const sorted = [...items].sort((a, b) => (a.expiresOn ?? '') < (b.expiresOn ?? '') ? -1 : (a.expiresOn ?? '') > (b.expiresOn ?? '') ? 1 : a.evidence < b.evidence ? -1 : 1);
  replace(ctx.main,
    viewHead('Evidence', `When each item's latest revision expires, as of ${ctx.asOf}: expired, due within 30 days, fresh. Circles IT, squares OT, diamonds both.`),
    chartBox,
    h('div', { class: 'two-col' },
      h('section', {}, h('h2', {}, 'By domain'),
        table(['Domain', ...CURRENCIES.map((c) => STATUS_WORDS[c]!)], DOMAINS.map((d) => [d, ...countsBy((e) => e.domains.includes(d)).map(String)]), { id: 'evidence-by-domain' })),
      h('section', {}, h('h2', {}, 'By kind'),
        table(['Kind', ...CURRENCIES.map((c) => STATUS_WORDS[c]!)], kinds.map((k) => [k, ...countsBy((e) => e.kind === k).map(String)]), { id: 'evidence-by-kind' }))),
    h('section', { id: 'without-evidence' }, h('h2', {}, 'Controls without current evidence'),
      ...DOMAINS.map((d) => h('p', { 'data-domain': d }, h('strong', {}, `${d} (${list.controlsWithoutCurrentEvidence[d]?.length ?? 0}): `),
        (list.controlsWithoutCurrentEvidence[d] ?? []).join(', ') || 'none'))),
    h('section', {}, h('h2', {}, 'Every item, soonest expiry first'),
      h('table', { class: 'grid', id: 'evidence-items' },
        h('thead', {}, h('tr', {}, ...['Evidence', 'Kind', 'Domains', 'Collected', 'Expires', 'Currency'].map((t) => h('th', {}, t)))),
        h('tbody', {}, ...sorted.map((e) => h('tr', { 'data-evidence': e.evidence, class: ctx.state.ev === e.evidence ? 'active' : '', onclick: () => ctx.set({ ev: e.evidence }, true) },
          h('td', {}, e.name), h('td', {}, e.kind), h('td', {}, e.domains.join(', ')), h('td', { class: 'date' }, e.latestCollectedOn ?? '–'), h('td', { class: 'date' }, e.expiresOn ?? '–'), h('td', {}, chip(e.currency))))))),
    source(`/api/assurance/evidence?asOf=${ctx.asOf}`));
  timeline(chartBox, items, ctx.asOf);
  if (ctx.state.ev) await itemDetail(ctx, ctx.state.ev);
  else replace(ctx.detail, h('p', { class: 'hint' }, 'Pick an item to see its revisions.'));
}
