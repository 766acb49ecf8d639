// A traffic answer as a plain-text report for a person (what `npm run traffic` prints). Pure.
import { SEVERITIES } from '../../model/site-schema.js';
import type { TrafficAnswer } from './traffic-answer.js';

export function formatTrafficReport(answer: TrafficAnswer): string {
  const c = answer.capture;
  const out = [
    `Interlock traffic check: ${answer.summary.message}`,
    `Capture: ${c.lines.toLocaleString('en-GB')} lines (${c.form ?? 'unknown form'}), ${c.connections.toLocaleString('en-GB')} connections, ` +
      `${c.communications.toLocaleString('en-GB')} communications, ${c.firstSeen ?? '-'} to ${c.lastSeen ?? '-'}.`,
    '',
  ];
  for (const severity of SEVERITIES) {
    const group = answer.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`${severity} (${group.length})`);
    for (const f of group) {
      out.push(`  [${f.rule}] ${f.title}`, `    ${f.explanation}`);
      if (f.path.nodes.length) out.push(`    Path: ${f.path.nodes.join(' → ')}${f.path.edges.length ? ` (via ${f.path.edges.join(', ')})` : ''}`);
      out.push(`    Do: ${f.recommendation}`, '');
    }
  }
  if (answer.notUnderstoodCount > 0) {
    out.push(`Not understood: ${answer.notUnderstoodCount} line${answer.notUnderstoodCount === 1 ? '' : 's'}${answer.notUnderstoodCount > answer.notUnderstood.length ? ` (first ${answer.notUnderstood.length} listed)` : ''}`);
    out.push(...answer.notUnderstood.map((p) => `  line ${p.line}: ${p.reason}`));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
