// The meeting pack: an agenda, then per request its change, its findings each beside a picture of
// its path (drawn on the explorer's own Cytoscape view), the decision and the signatures with
// names, times and meanings; the audit chain head at the end. On screen for the projector, printed
// from the browser, or rendered to PDF by the server (GET /api/reviews/pack.pdf).
import type { Finding } from '../../../server/impact/change-schema.js';
import { byId, h, replace } from '../dom.js';
import { describeChange } from '../whatif/describe-change.js';
import { findingCard, sortFindings, verdict } from '../whatif/findings-list.js';
import { changesIn, signatureRows } from './review-page.js';
import { reviewsApi, type ReviewT } from './reviews-api.js';

export interface PackHost {
  locate(paths: Finding['path'][]): Promise<void>;
  snapshot(finding: Finding): string;
  siteName(): string;
}

const decision = (r: ReviewT) => ({
  DRAFT: 'Not submitted', SUBMITTED: 'Awaiting sign-off', APPROVED: 'Approved', REJECTED: 'Rejected', IMPLEMENTED: 'Approved and implemented', WITHDRAWN: 'Withdrawn',
})[r.status] + (r.stale ? ' — STALE: must be reassessed' : '');

function requestSection(r: ReviewT, n: number, host: PackHost): HTMLElement {
  const a = r.assessment;
  return h('section', { class: 'pack-request', 'data-id': r.id },
    h('h2', {}, `${n}. ${r.title}`),
    h('p', { class: 'muted' }, `${r.id} · raised by ${r.requester.displayName} · window ${new Date(r.window.start).toLocaleString()} – ${new Date(r.window.end).toLocaleString()}`),
    h('p', {}, r.reason),
    h('ul', {}, ...changesIn(r).map((c) => h('li', {}, describeChange(c)))),
    a ? h('div', {}, h('p', { class: 'muted small' }, `Assessment of revision ${a.revision} · hash ${a.hash}`), verdict(a.answer),
      ...sortFindings(a.answer.findings).filter(({ finding }) => finding.severity !== 'INFO').map(({ finding, index }) => h('article', { class: 'print-finding' },
        findingCard(finding, index),
        finding.path.nodes.length + finding.path.edges.length > 0
          ? h('figure', {}, h('img', { src: host.snapshot(finding), alt: `Path of finding ${index + 1}: ${finding.title}` })) : false)))
      : h('p', {}, 'Not assessed.'),
    h('h3', {}, `Decision: ${decision(r)}`),
    signatureRows(r));
}

export async function openMeetingPack(ids: string[], host: PackHost): Promise<void> {
  const root = byId('print-view');
  delete root.dataset.ready;
  const [reviews, head] = await Promise.all([Promise.all(ids.map((id) => reviewsApi.get(id))), reviewsApi.auditHead()]);
  await host.locate(reviews.flatMap((r) => r.assessment?.answer.findings.map((f) => f.path) ?? []));
  const close = () => {
    root.hidden = true;
    document.body.classList.remove('printing');
  };
  replace(root,
    h('div', { class: 'print-toolbar no-print' },
      h('button', { type: 'button', class: 'primary', id: 'pack-print', onclick: () => window.print() }, 'Print'),
      h('a', { class: 'button', id: 'pack-pdf', href: `/api/reviews/pack.pdf?ids=${encodeURIComponent(ids.join(','))}`, download: 'meeting-pack.pdf' }, 'PDF'),
      h('button', { type: 'button', id: 'pack-close', onclick: close }, 'Close')),
    h('header', { class: 'print-head' },
      h('div', { class: 'kicker' }, `Interlock · joint safety-security review · ${host.siteName()}`),
      h('h1', {}, 'Meeting pack'),
      h('p', { class: 'muted' }, `Prepared ${new Date().toLocaleString()}`)),
    h('section', { class: 'agenda', id: 'pack-agenda' }, h('h2', {}, 'Agenda'),
      h('ol', {}, ...reviews.map((r) => h('li', {}, `${r.title} (${r.id}) — ${decision(r)}`)))),
    ...reviews.map((r, i) => requestSection(r, i + 1, host)),
    h('footer', { class: 'print-foot', id: 'pack-chain-head' },
      h('strong', {}, 'Audit chain head: '), `entry ${head.seq} · ${head.hash}${head.at ? ` · ${head.at}` : ''}`));
  root.hidden = false;
  document.body.classList.add('printing');
  root.dataset.ready = 'true';
}
