// The one-paragraph summary of a traffic comparison: counts by severity and by kind. Pure.
import { SEVERITIES } from '../../model/site-schema.js';
import type { Severity } from '../../impact/change-schema.js';
import { highest } from '../../impact/severity.js';
import { TRAFFIC_RULES, type TrafficAnswer, type TrafficFinding } from './traffic-answer.js';

const KINDS: Record<(typeof TRAFFIC_RULES)[number], string> = {
  'TRAFFIC-UNDECLARED-SAFETY': 'undeclared into a safety zone or to a SIF element',
  'TRAFFIC-UNDECLARED-CONDUIT': 'undeclared across a conduit',
  'TRAFFIC-SAFETY-FLOW-UNSEEN': 'safety flow not seen',
  'TRAFFIC-DENIED-BY-MODEL': 'denied by the stored rules but seen',
};

export function trafficSummary(findings: ReadonlyArray<TrafficFinding>): TrafficAnswer['summary'] {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  const maxSeverity = highest(findings.map((f) => f.severity));
  const kinds = TRAFFIC_RULES.map((r) => [KINDS[r], findings.filter((f) => f.rule === r).length] as const).filter(([, n]) => n > 0);
  const message = findings.length === 0
    ? 'The observed traffic agrees with the model: every communication is declared or stays inside its zone, and every safety flow was seen.'
    : `${findings.length} finding${findings.length === 1 ? '' : 's'}, highest ${maxSeverity}: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}.`;
  return { maxSeverity, counts, message };
}
