// Compact, exact views of a parse report for assertions: each rule with the lines credited with
// it, and the lines not represented grouped by reason (refused ones marked).
import type { ParseReport } from '../../server/importers/report.js';

export function ruleLines(report: ParseReport): string[] {
  return report.rules.map((r) => {
    const lines = report.represented.filter((l) => l.rules.includes(r.id)).map((l) => l.line);
    return `${r.seq} ${r.action} ${r.protocol} ${r.src as string} > ${r.dst as string} ${r.ports} @${lines.join(',')}`;
  });
}

export function notRepresented(report: ParseReport): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const n of report.notRepresented) {
    const key = `${n.refused ? 'REFUSED ' : ''}${n.reason}`;
    out[key] = [...(out[key] ?? []), n.line];
  }
  return out;
}
