// FortiGate `config firewall policy` (with address, addrgrp, service custom and service group
// objects) → the conduit's ordered rules. Policies apply in the order they appear (the order
// `move` maintains), first match wins, and what no policy matches meets FortiOS's implicit deny.
import { DEFAULT_MAX_RULES, emitRules, type Decision } from '../emit-rules.js';
import type { Match } from '../match.js';
import { LineLedger, splitLines, type ParseReport } from '../report.js';
import { ALL_ADDRESSES, covers, type RangeSet } from '../range-set.js';
import { FortiObjects, negateAddresses, negateServices, type Resolved, type Service } from './objects.js';
import { parseConfig, type Block, type Entry } from './parse-config.js';
import { settingRole } from './policy-settings.js';

export interface FortigateOptions {
  idPrefix?: string;
  maxRules?: number;
}

const OBJECT_PATHS = new Set(['firewall address', 'firewall addrgrp', 'firewall service custom', 'firewall service group']);

function sectionReason(path: string): string {
  if (/^firewall (policy6|address6|addrgrp6|multicast)/.test(path)) return `config ${path}: IPv6 and multicast are not represented (Interlock models IPv4 unicast)`;
  if (/^firewall (vip|vipgrp|ippool|central-snat-map)/.test(path)) return `config ${path}: NAT objects are not represented`;
  if (path.startsWith('firewall schedule')) return `config ${path}: schedules are not represented (a policy that uses one is listed)`;
  if (path.startsWith('user ')) return `config ${path}: users and groups are not represented (a policy that uses them is listed)`;
  if (path.startsWith('application ')) return `config ${path}: application control is not represented`;
  if (path === 'vdom') return 'VDOM structure';
  return `config ${path}: not about the firewall policy`;
}

function unionOf(names: string[], lookup: (n: string) => Resolved<RangeSet>): Resolved<RangeSet[]> {
  const out = { value: [] as RangeSet[], lines: [] as number[], approximations: [] as Array<{ line: number; reason: string }> };
  for (const name of names) {
    const r = lookup(name);
    if ('refusal' in r) return r;
    out.value.push(r.value);
    out.lines.push(...r.lines);
  }
  return out;
}

interface PolicyRead { decision: Decision | null }

