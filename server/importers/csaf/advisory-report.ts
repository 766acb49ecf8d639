// An advisory answer as a plain-text report for a person (what `npm run advisory` prints). Pure.
import { formatReport } from '../../impact/report-text.js';
import type { AdvisoryAnswer } from './advisory-answer.js';

function assetLines(answer: AdvisoryAnswer, status: 'affected' | 'possibly-affected'): string[] {
  const assets = answer.affected.filter((a) => a.status === status);
  const title = status === 'affected' ? 'Affected' : 'Possibly affected';
  return [
    `${title} (${assets.length})`,
    ...assets.flatMap((a) => [
      `  ${a.asset} — ${a.name} [${a.zone}]: ${a.vendor} ${a.model} ${a.version ?? '(no version recorded)'}`,
      ...a.reasons.map((r) => `    ${r.vulnerability}: ${r.why}`),
    ]),
    '',
  ];
}

export function formatAdvisoryReport(answer: AdvisoryAnswer): string {
  const { advisory: a } = answer;
  const out = [`Advisory ${a.id} version ${a.version} (${a.publisher}, ${a.currentReleaseDate})`, `  ${a.title}`, '', `${answer.summary.message}`, ''];
  for (const v of answer.vulnerabilities) {
    out.push(`${v.key}${v.cvss ? ` CVSS ${v.cvss.baseScore} ${v.cvss.baseSeverity} (${v.cvss.vectorString})` : ''}${v.title ? ` — ${v.title}` : ''}`);
    for (const r of v.remediations) out.push(`  ${r.category}${r.restart ? ` (restart: ${r.restart})` : ''}: ${r.details}`);
  }
  out.push('', ...assetLines(answer, 'affected'), ...assetLines(answer, 'possibly-affected'));
  out.push(`Patch what-if: ${answer.patchNote}`);
  if (answer.patch) out.push(...formatReport(answer.patch.impact).trimEnd().split('\n').map((l) => `  ${l}`));
  out.push('', `Triage: ${answer.triage.summary.message}`, ...answer.triage.items.map((t) => `  ${t.asset}: ${t.note}`));
  if (answer.notUnderstood.length) {
    out.push('', `Not understood (${answer.notUnderstood.length})`, ...answer.notUnderstood.map((n) => `  ${n.path}: ${n.reason}`));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
