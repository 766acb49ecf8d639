// The assurance answers as readable text for `npm run assurance`: a pipeline's log or a terminal.
import type { BoardReportT } from './report-schema.js';
import type { EvidenceCurrencyT, FrameworkSummaryT, InconsistencyT } from './schemas.js';

const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} %`);
const num = (n: number | null) => (n === null ? '–' : n.toFixed(1));
const pad = (s: string, n: number) => s.padEnd(n);

export function formatSummaries(asOf: string, summaries: FrameworkSummaryT[]): string {
  const width = Math.max(9, ...summaries.map((s) => s.name.length + s.framework.length + 3));
  const lines = [`Compliance as of ${asOf}`, '', `${pad('framework', width)} ${pad('domain', 6)} ${pad('compliance', 10)} maturity  met partial not-met gap / assessable`];
  for (const s of summaries) {
    lines.push(`${pad(`${s.name} (${s.framework})`, width)} ${pad(s.domain, 6)} ${pad(pct(s.compliance), 10)} ${pad(num(s.maturity), 9)} ${String(s.counts.met).padStart(3)} ${String(s.counts.partial).padStart(7)} ${String(s.counts['not-met']).padStart(7)} ${String(s.counts.gap).padStart(3)} / ${s.assessable}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatRequirements(requirements: Array<{ requirement: string; ref: string; title: string; domain: string; status: string; source: string }>): string {
  const open = requirements.filter((r) => r.status !== 'met');
  if (open.length === 0) return 'Every assessable requirement is met.\n';
  return `\nNot met (${open.length}):\n${open.map((r) => `  ${pad(r.domain, 3)} ${pad(r.status, 8)} ${pad(r.ref, 14)} ${r.title}${r.source === 'projected' ? ' (projected)' : ''}`).join('\n')}\n`;
}

export function describeInconsistency(i: InconsistencyT): string {
  switch (i.kind) {
    case 'NOT-ASSESSED': return `${i.control}: not assessed for ${i.domain}`;
    case 'BOTH-STATUS-DIFFERS': return `${i.control}: IT ${i.IT}, OT ${i.OT}`;
    case 'BOTH-MATURITY-DIFFERS': return `${i.control}: maturity IT ${i.IT}, OT ${i.OT}`;
    case 'EQUAL-STATUS-DIFFERS': return `${i.from} (${i.fromStatus}) = ${i.to} (${i.toStatus}) in ${i.domain}, mapping ${i.mapping}`;
  }
}

export function formatInconsistencies(asOf: string, found: InconsistencyT[]): string {
  if (found.length === 0) return `No inconsistency as of ${asOf}.\n`;
  return `${found.length} inconsistenc${found.length === 1 ? 'y' : 'ies'} as of ${asOf}:\n${found.map((i) => `  [${i.kind}] ${describeInconsistency(i)}`).join('\n')}\n`;
}

export function formatEvidence(asOf: string, evidence: EvidenceCurrencyT[], without: Record<string, string[]>): string {
  const lines = [`Evidence as of ${asOf}: ${(['fresh', 'due', 'expired', 'absent'] as const).map((c) => `${evidence.filter((e) => e.currency === c).length} ${c}`).join(', ')}`];
  for (const currency of ['expired', 'absent', 'due'] as const) {
    const items = evidence.filter((e) => e.currency === currency);
    if (items.length) lines.push('', `${currency} (${items.length}):`, ...items.map((e) => `  ${pad(e.evidence, 28)} ${e.expiresOn ? `expires ${e.expiresOn}` : 'no revision'}  ${e.name} (${e.domains.join('+')})`));
  }
  for (const [domain, controls] of Object.entries(without)) if (controls.length) lines.push('', `Controls with no current ${domain} evidence (${controls.length}): ${controls.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatBoardReport(r: BoardReportT): string {
  const lines = [formatSummaries(r.asOf, r.frameworks).trimEnd()];
  for (const c of r.caf) lines.push(`CAF against ${r.profile} (${c.domain}): ${c.meeting} of ${c.targets} outcomes meet their target${c.notMeeting.length ? `; below: ${c.notMeeting.join(', ')}` : ''}`);
  lines.push('', 'Risk position');
  for (const reg of r.risks) {
    const flags = Object.entries(reg.flags).filter(([, ids]) => ids.length).map(([f, ids]) => `${f} ${ids.length}`);
    lines.push(`  ${pad(reg.register, 6)} ${reg.risks} risks; open treatments ${reg.openTreatments.length}${flags.length ? `; ${flags.join(', ')}` : ''}`);
  }
  lines.push('', 'Evidence');
  for (const e of r.evidence) lines.push(`  ${e.domain}: ${e.fresh} fresh, ${e.due} due, ${e.expired} expired, ${e.absent} absent; ${e.controlsWithoutCurrentEvidence.length} controls with no current evidence`);
  lines.push('', `Inconsistencies: ${Object.entries(r.inconsistencies).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push('', `Safety exposure: ${r.safety.sifs.length} SIFs cross a zone below its SL-T; ${r.safety.risks.length} risks with major or severe safety consequence (${r.safety.risks.filter((k) => k.treatmentState === 'open').length} open)`);
  for (const s of r.safety.sifs.slice(0, 20)) lines.push(`  ${s.sif} SIL ${s.sil}: ${s.zones.map((z) => `${z.zone} SL-C ${z.slC} < SL-T ${z.slTarget}${z.uncertain ? ' (uncertain)' : ''}`).join(', ')}`);
  if (r.safety.sifs.length > 20) lines.push(`  … and ${r.safety.sifs.length - 20} more (--json lists all)`);
  return `${lines.join('\n')}\n`;
}
