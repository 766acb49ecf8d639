// Frameworks: one card per framework (compliance % and maturity per domain, status counts as a
// chart); the open framework's requirement tree with the status per domain, filterable; CAF
// outcomes rated against the chosen profile. A requirement opens its why-chain.
import type { ProfileConformanceT } from '../../../server/assurance/schemas.js';
import { h, replace } from '../dom.js';
import { assuranceApi, type FrameworkCardT, type FrameworkTreeT } from './assurance-api.js';
import { TREE_FILTERS, type TreeFilter } from './assurance-state.js';
import type { AreaContext } from './area-context.js';
import { drawWhenShown } from './charts.js';
import { requirementWhy } from './requirement-why.js';
import { countShown, filterTree, type ShownNode } from './tree-filter.js';
import { chip, num1, pct, source, STATUS_COLORS, viewHead } from './view-kit.js';

const COUNT_KEYS = ['met', 'partial', 'not-met', 'gap'] as const;
const FILTER_WORDS: Record<TreeFilter, string> = { gaps: 'Gaps (gap or not met)', partial: 'Partial', inconsistent: 'Inconsistent' };

/** The card chart's words: per domain, the requirements by status. */
export const statusCountsText = (f: Pick<FrameworkCardT, 'name' | 'summaries'>) =>
  `${f.name}, requirements by status: ${f.summaries.map((s) => `${s.domain} ${COUNT_KEYS.map((k) => `${k} ${s.counts[k]}`).join(', ')}`).join('; ')}`;

