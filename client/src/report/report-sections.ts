// The board report's sections (DOMAIN.md §5.6), each drawn from /api/assurance/report for one
// asOf and profile — the very figures of the JSON, never recomputed here — and saying so.
import type { BoardReportT } from '../../../server/assurance/report-schema.js';
import { BANDS, TREATMENT_COLUMNS } from '../../../server/assurance/report-schema.js';
import { drawWhenShown } from '../assurance/charts.js';
import { h } from '../dom.js';
import { fmt1, fmtPct, list, reportSection, reportTable } from './report-kit.js';

const COUNT_KEYS = ['met', 'partial', 'not-met', 'gap'] as const;
const BAND_WORDS: Record<string, string> = { low: 'low', medium: 'medium', high: 'high', 'very-high': 'v. high' };

export function complianceSection(r: BoardReportT, route: string): HTMLElement {
  const chart = h('div', { class: 'report-chart', id: 'compliance-chart', style: `height:${2.5 + r.frameworks.length * 1.6}rem` });
  const labels = r.frameworks.map((f) => `${f.framework} · ${f.domain}`);
  drawWhenShown(chart, {
    grid: { left: 150, right: 56, top: 6, bottom: 22 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{
      type: 'bar', barWidth: '55%', data: r.frameworks.map((f) => f.compliance ?? 0),
      itemStyle: { color: '#495057', borderColor: '#000', borderWidth: 0.5 },
      label: { show: true, position: 'right', formatter: (p: unknown) => `${((p as { value: number }).value).toFixed(1)} %`, color: '#000' },
    }],
  }, `Compliance per framework and domain: ${r.frameworks.map((f) => `${f.framework} ${f.domain} ${fmtPct(f.compliance)}`).join(', ')}`);
  return reportSection('report-compliance', 'Compliance and maturity, per framework and domain', `${route} → frameworks[]`,
    h('p', { class: 'report-note' }, 'Compliance = (met + ½ partial) ÷ assessable requirements; maturity = mean maturity (0–5) of the controls directly satisfying them.'),
    chart,
    reportTable(['Framework', 'Domain', 'Compliance', 'Maturity', 'Met', 'Partial', 'Not met', 'Gap', 'Assessable'],
      r.frameworks.map((f) => [f.name, f.domain, fmtPct(f.compliance), fmt1(f.maturity), ...COUNT_KEYS.map((k) => f.counts[k]), f.assessable]),
      { id: 'compliance-table' }, r.frameworks.map((f) => ({ 'data-framework': f.framework, 'data-domain': f.domain }))));
}

export function cafSection(r: BoardReportT, route: string): HTMLElement {
  return reportSection('report-caf', `NCSC CAF ratings against the profile ${r.profile ?? '(none)'}`, `${route} → caf[]`,
    r.caf.length === 0 ? h('p', {}, 'No profile was given: the CAF is not rated against one.') : false,
    r.caf.length > 0 && reportTable(['Domain', 'Outcomes meeting target', 'Achieved', 'Partially achieved', 'Not achieved', 'Below target'],
      r.caf.map((c) => [c.domain, `${c.meeting} of ${c.targets}`, c.ratings.achieved, c.ratings['partially-achieved'], c.ratings['not-achieved'], list(c.notMeeting)]),
      { id: 'caf-table' }, r.caf.map((c) => ({ 'data-domain': c.domain }))));
}

