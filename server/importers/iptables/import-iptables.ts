// iptables-save output → the conduit's ordered rules: parse, read each rule, flatten the conduit's
// chain (FORWARD unless told otherwise), expand into rules, and account for every line.
import type { FirewallRuleT } from '../../model/site-schema.js';
import { DEFAULT_MAX_RULES, emitRules, type Decision } from '../emit-rules.js';
import { LineLedger, splitLines, type ParseReport } from '../report.js';
import { coveredBy } from '../match.js';
import { flattenChain } from './flatten.js';
import { parseSave, type SavedTable } from './parse-save.js';
import { readRule, type ReadRule } from './read-rule.js';

export interface IptablesOptions {
  /** The chain whose rules are the conduit's: FORWARD, or a user chain. */
  chain?: string;
  idPrefix?: string;
  maxRules?: number;
}

const OTHER_TABLES: Record<string, string> = {
  nat: 'nat table: address translation is not represented; Interlock matches addresses as the filter table sees them',
  mangle: 'mangle table: packet marking and rewriting is not represented',
  raw: 'raw table: connection-tracking exemptions are not represented',
  security: 'security table: SELinux packet labels are not represented',
};

function unreachedReason(chain: string, conduitChain: string): string {
  if (chain === 'INPUT') return 'chain INPUT: traffic to the firewall itself, not through the conduit';
  if (chain === 'OUTPUT') return 'chain OUTPUT: traffic from the firewall itself, not through the conduit';
  return `chain ${chain} is not reached from ${conduitChain}`;
}

function reachable(from: string, read: Map<string, ReadRule[]>): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const r of read.get(queue.shift()!) ?? []) {
      const t = r.target;
      if ((t.kind === 'jump' || t.kind === 'goto') && !seen.has(t.chain) && !r.never) {
        seen.add(t.chain);
        queue.push(t.chain);
      }
    }
  }
  return seen;
}

function accountOtherTable(table: SavedTable, ledger: LineLedger, reason = OTHER_TABLES[table.name] ?? `${table.name} table: not a table of filtering rules`): void {
  for (const line of [...table.structureLines, ...[...table.chains.values()].map((c) => c.line), ...table.rules.map((r) => r.line)]) ledger.notRepresented(line, reason);
}

function accountRule(rule: ReadRule, reached: boolean, reason: string, ledger: LineLedger): void {
  if (!reached) return ledger.notRepresented(rule.line, reason);
  if (rule.never) return ledger.notRepresented(rule.line, rule.never);
  if (rule.target.kind === 'continue' && rule.refusals.length === 0) return ledger.notRepresented(rule.line, rule.target.reason);
  for (const r of rule.refusals) ledger.notRepresented(rule.line, r, true);
  for (const a of rule.approximations) ledger.notRepresented(rule.line, a);
}

function describe(lines: number[], ledger: LineLedger): string {
  const [first, ...via] = lines;
  return `iptables line ${first}: ${ledger.text(first!).trim()}${via.length ? ` (via line${via.length > 1 ? 's' : ''} ${via.join(', ')})` : ''}`;
}

