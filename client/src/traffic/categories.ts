// The four ways observed traffic and the model disagree, in the order a plant reads them: traffic
// reaching safety first. Each has its own colour and, for black-and-white print and colour-blind
// readers, its own line style and arrow head, so the canvas, the legend and the counts agree.
import { TRAFFIC_RULES } from '../../../server/importers/zeek/traffic-answer.js';

export type TrafficRule = (typeof TRAFFIC_RULES)[number];

export interface TrafficCategory {
  rule: TrafficRule;
  /** Short class-safe key for Cytoscape classes and element ids. */
  key: string;
  label: string;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  /** Cytoscape's line-dash-pattern for dashed lines, in graph units before scaling. */
  dash?: number[];
  arrow: 'triangle' | 'vee' | 'tee' | 'square';
  width: number;
}

export const TRAFFIC_CATEGORIES: readonly TrafficCategory[] = [
  { rule: 'TRAFFIC-UNDECLARED-SAFETY', key: 'safety', label: 'Undeclared into a safety zone or to a SIF element', color: '#c92a2a', lineStyle: 'solid', arrow: 'triangle', width: 6 },
  { rule: 'TRAFFIC-UNDECLARED-CONDUIT', key: 'conduit', label: 'Undeclared across a conduit', color: '#e8590c', lineStyle: 'dashed', dash: [12, 6], arrow: 'vee', width: 4.5 },
  { rule: 'TRAFFIC-SAFETY-FLOW-UNSEEN', key: 'unseen', label: 'Safety-required flow never observed', color: '#862e9c', lineStyle: 'dotted', arrow: 'tee', width: 4.5 },
  // Dash-dot: told apart from the dashed and dotted lines without colour.
  { rule: 'TRAFFIC-DENIED-BY-MODEL', key: 'denied', label: 'Seen, but the stored rules deny it', color: '#1864ab', lineStyle: 'dashed', dash: [14, 4, 3, 4], arrow: 'square', width: 4.5 },
];

if (TRAFFIC_CATEGORIES.length !== TRAFFIC_RULES.length) throw new Error('every traffic rule needs a category in client/src/traffic/categories.ts');

export function categoryOf(rule: TrafficRule): TrafficCategory {
  const category = TRAFFIC_CATEGORIES.find((c) => c.rule === rule);
  if (!category) throw new Error(`no category for ${rule}`);
  return category;
}

/** Findings per category, every category present (zero when none). */
export function countByCategory(findings: ReadonlyArray<{ rule: TrafficRule }>): Map<TrafficRule, number> {
  const counts = new Map<TrafficRule, number>(TRAFFIC_CATEGORIES.map((c) => [c.rule, 0]));
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}
