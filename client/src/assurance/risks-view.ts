// Risks: per register (IT, OT, JOINT) a 5 × 5 likelihood × impact heat map with the count in each
// cell (coloured by band), the treatment position (bands × treatment, open treatments), and the
// flags of DOMAIN.md §5.5 with the shared systems involved and who owns the risk.
import type { RiskFindingT } from '../../../server/assurance/schemas.js';
import { h, replace } from '../dom.js';
import { assuranceApi } from './assurance-api.js';
import type { AreaContext } from './area-context.js';
import { drawWhenShown } from './charts.js';
import { BANDS, bandsByTreatment, heatmapText, matrix, TREATMENT_COLUMNS } from './risk-tally.js';
import { chip, source, table, viewHead } from './view-kit.js';

const REGISTERS = ['IT', 'OT', 'JOINT'] as const;
const BAND_COLORS = { low: '#d3f9d8', medium: '#fff3bf', high: '#ffd8a8', 'very-high': '#ffa8a8' };
const FLAG_WORDS: Record<string, string> = {
  'JOINT-OWNERSHIP-GAP': 'affects a shared system, not in the JOINT register',
  'SAFETY-RISK-OUTSIDE-OT': 'major or severe safety consequence, in the IT register',
  'SAFETY-CONSEQUENCE-UNDERSTATED': 'touches a safety function or zone, consequence "none"',
};

function heatmap(box: HTMLElement, risks: RiskFindingT[], register: string): void {
  const levels = ['1', '2', '3', '4', '5'];
  drawWhenShown(box, {
    grid: { left: 56, right: 10, top: 8, bottom: 48 },
    xAxis: { type: 'category', data: levels, name: 'likelihood', nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
    yAxis: { type: 'category', data: levels, name: 'impact', nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
    visualMap: {
      show: false, type: 'piecewise', dimension: 2,
      pieces: [{ min: 1, max: 4, color: BAND_COLORS.low }, { min: 5, max: 9, color: BAND_COLORS.medium }, { min: 10, max: 14, color: BAND_COLORS.high }, { min: 15, max: 25, color: BAND_COLORS['very-high'] }],
    },
    tooltip: { formatter: (p: unknown) => {
      const v = (p as { data: number[] }).data;
      return `likelihood ${v[0]! + 1} × impact ${v[1]! + 1} = ${v[2]}: ${v[3]} risk${v[3] === 1 ? '' : 's'}`;
    } },
    series: [{
      type: 'heatmap', data: matrix(risks),
      label: { show: true, fontWeight: 'bold', color: '#000', formatter: (p: unknown) => {
        const n = (p as { data: number[] }).data[3]!;
        return n > 0 ? String(n) : '';
      } },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
    }],
  }, heatmapText(register, risks));
}

function register(name: (typeof REGISTERS)[number], risks: RiskFindingT[]): HTMLElement {
  const mine = risks.filter((r) => r.register === name);
  const box = h('div', { class: 'chart heatmap', 'data-register': name });
  heatmap(box, mine, name);
  const open = mine.filter((r) => r.treatmentState === 'open');
  return h('article', { class: 'register', 'data-register': name },
    h('h2', {}, `${name} register `, h('span', { class: 'muted small', 'data-count': String(mine.length) }, `${mine.length} risk${mine.length === 1 ? '' : 's'}`)),
    box,
    table(['Band', ...TREATMENT_COLUMNS], bandsByTreatment(mine).map((b) => [b.band, ...b.counts.map(String)]), { class: 'grid treatment', 'data-register': name }),
    h('p', { class: 'small' }, h('strong', {}, `Open treatments (${open.length}): `), open.map((r) => r.risk).join(', ') || 'none'));
}

export async function risksView(ctx: AreaContext): Promise<void> {
  const risks = await assuranceApi.risks(ctx.asOf);
  const flagged = risks.flatMap((r) => r.flags.map((flag) => ({ flag, r })));
  replace(ctx.main,
    viewHead('Risks', `Score = likelihood × impact; bands: low 1–4, medium 5–9, high 10–14, very high 15–25. As of ${ctx.asOf}; numbers in the cells are risk counts.`),
    h('div', { class: 'registers' }, ...REGISTERS.map((name) => register(name, risks))),
    h('section', { id: 'risk-flags' }, h('h2', {}, `Flags (${flagged.length})`),
      flagged.length === 0 ? h('p', { class: 'muted' }, 'No risk is flagged.')
        : h('table', { class: 'grid' },
          h('thead', {}, h('tr', {}, ...['Flag', 'Risk', 'Register', 'Owner', 'Shared systems', 'Treatment'].map((t) => h('th', {}, t)))),
          h('tbody', {}, ...flagged.map(({ flag, r }) => h('tr', { 'data-flag': flag, 'data-risk': r.risk },
            h('td', {}, h('strong', {}, flag), h('div', { class: 'small muted' }, FLAG_WORDS[flag])),
            h('td', {}, h('code', {}, r.risk), h('div', { class: 'small' }, r.title)),
            h('td', {}, r.register), h('td', {}, r.owner),
            h('td', { class: 'small' }, r.sharedSystems.join(', ') || '–'),
            h('td', {}, r.treatment, ' ', r.treatmentState ? chip(r.treatmentState) : false)))))),
    h('p', { class: 'hint' }, `Bands: ${BANDS.join(', ')}. A mitigate risk is treated when every control mitigating it is effectively implemented in the domains it affects.`),
    source(`/api/assurance/risks?asOf=${ctx.asOf}`));
  replace(ctx.detail, h('p', { class: 'hint' }, 'Risks on shared systems belong in the JOINT register: the flags say where they are not.'));
}