/** One service's protocols grouped by port set, so ALL is one "any" rule rather than three. */
function byPorts(services: Service[]): Array<Pick<Match, 'protocols' | 'ports'>> {
  const groups = new Map<string, Pick<Match, 'protocols' | 'ports'>>();
  for (const s of services) {
    const key = JSON.stringify(s.ports);
    const g = groups.get(key) ?? { protocols: [], ports: s.ports };
    if (!g.protocols.includes(s.protocol)) g.protocols.push(s.protocol);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function refusedPolicy(policy: Entry, label: string, ledger: LineLedger): PolicyRead {
  for (const line of policy.lines) if (!ledger.has(line)) ledger.notRepresented(line, `part of ${label}, which cannot be represented (see the refused lines)`);
  return { decision: null };
}

function readPolicy(policy: Entry, objects: FortiObjects, ledger: LineLedger): PolicyRead {
  const get = (key: string) => policy.settings.find((s) => s.key === key);
  const label = `policy ${policy.name}${get('name') ? ` "${get('name')!.values.join(' ')}"` : ''}`;
  if (get('status')?.values[0] === 'disable') {
    for (const line of policy.lines) ledger.notRepresented(line, `${label} is disabled`);
    return { decision: null };
  }
  let refused = false;
  const refuse = (line: number, reason: string) => {
    refused = true;
    ledger.notRepresented(line, reason, true);
  };
  const matchLines = [policy.line, ...policy.lines.slice(-1)];
  for (const s of policy.settings) {
    const role = settingRole(s.key, s.values);
    if (role.kind === 'refuse') refuse(s.line, role.reason);
    else if (role.kind === 'ignore') ledger.notRepresented(s.line, role.reason);
    else {
      matchLines.push(s.line);
      if (role.kind === 'approximate') ledger.notRepresented(s.line, role.reason);
    }
  }
  const side = (key: 'srcaddr' | 'dstaddr'): RangeSet[] | null => {
    const s = get(key);
    if (!s || s.values.length === 0) {
      refuse(policy.line, `${label} has no ${key}`);
      return null;
    }
    const vip = key === 'dstaddr' ? s.values.find((v) => objects.vips.has(v)) : undefined;
    if (vip) {
      refuse(s.line, `destination "${vip}" is a virtual IP (destination NAT): the policy matches its external address and forwards to another; not represented`);
      return null;
    }
    const r = unionOf(s.values, objects.address);
    if ('refusal' in r) {
      refuse(r.line ?? s.line, r.refusal);
      return null;
    }
    matchLines.push(...r.lines);
    return get(`${key}-negate`)?.values[0] === 'enable' ? [negateAddresses(r.value.flat())] : r.value;
  };
  const src = side('srcaddr');
  const dst = side('dstaddr');
  const svc = get('service');
  let services: Service[][] | null = null;
  if (!svc || svc.values.length === 0) refuse(policy.line, `${label} has no service`);
  else {
    services = [];
    for (const name of svc.values) {
      const r = objects.service(name);
      if ('refusal' in r) {
        refuse(r.line ?? svc.line, r.refusal);
        services = null;
        break;
      }
      matchLines.push(...r.lines);
      for (const a of r.approximations) ledger.notRepresented(a.line, a.reason);
      services.push(r.value);
    }
    if (services && get('service-negate')?.values[0] === 'enable') services = [negateServices(services.flat())];
  }
  const action = get('action')?.values[0] ?? 'deny';
  if (!['accept', 'deny', 'ipsec'].includes(action)) refuse(get('action')!.line, `action ${action} is not accept, deny or ipsec`);
  if (refused || !src || !dst || !services) return refusedPolicy(policy, label, ledger);

  const whole = (sets: RangeSet[]) => sets.some((x) => covers(x, ALL_ADDRESSES));
  const interfaces = policy.settings.some((x) => (x.key === 'srcintf' || x.key === 'dstintf') && !x.values.every((v) => v === 'any'));
  if (action !== 'deny' && interfaces && whole(src) && whole(dst)) {
    ledger.notRepresented(policy.line, `${label} allows from all to all addresses between its interfaces: without interfaces it would open the conduit to all traffic in both directions`, true);
    return refusedPolicy(policy, label, ledger);
  }
  const match: Match[] = [];
  for (const s of src) for (const d of dst) for (const group of services) for (const one of byPorts(group)) match.push({ ...one, src: s, dst: d });
  const comments = get('comments')?.values.join(' ');
  return {
    decision: {
      match, action: action === 'deny' ? 'deny' : 'allow', lines: [...new Set(matchLines)],
      description: `FortiGate ${label}, lines ${policy.line}-${policy.lines[policy.lines.length - 1]}${comments ? `: ${comments}` : ''}`,
    },
  };
}

export function importFortigate(text: string, options: FortigateOptions = {}): ParseReport {
  const lines = splitLines(text);
  const ledger = new LineLedger(lines);
  const blocks = parseConfig(lines, ledger);
  const policyBlocks = blocks.filter((b) => b.path === 'firewall policy');
  const vdoms = new Set(policyBlocks.map((b) => b.vdom));
  if (policyBlocks.length === 0) ledger.notRepresented(0, 'no "config firewall policy" block: there are no policies to import', true);
  if (vdoms.size > 1) for (const b of policyBlocks) ledger.notRepresented(b.line, `policies of several VDOMs (${[...vdoms].join(', ')}): import one VDOM's configuration per conduit`, true);

  const objects = new FortiObjects(blocks);
  const decisions = policyBlocks.flatMap((b) => b.entries).map((p) => readPolicy(p, objects, ledger).decision).filter((d): d is Decision => d !== null);
  const rules = emitRules(decisions, { idPrefix: options.idPrefix ?? 'fgt', maxRules: options.maxRules ?? DEFAULT_MAX_RULES }, ledger) ?? [];
  accountRest(blocks, ledger);
  return { format: 'fortigate', source: 'config firewall policy', rules, defaultAction: 'deny', ...ledger.finish() };
}

function accountRest(blocks: Block[], ledger: LineLedger): void {
  for (const b of blocks.filter((x) => x.path === 'firewall policy' || OBJECT_PATHS.has(x.path))) {
    for (const line of b.lines) ledger.notRepresented(line, b.path === 'firewall policy' ? 'structure of the policy table' : `structure of config ${b.path}`);
    if (b.path === 'firewall policy') continue;
    for (const e of b.entries) {
      for (const line of e.lines) if (!ledger.has(line)) ledger.notRepresented(line, `"${e.name}" is not used by any policy that was imported`);
    }
  }
  // Innermost sections first, so a line is explained by the section it sits in.
  for (const b of [...blocks].reverse()) {
    if (b.path === 'firewall policy' || OBJECT_PATHS.has(b.path)) continue;
    for (const line of b.allLines) if (!ledger.has(line)) ledger.notRepresented(line, sectionReason(b.path));
  }
}
