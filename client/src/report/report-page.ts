// The board report page: one page per site and asOf, the same on screen and as PDF (the server
// prints this page with headless Chromium). It tells the renderer when it is drawn through
// window.interlockReport.
import type { ReportReadiness } from '../../../server/pdf/pdf-renderer.js';
import { assuranceApi } from '../assurance/assurance-api.js';
import { DEFAULT_PROFILE, today } from '../assurance/area-context.js';
import { h, replace } from '../dom.js';
import { cafSection, complianceSection, evidenceSection, risksSection, safetySection } from './report-sections.js';

declare global {
  interface Window { interlockReport?: ReportReadiness & { drawMs?: number } }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export async function drawReport(root: HTMLElement, search: string): Promise<void> {
  const t0 = performance.now();
  window.interlockReport = { ready: false };
  const p = new URLSearchParams(search);
  const asOf = DATE.test(p.get('asOf') ?? '') ? p.get('asOf')! : today();
  const profile = ID.test(p.get('profile') ?? '') ? p.get('profile')! : DEFAULT_PROFILE;
  document.documentElement.classList.toggle('large-text', p.get('large') === '1');
  try {
    const [report, site] = await Promise.all([assuranceApi.report(asOf, profile), assuranceApi.site()]);
    const route = `GET /api/assurance/report?asOf=${asOf}&profile=${profile}`;
    document.title = `Board report · ${site.name ?? 'Interlock'} · ${asOf}`;
    replace(root,
      h('header', { class: 'report-head' },
        h('div', { class: 'report-kicker' }, 'Interlock · converged IT/OT assurance · board report'),
        h('h1', {}, site.name ?? 'No site loaded'),
        h('p', { class: 'report-meta' }, h('span', { id: 'report-as-of' }, `As of ${report.asOf}`), ' · ', h('span', {}, `CAF profile: ${report.profile ?? 'none'}`),
          ' · ', h('span', {}, `site id ${site.site ?? '–'}`)),
        h('p', { class: 'report-note' }, 'Every figure on this page is the Interlock API\'s figure for the same date, computed from the graph (one control baseline, assessed per domain); each section names the part of ',
          h('code', {}, route), ' it shows.')),
      complianceSection(report, route),
      cafSection(report, route),
      risksSection(report, route),
      evidenceSection(report, route),
      safetySection(report, route),
      h('footer', { class: 'report-foot' }, `Drawn ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from ${location.host}. DOMAIN.md §5 defines every number.`));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.interlockReport = { ready: true, drawMs: Math.round(performance.now() - t0) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    replace(root, h('p', { class: 'error' }, `Could not draw the board report: ${message}`));
    window.interlockReport = { ready: false, error: message };
  }
}
