// The counts per category and the findings under them, safety first. Picking a finding
// highlights its edge, its ends and the zones and conduits on its route.
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import { badge, h } from '../dom.js';
import { silBadge } from '../panels/panel-kit.js';
import { SEVERITY_COLORS } from '../theme.js';
import { countByCategory, TRAFFIC_CATEGORIES, type TrafficCategory } from './categories.js';
import { trafficSwatch } from './swatch.js';

const RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 } as const;

export function trafficCounts(findings: readonly TrafficFinding[], id = 'traffic-counts'): HTMLElement {
  const counts = countByCategory(findings);
  return h('ul', { class: 'traffic-counts', id }, ...TRAFFIC_CATEGORIES.map((c) => {
    const n = counts.get(c.rule) ?? 0;
    return h('li', { class: `traffic-count${n === 0 ? ' none' : ''}`, 'data-rule': c.rule, 'data-count': n },
      trafficSwatch(c), h('strong', { class: 'n' }, String(n)), h('span', {}, c.label));
  }));
}

/** A finding's card; a button picking it when `onPick` is given (not in the print view). */
export function trafficCard(f: TrafficFinding, onPick?: (id: string) => void, active = false): HTMLElement {
  const color = SEVERITY_COLORS[f.severity];
  return h(onPick ? 'button' : 'div', {
    type: onPick ? 'button' : undefined, class: `finding traffic-finding sev-${f.severity}${active ? ' active' : ''}`, style: `--sev:${color}`,
    'data-id': f.id, 'data-rule': f.rule, onclick: onPick ? () => onPick(f.id) : undefined,
  },
  h('div', { class: 'finding-head' }, badge(f.severity, color), h('code', { class: 'rule' }, f.rule)),
  h('div', { class: 'finding-title' }, f.title),
  h('p', { class: 'explanation' }, f.explanation),
  f.sifs.length > 0 ? h('div', { class: 'finding-sifs' }, ...f.sifs.map((s) => h('span', { class: 'sif-ref' }, silBadge(s.sil), ` ${s.id}`))) : false,
  h('p', { class: 'recommendation' }, h('strong', {}, 'What to do: '), f.recommendation),
  h('div', { class: 'path-line' }, h('span', { class: 'muted' }, 'Path: '), [...f.path.nodes, ...f.path.edges].join(' · ')));
}

/** Findings in reading order: by category (safety first), then most severe first. */
export function inReadingOrder(findings: readonly TrafficFinding[]): TrafficFinding[] {
  return TRAFFIC_CATEGORIES.flatMap((c) => findings.filter((f) => f.rule === c.rule).sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.id.localeCompare(b.id)));
}

function group(c: TrafficCategory, findings: TrafficFinding[], onPick: (id: string) => void, active: string | undefined): HTMLElement | false {
  if (findings.length === 0) return false;
  const sorted = inReadingOrder(findings);
  return h('section', { class: 'traffic-group', 'data-rule': c.rule },
    h('h3', {}, trafficSwatch(c), ` ${c.label} · ${findings.length}`),
    ...sorted.map((f) => trafficCard(f, onPick, f.id === active)));
}

export function trafficFindingsList(findings: readonly TrafficFinding[], onPick: (id: string) => void, active?: string): HTMLElement {
  return h('div', { class: 'findings', id: 'traffic-findings' },
    ...TRAFFIC_CATEGORIES.map((c) => group(c, findings.filter((f) => f.rule === c.rule), onPick, active)));
}
