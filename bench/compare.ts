// Do the three answers agree? The engine's findings reduced to (id, severity), against the
// in-process reference (b) on every finding rule, and against the naive Cypher (a) on the rules
// it answers (NAIVE_SCOPE). A benchmark that answers wrongly fast is worthless, so every
// disagreement is kept with both sides for the report.
import type { ImpactResponse } from '../server/impact/change-schema.js';
import { canonical, type Comparable } from '../server/oracle/finding-rules.js';
import { NAIVE_SCOPE } from './naive-cypher.js';

export interface Disagreement {
  change: number;
  kind: string;
  against: 'floor' | 'naive';
  onlyEngine: string[];
  onlyReference: string[];
}

export const engineComparables = (answer: ImpactResponse): Comparable[] => answer.findings.map((f) => ({ id: f.id, severity: f.severity }));

function diff(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  const onlyB: string[] = [];
  for (const x of b) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else onlyB.push(x);
  }
  return { onlyA: [...count].flatMap(([x, n]) => Array<string>(n).fill(x)), onlyB };
}

/** Disagreements of one change (empty when all three agree). */
export function compareChange(change: number, kind: string, engine: Comparable[], floor: Comparable[], naive: Comparable[]): Disagreement[] {
  const out: Disagreement[] = [];
  const e = canonical(engine);
  const f = diff(e, canonical(floor));
  if (f.onlyA.length || f.onlyB.length) out.push({ change, kind, against: 'floor', onlyEngine: f.onlyA, onlyReference: f.onlyB });
  const scoped = (list: Comparable[]) => canonical(list.filter((x) => NAIVE_SCOPE(x.id.replace(/@\d+$/, ''))));
  const n = diff(scoped(engine), scoped(naive));
  if (n.onlyA.length || n.onlyB.length) out.push({ change, kind, against: 'naive', onlyEngine: n.onlyA, onlyReference: n.onlyB });
  return out;
}