function card(f: FrameworkCardT, ctx: AreaContext): HTMLElement {
  const open = ctx.state.fw === f.framework;
  const chartBox = h('div', { class: 'card-chart', style: `height:${2.2 + 1.9 * f.summaries.length}rem` });
  const el = h('article', { class: `fw-card${open ? ' open' : ''}`, 'data-framework': f.framework },
    h('header', {}, h('h2', {}, f.name), h('span', { class: 'muted small' }, `${f.version} · ${f.kind} · ${f.assessable} assessable`)),
    h('table', { class: 'fw-summary' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Domain'), h('th', {}, 'Compliance'), h('th', {}, 'Maturity'), ...COUNT_KEYS.map((k) => h('th', {}, chip(k))))),
      h('tbody', {}, ...f.summaries.map((s) => h('tr', { 'data-domain': s.domain },
        h('th', {}, s.domain),
        h('td', { class: 'compliance' }, pct(s.compliance)),
        h('td', { class: 'maturity' }, num1(s.maturity)),
        ...COUNT_KEYS.map((k) => h('td', { class: `count count-${k}` }, String(s.counts[k]))))))),
    chartBox,
    h('button', { type: 'button', class: open ? 'small' : 'small primary', onclick: () => ctx.set({ fw: open ? undefined : f.framework, req: undefined, only: undefined }, true) },
      open ? 'Close requirements' : 'Open requirements'));
  drawWhenShown(chartBox, {
    grid: { left: 34, right: 8, top: 4, bottom: 18 },
    xAxis: { type: 'value', max: f.assessable, minInterval: 1 },
    yAxis: { type: 'category', data: f.summaries.map((s) => s.domain), inverse: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    series: COUNT_KEYS.map((k) => ({ type: 'bar' as const, stack: 'counts', name: k, data: f.summaries.map((s) => s.counts[k]), itemStyle: { color: STATUS_COLORS[k] }, barWidth: '60%' })),
  }, statusCountsText(f));
  return el;
}

function treeRows(nodes: ShownNode[], depth: number, ctx: AreaContext, targets: Map<string, ProfileConformanceT['outcomes'][number]>): HTMLElement[] {
  return nodes.flatMap((n) => {
    const row = h('li', { class: `req${n.assessable ? ' assessable' : ' grouping'}${n.assessable && n.context ? ' context' : ''}${ctx.state.req === n.requirement ? ' active' : ''}`, 'data-requirement': n.requirement, style: `--depth:${depth}` },
      n.assessable
        ? h('button', { type: 'button', class: 'req-open', onclick: () => ctx.set({ req: n.requirement }, true) }, h('code', {}, n.ref), ` ${n.title}`)
        : h('span', { class: 'req-group' }, h('code', {}, n.ref), ` ${n.title}`),
      h('span', { class: 'req-statuses' }, ...n.statuses.map((s) => {
        const target = targets.get(`${s.domain}|${n.requirement}`);
        return h('span', { class: 'req-status', 'data-domain': s.domain, 'data-status': s.status },
          `${s.domain} `, s.rating ? chip(s.rating, '', `${s.status}, ${s.source}`) : chip(s.status, '', s.source),
          s.source === 'projected' ? h('span', { class: 'muted small', title: 'projected through a mapping' }, ' ↗') : false,
          target?.target ? h('span', { class: `target ${target.meets ? 'meets' : 'below'}`, title: `profile target: ${target.target}` }, target.meets ? ' ✓ target' : ' ✗ below target') : false);
      })));
    return [row, ...treeRows(n.children, depth + 1, ctx, targets)];
  });
}

async function treeSection(tree: FrameworkTreeT, ctx: AreaContext): Promise<HTMLElement> {
  const [inconsistencies, conformance] = await Promise.all([
    ctx.state.only === 'inconsistent' ? assuranceApi.inconsistencies(ctx.asOf) : Promise.resolve([]),
    tree.ratingModel === 'caf' && tree.profiles.some((p) => p.profile === ctx.profile) ? assuranceApi.profile(ctx.profile, ctx.asOf) : Promise.resolve([]),
  ]);
  const inconsistent = new Set(inconsistencies.flatMap((i) => (i.kind === 'EQUAL-STATUS-DIFFERS' ? [i.from, i.to] : [])));
  const targets = new Map(conformance.flatMap((c) => c.outcomes.map((o) => [`${c.domain}|${o.requirement}`, o] as const)));
  const shown = filterTree(tree.tree, ctx.state.only, inconsistent);
  const filters = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show only' },
    h('button', { type: 'button', class: ctx.state.only ? 'seg' : 'seg active', 'data-filter': 'all', onclick: () => ctx.set({ only: undefined }, true) }, 'All'),
    ...TREE_FILTERS.map((f) => h('button', { type: 'button', class: ctx.state.only === f ? 'seg active' : 'seg', 'data-filter': f, onclick: () => ctx.set({ only: f }, true) }, FILTER_WORDS[f])));
  const profile = tree.ratingModel === 'caf' && tree.profiles.length > 0
    ? h('label', { class: 'profile-pick' }, 'Rated against the profile ',
      h('select', { id: 'profile-select', onchange: (e: Event) => ctx.set({ profile: (e.target as HTMLSelectElement).value }, true) },
        ...tree.profiles.map((p) => h('option', { value: p.profile, selected: p.profile === ctx.profile }, p.name))),
      ...conformance.map((c) => h('span', { class: 'muted small', 'data-domain': c.domain }, ` · ${c.domain}: ${c.meeting} of ${c.targets} outcomes meet their target`)))
    : false;
  return h('section', { class: 'req-tree-box', id: 'req-tree' },
    h('h2', {}, `${tree.name}: requirements`),
    h('div', { class: 'tree-tools' }, filters, profile),
    h('p', { class: 'hint', id: 'tree-count' }, `${countShown(shown)} of ${tree.assessable} assessable requirements shown`),
    shown.length === 0 ? h('p', { class: 'muted' }, 'None matches this filter.') : h('ul', { class: 'req-tree' }, ...treeRows(shown, 0, ctx, targets)),
    source(`/api/assurance/frameworks/${tree.framework}?asOf=${ctx.asOf}`));
}

export async function frameworksView(ctx: AreaContext): Promise<void> {
  const [frameworks, tree] = await Promise.all([
    assuranceApi.frameworks(ctx.asOf),
    ctx.state.fw ? assuranceApi.framework(ctx.state.fw, ctx.asOf) : Promise.resolve(undefined),
  ]);
  replace(ctx.main,
    viewHead('Frameworks', `Each framework seen through the one control baseline, per domain it scopes, as of ${ctx.asOf}. Compliance = (met + ½ partial) ÷ assessable.`),
    h('div', { class: 'fw-cards' }, ...frameworks.map((f) => card(f, ctx))),
    source(`/api/assurance/frameworks?asOf=${ctx.asOf}`),
    tree ? await treeSection(tree, ctx) : false);
  if (ctx.state.req) await requirementWhy(ctx, ctx.state.req);
  else replace(ctx.detail, h('p', { class: 'hint' }, tree ? 'Pick a requirement to see why it has its status.' : 'Open a framework to see its requirements.'));
}