export function risksSection(r: BoardReportT, route: string): HTMLElement {
  return reportSection('report-risks', 'Risk position per register', `${route} → risks[]`,
    h('p', { class: 'report-note' }, 'Bands by score = likelihood × impact: low 1–4, medium 5–9, high 10–14, very high 15–25. A mitigate risk is treated when every control mitigating it is effectively implemented, else open.'),
    h('div', { class: 'report-registers' }, ...r.risks.map((reg) => h('div', { class: 'report-register', 'data-register': reg.register },
      h('h3', {}, `${reg.register} register — ${reg.risks} risk${reg.risks === 1 ? '' : 's'}`),
      // Treatments down, bands across: four narrow number columns fit a third of the page.
      reportTable(['Treatment', ...BANDS.map((b) => BAND_WORDS[b]!)], TREATMENT_COLUMNS.map((t) => [t, ...BANDS.map((b) => reg.bands[b][t])]), { class: 'report-table bands' }),
      h('p', { class: 'report-line' }, h('strong', {}, `Open treatments (${reg.openTreatments.length}): `), list(reg.openTreatments)),
      h('p', { class: 'report-line', 'data-flag': 'JOINT-OWNERSHIP-GAP' }, h('strong', {}, `Ownership gaps — shared systems outside the JOINT register (${reg.flags['JOINT-OWNERSHIP-GAP'].length}): `), list(reg.flags['JOINT-OWNERSHIP-GAP'])),
      h('p', { class: 'report-line', 'data-flag': 'SAFETY-RISK-OUTSIDE-OT' }, h('strong', {}, `Safety risks outside OT (${reg.flags['SAFETY-RISK-OUTSIDE-OT'].length}): `), list(reg.flags['SAFETY-RISK-OUTSIDE-OT'])),
      h('p', { class: 'report-line', 'data-flag': 'SAFETY-CONSEQUENCE-UNDERSTATED' }, h('strong', {}, `Safety consequence understated (${reg.flags['SAFETY-CONSEQUENCE-UNDERSTATED'].length}): `), list(reg.flags['SAFETY-CONSEQUENCE-UNDERSTATED']))))));
}

export function evidenceSection(r: BoardReportT, route: string): HTMLElement {
  return reportSection('report-evidence', 'Evidence currency', `${route} → evidence[]`,
    h('p', { class: 'report-note' }, 'Per domain the evidence covers: fresh; due (expires within 30 days, still current); expired; never collected. Expired or absent evidence does not count.'),
    reportTable(['Domain', 'Fresh', 'Due', 'Expired', 'Never collected', 'Controls without current evidence'],
      r.evidence.map((e) => [e.domain, e.fresh, e.due, e.expired, e.absent, `${e.controlsWithoutCurrentEvidence.length}: ${list(e.controlsWithoutCurrentEvidence)}`]),
      { id: 'evidence-table' }, r.evidence.map((e) => ({ 'data-domain': e.domain }))),
    h('p', { class: 'report-line' }, h('strong', {}, 'Inconsistencies between IT and OT: '),
      Object.entries(r.inconsistencies).map(([k, n]) => `${k} ${n}`).join(' · ')));
}

export function safetySection(r: BoardReportT, route: string): HTMLElement {
  const s = r.safety;
  return reportSection('report-safety', 'Safety exposure', `${route} → safety`,
    h('h3', {}, `Safety functions whose safety path crosses a zone below its target (${s.sifs.length})`),
    s.sifs.length === 0 ? h('p', {}, 'None: every zone on a safety path has SL-C at or above its SL-T.')
      : reportTable(['SIF', 'SIL', 'Zones below target (SL-C / SL-T)'],
        s.sifs.map((x) => [`${x.sif} ${x.name}`, x.sil, x.zones.map((z) => `${z.zone} ${z.slC}/${z.slTarget}${z.uncertain ? ' (uncertain)' : ''}`).join(', ')]),
        { id: 'safety-sifs' }, s.sifs.map((x) => ({ 'data-sif': x.sif }))),
    h('h3', {}, `Risks with a major or severe safety consequence (${s.risks.length})`),
    s.risks.length === 0 ? h('p', {}, 'None.')
      : reportTable(['Risk', 'Register', 'Owner', 'Consequence', 'Treatment'],
        s.risks.map((x) => [`${x.risk} ${x.title}`, x.register, x.owner, x.safetyConsequence, `${x.treatment}${x.treatmentState ? ` (${x.treatmentState})` : ''}`]),
        { id: 'safety-risks' }, s.risks.map((x) => ({ 'data-risk': x.risk }))),
    h('h3', {}, `Changes touching SIL ≥ 2 decided ${s.changes.from} – ${s.changes.to} (${s.changes.changes.length})`),
    s.changes.changes.length === 0
      ? h('p', { id: 'safety-changes', class: 'report-line' }, 'None: no change request whose findings name a SIF of SIL 2 or 3 was approved or rejected in the period.')
      : reportTable(['Change request', 'Decided', 'Decision', 'SIFs (SIL)', 'Signed by'],
        s.changes.changes.map((c) => [`${c.id} ${c.title}`, c.decidedOn, `${c.decision}${c.status === 'IMPLEMENTED' ? ', implemented' : ''}`,
          c.sifs.map((x) => `${x.id} (${x.sil})`).join(', '), c.signedBy.join('; ')]),
        { id: 'safety-changes' }, s.changes.changes.map((c) => ({ 'data-change': c.id }))));
}