export function importIptables(text: string, options: IptablesOptions = {}): ParseReport {
  const chain = options.chain ?? 'FORWARD';
  const lines = splitLines(text);
  const ledger = new LineLedger(lines);
  const tables = parseSave(lines, ledger);
  const filters = tables.filter((t) => t.name === 'filter');
  for (const t of tables.filter((t) => t.name !== 'filter')) accountOtherTable(t, ledger);
  const finish = (rules: FirewallRuleT[], defaultAction: 'allow' | 'deny'): ParseReport => ({ format: 'iptables', source: `filter table, chain ${chain}`, rules, defaultAction, ...ledger.finish() });

  const filter = filters[0];
  if (!filter) {
    ledger.notRepresented(0, 'no filter table (*filter … COMMIT): there are no filtering rules to import', true);
    return finish([], 'deny');
  }
  for (const t of filters.slice(1)) accountOtherTable(t, ledger, 'a second filter table: iptables-save writes one (ip6tables-save output appended?), so which rules apply is ambiguous');
  for (const t of filters.slice(1)) ledger.notRepresented(t.line, 'a second filter table: iptables-save writes one (ip6tables-save output appended?), so which rules apply is ambiguous', true);
  const decl = filter.chains.get(chain);
  if (!decl) {
    ledger.notRepresented(filter.line, `chain ${chain} is not declared in the filter table (it has ${[...filter.chains.keys()].join(', ') || 'no chains'})`, true);
  }
  ledger.notRepresented(filter.line, 'start of the filter table');
  if (filter.commitLine) ledger.notRepresented(filter.commitLine, 'end of the filter table');

  const isChain = (name: string) => filter.chains.has(name) && filter.chains.get(name)!.policy === null;
  const read = new Map<string, ReadRule[]>();
  for (const r of filter.rules) read.set(r.chain, [...(read.get(r.chain) ?? []), readRule(r.line, r.args, isChain)]);
  const reached = reachable(chain, read);
  for (const r of filter.rules) if (!filter.chains.has(r.chain)) ledger.notRepresented(r.line, `chain ${r.chain} is not declared`, true);
  for (const [name, rules] of read) for (const rule of rules) accountRule(rule, reached.has(name), unreachedReason(name, chain), ledger);

  let defaultAction: 'allow' | 'deny' = 'deny';
  for (const [name, c] of filter.chains) {
    if (name === chain) {
      if (c.policy === 'ACCEPT') defaultAction = 'allow';
      else if (c.policy !== null && c.policy !== 'DROP') ledger.notRepresented(c.line, `policy ${c.policy} is not ACCEPT or DROP`, true);
      ledger.produced(c.line, [], c.policy
        ? `default action ${defaultAction} (policy ${c.policy})`
        : 'a user chain has no policy: the default action is deny (falling off it returns to a caller outside the conduit)');
    } else if (reached.has(name)) ledger.notRepresented(c.line, `user chain ${name}: its rules are flattened where ${chain} jumps to it`);
    else ledger.notRepresented(c.line, unreachedReason(name, chain));
  }
  if (!decl) return finish([], defaultAction);

  const flat = flattenChain(chain, {
    rulesOf: (name) => read.get(name) ?? [],
    refuse: (line, reason) => ledger.notRepresented(line, reason, true),
    declaredAt: (name) => filter.chains.get(name)?.line ?? filter.line,
    maxEntries: options.maxRules ?? DEFAULT_MAX_RULES,
  });
  // Falling through to the default after a RETURN is often already decided by an earlier rule (a
  // catch-all DROP): such a repeat of the default can never match, so it is not written out.
  const needed = (flat ?? []).filter((e, i, all) => e.outcome !== 'return' || !all.slice(0, i).some((x) => coveredBy(e.match, x.match)));
  const decisions: Decision[] = needed.map((e) => ({
    match: [e.match], action: e.outcome === 'return' ? defaultAction : e.outcome, lines: e.lines, description: describe(e.lines, ledger),
  }));
  const rules = emitRules(decisions, { idPrefix: options.idPrefix ?? 'ipt', maxRules: options.maxRules ?? DEFAULT_MAX_RULES }, ledger) ?? [];
  for (const [name, chainRules] of read) {
    for (const r of chainRules.filter((x) => reached.has(name) && !x.never && x.refusals.length === 0)) {
      if (r.target.kind === 'return') ledger.produced(r.line, [], 'RETURN: matching packets go back to the rules after the jump, repeated here narrowed to them');
      else if (r.note && ledger.isRepresented(r.line)) ledger.produced(r.line, [], r.note);
      if ((r.target.kind === 'jump' || r.target.kind === 'goto') && !ledger.has(r.line)) ledger.notRepresented(r.line, `jumps to chain ${r.target.chain}, which decides nothing for these packets`);
      if (!ledger.has(r.line)) ledger.notRepresented(r.line, 'can never decide a flow: its conditions contradict those of every jump that leads to it');
    }
  }
  return finish(rules, defaultAction);
}
