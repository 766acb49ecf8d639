// The answer to "does this change touch a safety path?": a verdict first, then the findings by
// severity, each with its explanation and what to do. Picking a finding highlights its path.
import type { Finding } from '../../../server/impact/change-schema.js';
import type { ImpactResponseT } from '../api-client.js';
import { badge, h } from '../dom.js';
import { SEVERITY_COLORS, type Severity } from '../theme.js';
import { silBadge } from '../panels/panel-kit.js';

const RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };

/** Findings with their index in the response, most severe first (stable otherwise). */
export function sortFindings(findings: Finding[]): Array<{ finding: Finding; index: number }> {
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index);
}

export function checkedText(c: ImpactResponseT['summary']['checked']): string {
  const n = (v: number, one: string, many: string) => `${v} ${v === 1 ? one : many}`;
  return `Checked ${n(c.sifs, 'SIF', 'SIFs')}, ${n(c.flows, 'safety-required flow', 'safety-required flows')}, ` +
    `${n(c.procedures, 'procedure', 'procedures')} and ${n(c.conduits, 'conduit', 'conduits')}.`;
}

export function verdict(result: ImpactResponseT): HTMLElement {
  const s = result.summary;
  if (!s.safetyPathTouched) {
    return h('div', { class: 'verdict clear', id: 'verdict', 'data-touched': 'false' },
      h('div', { class: 'verdict-title' }, '✓ No safety path touched'),
      h('p', {}, s.message),
      h('p', { class: 'checked' }, checkedText(s.checked)));
  }
  const sev = s.maxSeverity ?? 'INFO';
  return h('div', { class: 'verdict touched', id: 'verdict', 'data-touched': 'true', style: `--sev:${SEVERITY_COLORS[sev]}` },
    h('div', { class: 'verdict-title' }, `Safety path touched · ${sev}`),
    h('p', {}, s.message),
    h('div', { class: 'counts' }, ...Object.entries(s.counts).filter(([, n]) => n > 0)
      .map(([k, n]) => badge(`${n} ${k}`, SEVERITY_COLORS[k as Severity]))),
    h('p', { class: 'checked' }, checkedText(s.checked)));
}

export function findingCard(finding: Finding, index: number, onPick?: (index: number) => void, active = false): HTMLElement {
  const color = SEVERITY_COLORS[finding.severity];
  const card = h(onPick ? 'button' : 'div', {
    type: onPick ? 'button' : undefined,
    class: `finding sev-${finding.severity}${active ? ' active' : ''}`,
    style: `--sev:${color}`,
    'data-rule': finding.rule,
    'data-index': index,
    onclick: onPick ? () => onPick(index) : undefined,
  },
  h('div', { class: 'finding-head' }, badge(finding.severity, color), h('code', { class: 'rule' }, finding.rule)),
  h('div', { class: 'finding-title' }, finding.title),
  h('p', { class: 'explanation' }, finding.explanation),
  finding.sifs.length > 0 ? h('div', { class: 'finding-sifs' }, ...finding.sifs.map((s) => h('span', { class: 'sif-ref' }, silBadge(s.sil), ` ${s.id}`))) : false,
  h('p', { class: 'recommendation' }, h('strong', {}, 'What to do: '), finding.recommendation),
  finding.exposures?.length ? h('ul', { class: 'exposures' }, ...finding.exposures.slice(0, 6).map((e) =>
    h('li', {}, `${e.source} → ${e.destination} ${e.protocol}/${e.ports}${e.rule ? ` (rule ${e.rule})` : ''}`))) : false,
  h('div', { class: 'path-line' }, h('span', { class: 'muted' }, 'Path: '), [...finding.path.nodes, ...finding.path.edges].join(' · ')));
  return card;
}

export function findingsList(result: ImpactResponseT, onPick: (index: number) => void, active?: number): HTMLElement {
  const sorted = sortFindings(result.findings);
  const main = sorted.filter((f) => f.finding.severity !== 'INFO');
  const info = sorted.filter((f) => f.finding.severity === 'INFO');
  return h('div', { class: 'findings', id: 'findings' },
    ...main.map(({ finding, index }) => findingCard(finding, index, onPick, index === active)),
    info.length > 0 ? h('details', { class: 'info-findings', open: main.length === 0 || info.some((f) => f.index === active) },
      h('summary', {}, `Also seen: ${info.length} informational line${info.length === 1 ? '' : 's'}`),
      ...info.map(({ finding, index }) => findingCard(finding, index, onPick, index === active))) : false);
}
