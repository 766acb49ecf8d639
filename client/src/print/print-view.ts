// A printable record of a what-if result for the joint safety-security review: the change in
// words, the verdict, and for each finding its explanation beside a picture of its path.
import type { Change, Finding } from '../../../server/impact/change-schema.js';
import type { ImpactResponseT } from '../api-client.js';
import { byId, h, replace } from '../dom.js';
import { describeChange } from '../whatif/describe-change.js';
import { findingCard, sortFindings, verdict } from '../whatif/findings-list.js';

export interface PrintHost {
  /** A PNG (data URI) of the graph with the finding's path highlighted, or the whole view. */
  snapshot(finding?: Finding): string;
  siteName(): string;
}

export function openPrintView(result: ImpactResponseT, change: Change, host: PrintHost): void {
  const root = byId('print-view');
  const close = () => {
    root.hidden = true;
    document.body.classList.remove('printing');
  };
  const figures = sortFindings(result.findings).map(({ finding, index }) => {
    const hasPath = finding.path.nodes.length + finding.path.edges.length > 0;
    return h('article', { class: 'print-finding' },
      findingCard(finding, index),
      hasPath ? h('figure', {}, h('img', { src: host.snapshot(finding), alt: `Path of finding ${index + 1}: ${finding.title}` }),
        h('figcaption', {}, `Highlighted: ${[...finding.path.nodes, ...finding.path.edges].join(' → ')}`)) : false);
  });
  replace(root,
    h('div', { class: 'print-toolbar no-print' },
      h('button', { type: 'button', class: 'primary', id: 'print-now', onclick: () => window.print() }, 'Print'),
      h('button', { type: 'button', id: 'print-close', onclick: close }, 'Close')),
    h('header', { class: 'print-head' },
      h('div', { class: 'kicker' }, `Interlock · what-if assessment · ${host.siteName()}`),
      h('h1', {}, describeChange(change)),
      h('p', { class: 'muted' }, `Assessed ${new Date().toLocaleString()} · no change was made to the site.`)),
    verdict(result),
    result.findings.length === 0
      ? h('figure', { class: 'overview' }, h('img', { src: host.snapshot(), alt: 'The site topology' }), h('figcaption', {}, 'The site as assessed.'))
      : h('section', { class: 'print-findings' }, ...figures),
    h('footer', { class: 'print-foot' }, 'Decision: ________________________   Safety engineer: ______________   Security engineer: ______________'));
  root.hidden = false;
  document.body.classList.add('printing');
  root.scrollTop = 0;
}
