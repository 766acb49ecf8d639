// A firewall import as plain text for a person: what was read, the rules in order, every line not
// represented (refused ones marked), then the what-if report. Pure.
import { formatReport } from '../impact/report-text.js';
import type { ImportFirewallAnswer } from './import-firewall.js';

const endpoint = (e: unknown) => (typeof e === 'string' ? e : Object.entries(e as Record<string, string>).map(([k, v]) => `${k}:${v}`).join(''));

export function formatImport(answer: ImportFirewallAnswer, file: string): string {
  const { report } = answer;
  const refused = report.notRepresented.filter((n) => n.refused).length;
  const out = [
    `${answer.conduit} <- ${file} (${report.format}, ${report.source}): ${report.rules.length} rule${report.rules.length === 1 ? '' : 's'}, default ${report.defaultAction}; ` +
      `${report.notRepresented.length} line${report.notRepresented.length === 1 ? '' : 's'} not represented, ${refused} refused.`,
    '',
    'Rules (first match wins):',
    ...report.rules.map((r) => `  ${String(r.seq).padStart(5)}  ${r.id}  ${r.action.padEnd(5)} ${r.protocol.padEnd(4)} ${endpoint(r.src)} -> ${endpoint(r.dst)} ports ${r.ports}`),
    '',
    'Not represented:',
    ...report.notRepresented.map((n) => `  ${n.refused ? 'REFUSED ' : ''}line ${n.line}: ${n.reason}${n.text ? `\n      ${n.text.trim()}` : ''}`),
    '',
  ];
  if (!report.importable) out.push('The configuration cannot be represented: nothing was assessed or written.');
  else {
    out.push(formatReport(answer.impact!).trimEnd());
    out.push('', answer.applied ? `Applied: ${answer.conduit} now has ${report.rules.length} rules, default ${report.defaultAction}.` : 'Dry run: nothing was written.');
  }
  return `${out.join('\n')}\n`;
}
