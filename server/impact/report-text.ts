// A what-if answer as a readable plain-text report, findings grouped by severity: what the
// impact CLI prints for a person (and a CI log). Pure.
import { SEVERITIES } from '../model/site-schema.js';
import type { Finding, ImpactResponse } from './change-schema.js';

const WIDTH = 100;

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function findingLines(f: Finding): string[] {
  const path = [...f.path.nodes, ...f.path.edges.length ? [`(via ${f.path.edges.join(', ')})`] : []].join(' → ');
  return [
    `  [${f.rule}] ${f.title}`,
    ...wrap(f.explanation, '    '),
    ...(f.sifs.length ? wrap(`SIFs: ${f.sifs.map((s) => `${s.id} (SIL ${s.sil})`).join(', ')}`, '    ') : []),
    ...(path ? wrap(`Path: ${path}`, '    ') : []),
    ...(f.exposures?.length ? f.exposures.map((e) => `    + ${e.source} → ${e.destination} ${e.protocol}/${e.ports} (${e.rule ?? 'default action'})`) : []),
    ...wrap(`Do: ${f.recommendation}`, '    '),
    '',
  ];
}

export function formatReport(answer: ImpactResponse): string {
  const out = [`Interlock what-if: ${answer.summary.message}`, ''];
  for (const severity of SEVERITIES) {
    const group = answer.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`${severity} (${group.length})`, ...group.flatMap(findingLines));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
