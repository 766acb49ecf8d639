// A printable record of a traffic comparison: the capture, the counts per category, and each
// finding beside a picture of its edge and path on the topology. Uses the explorer's print view
// (#print-view), the only thing on paper.
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import type { TrafficAnswerT } from '../api-client.js';
import { byId, h, replace } from '../dom.js';
import { inReadingOrder, trafficCard, trafficCounts } from './traffic-findings.js';

export interface TrafficPrintHost {
  /** A PNG (data URI) of the topology with the finding's path highlighted, or the whole view with the overlay. */
  snapshot(finding?: TrafficFinding): string;
  siteName(): string;
}

export function openTrafficPrint(answer: TrafficAnswerT, captureName: string, host: TrafficPrintHost): void {
  const root = byId('print-view');
  const close = () => {
    root.hidden = true;
    document.body.classList.remove('printing');
  };
  const c = answer.capture;
  replace(root,
    h('div', { class: 'print-toolbar no-print' },
      h('button', { type: 'button', class: 'primary', id: 'print-now', onclick: () => window.print() }, 'Print'),
      h('button', { type: 'button', id: 'print-close', onclick: close }, 'Close')),
    h('header', { class: 'print-head' },
      h('div', { class: 'kicker' }, `Interlock · observed traffic · ${host.siteName()}`),
      h('h1', {}, captureName),
      h('p', { class: 'muted' }, `${c.connections.toLocaleString('en')} connections, ${c.communications} distinct communications` +
        `${c.firstSeen && c.lastSeen ? `, ${c.firstSeen} to ${c.lastSeen}` : ''} · compared ${new Date().toLocaleString()} · no change was made to the site.`)),
    trafficCounts(answer.findings, 'print-traffic-counts'),
    h('p', {}, answer.summary.message),
    h('figure', { class: 'overview' }, h('img', { src: host.snapshot(), alt: 'The topology with the observed traffic drawn over it' }),
      h('figcaption', {}, 'Every finding drawn on the topology.')),
    h('section', { class: 'print-findings' }, ...inReadingOrder(answer.findings).map((f) => h('article', { class: 'print-finding' },
      trafficCard(f),
      h('figure', {}, h('img', { src: host.snapshot(f), alt: `Path of ${f.id}` }),
        h('figcaption', {}, `Highlighted: ${[...f.path.nodes, ...f.path.edges].join(' → ')}`))))),
    h('footer', { class: 'print-foot' }, 'Reviewed: ________________________   Safety engineer: ______________   Security engineer: ______________'));
  root.hidden = false;
  document.body.classList.add('printing');
  root.scrollTop = 0;
}
