// Turns decisions read from a configuration (each a union of match products with one action) into
// the conduit's ordered rules: one rule per source CIDR × destination CIDR × protocol × port range.
// The rules of one decision are consecutive and share its action, so first match is kept.
import type { FirewallRuleT } from '../model/site-schema.js';
import { allPorts, isEmpty, MODELLED_PROTOCOLS, type Match } from './match.js';
import { addressEndpoints } from './range-set.js';
import type { LineLedger } from './report.js';

export interface Decision {
  match: Match[];
  action: 'allow' | 'deny';
  /** The lines it comes from, the deciding line first (then the jumps that led to it). */
  lines: number[];
  description: string;
}

export interface EmitOptions {
  idPrefix: string;
  /** Past this many rules the expansion (negations, cross products) is refused, not truncated. */
  maxRules: number;
}

export const DEFAULT_MAX_RULES = 5000;
const DESCRIPTION_MAX = 4000;

function protocolsOf(m: Match): Array<FirewallRuleT['protocol']> {
  return m.protocols.length === MODELLED_PROTOCOLS.length ? ['any'] : m.protocols;
}

function portsOf(m: Match): Array<FirewallRuleT['ports']> {
  if (allPorts(m.ports)) return ['any'];
  return m.ports.map((r) => (r.lo === r.hi ? r.lo : `${r.lo}-${r.hi}`));
}

function expand(m: Match): Array<Omit<FirewallRuleT, 'id' | 'seq' | 'action' | 'description'>> {
  if (isEmpty(m)) return [];
  const out: Array<Omit<FirewallRuleT, 'id' | 'seq' | 'action' | 'description'>> = [];
  for (const src of addressEndpoints(m.src)) {
    for (const dst of addressEndpoints(m.dst)) {
      for (const protocol of protocolsOf(m)) {
        for (const ports of protocol === 'icmp' ? ['any' as const] : portsOf(m)) out.push({ protocol, src, dst, ports });
      }
    }
  }
  return out;
}

export function ruleId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(3, '0')}`;
}

/** The rules, or null (and a refusal on the offending line) when the expansion is too large. */
export function emitRules(decisions: Decision[], options: EmitOptions, ledger: LineLedger): FirewallRuleT[] | null {
  const rules: FirewallRuleT[] = [];
  const empty = new Set<number>();
  for (const d of decisions) {
    const shapes = d.match.flatMap(expand);
    if (rules.length + shapes.length > options.maxRules) {
      ledger.notRepresented(d.lines[0]!, `expanding this line would exceed ${options.maxRules} rules (negations and lists multiply); split the configuration`, true);
      return null;
    }
    const ids: string[] = [];
    for (const shape of shapes) {
      const n = rules.length + 1;
      const id = ruleId(options.idPrefix, n);
      ids.push(id);
      rules.push({ id, seq: n * 10, action: d.action, ...shape, description: d.description.slice(0, DESCRIPTION_MAX) });
    }
    if (shapes.length === 0) empty.add(d.lines[0]!);
    else for (const line of d.lines) ledger.produced(line, ids);
  }
  // Reached by another path that does match, a line is represented; only never-matching ones are listed.
  for (const line of empty) {
    if (!ledger.isRepresented(line)) ledger.notRepresented(line, 'can never match a flow: its conditions exclude every tcp, udp and icmp flow, or contradict the jump that leads to it');
  }
  return rules;
}
