// Reads one `-A` rule's arguments into what Interlock can hold (a match product and a target) and
// into what it cannot: refusals (the rule decides flows in a way a conduit rule cannot express),
// approximations (a condition dropped, listed), or a reason the rule never decides a new flow.
import { IPV4_MAX, parseIpv4, type IntRange } from '../../model/ipv4.js';
import { ALL_PORTS, allPorts, matchAll, MODELLED_PROTOCOLS, type Match, type ModelledProtocol } from '../match.js';
import { complement, covers, intersect, normalize, ALL_ADDRESSES } from '../range-set.js';
import { readConntrack } from './conntrack.js';

export type Target =
  | { kind: 'verdict'; action: 'allow' | 'deny' }
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'return' }
  | { kind: 'continue'; reason: string }
  | { kind: 'unknown'; name: string };

export interface ReadRule {
  line: number;
  match: Match;
  target: Target;
  refusals: string[];
  approximations: string[];
  never: string | null;
  note?: string;
  comment?: string;
}

const PROTOCOLS: Record<string, ModelledProtocol[]> = {
  tcp: ['tcp'], '6': ['tcp'], udp: ['udp'], '17': ['udp'], icmp: ['icmp'], '1': ['icmp'], all: [...MODELLED_PROTOCOLS], '0': [...MODELLED_PROTOCOLS],
};
const NON_DECIDING = new Set(['LOG', 'NFLOG', 'ULOG', 'AUDIT', 'TRACE', 'TCPMSS', 'MARK', 'CONNMARK', 'CLASSIFY', 'DSCP', 'TOS', 'SECMARK', 'CONNSECMARK']);
const KNOWN_MODULES = new Set(['tcp', 'udp', 'icmp', 'multiport', 'iprange', 'conntrack', 'state', 'comment']);
const GENERAL = new Set(['-s', '--source', '--src', '-d', '--destination', '--dst', '-p', '--protocol', '-i', '--in-interface', '-o', '--out-interface', '-m', '--match', '-j', '--jump', '-g', '--goto', '!', '-f', '--fragment', '-4', '-6', '--ipv4', '--ipv6']);

/** `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `10.1.2.3`; host bits are masked, as iptables does. */
export function parseAddress(text: string): IntRange | 'ipv6' | null {
  if (text.includes(':')) return 'ipv6';
  const [ip, mask] = text.split('/');
  const base = parseIpv4(ip!);
  if (base === null) return null;
  let bits = 32;
  if (mask !== undefined) {
    const dotted = parseIpv4(mask);
    if (dotted !== null) {
      bits = 32 - Math.log2(IPV4_MAX - dotted + 1);
      if (!Number.isInteger(bits)) return null; // a non-contiguous mask
    } else if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) bits = Number(mask);
    else return null;
  }
  const size = 2 ** (32 - bits);
  const lo = base - (base % size);
  return { lo, hi: lo + size - 1 };
}

/** `22`, `1000:2000`, `:1023`, `1024:`; null for names or bad numbers. */
export function parsePortRange(text: string): IntRange | null {
  const m = /^(\d{0,5})(?::(\d{0,5}))?$/.exec(text);
  if (!m || (m[1] === '' && m[2] === undefined)) return null;
  const lo = m[1] === '' ? 0 : Number(m[1]);
  const hi = m[2] === undefined ? lo : m[2] === '' ? 65535 : Number(m[2]);
  return lo <= hi && hi <= 65535 ? { lo, hi } : null;
}

interface State {
  rule: ReadRule;
  args: string[];
  i: number;
  negate: boolean;
  hasAddress: boolean;
  interfaces: string[];
}

const value = (s: State): string | undefined => s.args[++s.i];

export function note(rule: ReadRule, text: string): void {
  rule.note = rule.note ? `${rule.note}; ${text}` : text;
}

function setAddresses(s: State, side: 'src' | 'dst', text: string | undefined, parse: (t: string) => IntRange | 'ipv6' | null): void {
  const ranges: IntRange[] = [];
  for (const part of (text ?? '').split(',')) {
    const r = parse(part);
    if (r === 'ipv6') s.rule.never = `IPv6 address ${part}: Interlock models IPv4 only, and this rule cannot match IPv4 traffic`;
    else if (r === null) s.rule.refusals.push(`"${part}" is not an IPv4 address, CIDR or range (host names are not resolved)`);
    else ranges.push(r);
  }
  const set = normalize(ranges);
  s.rule.match[side] = intersect(s.rule.match[side], s.negate ? complement(set, ALL_ADDRESSES) : set);
  s.hasAddress = true;
}

function setPorts(s: State, option: string, text: string | undefined, list: boolean): void {
  const parts = list ? (text ?? '').split(',') : [text ?? ''];
  const ranges = parts.map((p) => parsePortRange(p));
  if (ranges.some((r) => r === null)) return void s.rule.refusals.push(`${option} ${text}: ports must be numbers or ranges a:b`);
  const set = normalize(ranges as IntRange[]);
  s.rule.match.ports = intersect(s.rule.match.ports, s.negate ? complement(set, { lo: 0, hi: 65535 }) : set);
}

function sourcePorts(s: State, option: string, text: string | undefined): void {
  const ranges = (text ?? '').split(',').map(parsePortRange);
  const all = ranges.every((r) => r) && !s.negate && covers(normalize(ranges as IntRange[]), ALL_PORTS);
  if (!all) s.rule.refusals.push(`${s.negate ? '! ' : ''}${option} ${text}: Interlock flows carry no source port, so this condition cannot be kept and dropping it would change what the rule matches`);
}

function skipModuleOptions(s: State): void {
  while (s.i + 1 < s.args.length && !GENERAL.has(s.args[s.i + 1]!)) s.i++;
}

function readTarget(s: State, goto: boolean, isChain: (name: string) => boolean): void {
  const name = value(s) ?? '';
  const options = s.args.slice(s.i + 1);
  s.i = s.args.length;
  if (goto || isChain(name)) {
    s.rule.target = { kind: goto ? 'goto' : 'jump', chain: name };
    if (!isChain(name)) s.rule.refusals.push(`goto to chain ${name}, which this table does not declare`);
  } else if (name === 'ACCEPT') s.rule.target = { kind: 'verdict', action: 'allow' };
  else if (name === 'DROP' || name === 'REJECT') s.rule.target = { kind: 'verdict', action: 'deny' };
  else if (name === 'RETURN') s.rule.target = { kind: 'return' };
  else if (NON_DECIDING.has(name)) s.rule.target = { kind: 'continue', reason: `target ${name} does not decide: the packet goes on to the next rule` };
  else {
    s.rule.target = { kind: 'unknown', name };
    s.rule.refusals.push(`target ${name || '(none)'} is not represented (only ACCEPT, DROP, REJECT, RETURN, jumps to chains of the table, and non-deciding targets such as LOG)`);
  }
  if (name !== 'REJECT' && !NON_DECIDING.has(name) && options.length > 0 && s.rule.target.kind !== 'continue' && s.rule.target.kind !== 'unknown') {
    s.rule.refusals.push(`options after -j ${name} are not understood: ${options.join(' ')}`);
  }
}

function readOption(s: State, isChain: (name: string) => boolean): void {
  const opt = s.args[s.i]!;
  const neg = s.negate ? '! ' : '';
  switch (opt) {
    case '-s': case '--source': case '--src': return setAddresses(s, 'src', value(s), parseAddress);
    case '-d': case '--destination': case '--dst': return setAddresses(s, 'dst', value(s), parseAddress);
    case '--src-range': return setAddresses(s, 'src', value(s), parseIpRange);
    case '--dst-range': return setAddresses(s, 'dst', value(s), parseIpRange);
    case '-p': case '--protocol': {
      const name = (value(s) ?? '').toLowerCase();
      const set = PROTOCOLS[name];
      if (set) s.rule.match.protocols = s.negate ? MODELLED_PROTOCOLS.filter((p) => !set.includes(p)) : s.rule.match.protocols.filter((p) => set.includes(p));
      else if (s.negate) note(s.rule, `${neg}-p ${name}: every tcp, udp and icmp flow`);
      else s.rule.never = `protocol ${name} is not one Interlock models (tcp, udp, icmp), so no flow can match`;
      return;
    }
    case '--dport': case '--destination-port': return setPorts(s, opt, value(s), false);
    case '--dports': case '--destination-ports': return setPorts(s, opt, value(s), true);
    case '--sport': case '--source-port': case '--sports': case '--source-ports': return sourcePorts(s, opt, value(s));
    case '--ports': return void s.rule.refusals.push(`--ports ${value(s)} matches source or destination port; Interlock rules hold destination ports only`);
    case '-i': case '--in-interface': case '-o': case '--out-interface':
      s.interfaces.push(`${neg}${opt} ${value(s)}`);
      return;
    case '-m': case '--match': {
      const name = value(s) ?? '';
      if (!KNOWN_MODULES.has(name)) {
        const start = s.i;
        skipModuleOptions(s);
        s.rule.refusals.push(`match -m ${name}${s.i > start ? ` ${s.args.slice(start + 1, s.i + 1).join(' ')}` : ''} is not represented`);
      }
      return;
    }
    case '--comment': s.rule.comment = value(s); return;
    case '--ctstate': case '--state': return readConntrack(s.rule, opt, value(s) ?? '', s.negate);
    case '--icmp-type':
      s.rule.approximations.push(`ICMP type ${neg}${value(s)} not represented: Interlock's icmp flows carry no type, so the rule is kept for all ICMP`);
      return;
    case '--syn':
      if (s.negate) s.rule.never = '! --syn matches no opening TCP packet, and Interlock decides each flow by its opening packet';
      else note(s.rule, '--syn: the opening packet of a TCP connection, which is what Interlock decides');
      return;
    case '-f': case '--fragment':
      if (s.negate) note(s.rule, '! -f: every opening packet is a first fragment or unfragmented');
      else s.rule.never = '-f matches only second and later fragments, never the opening packet of a flow';
      return;
    case '-4': case '--ipv4': return;
    case '-6': case '--ipv6': s.rule.never = 'IPv6-only rule (-6): Interlock models IPv4 only'; return;
    case '-j': case '--jump': case '-g': case '--goto': return readTarget(s, opt === '-g' || opt === '--goto', isChain);
    default:
      s.rule.refusals.push(`option ${neg}${opt} is not understood`);
  }
}

function parseIpRange(text: string): IntRange | null {
  const [a, b] = text.split('-');
  const lo = parseIpv4(a ?? '');
  const hi = b === undefined ? lo : parseIpv4(b);
  return lo !== null && hi !== null && lo <= hi ? { lo, hi } : null;
}

export function readRule(line: number, args: string[], isChain: (name: string) => boolean): ReadRule {
  const rule: ReadRule = { line, match: matchAll(), target: { kind: 'continue', reason: 'no target: the rule only counts packets' }, refusals: [], approximations: [], never: null };
  const s: State = { rule, args, i: 0, negate: false, hasAddress: false, interfaces: [] };
  for (; s.i < args.length; s.i++) {
    if (args[s.i] === '!') {
      s.negate = true;
      continue;
    }
    readOption(s, isChain);
    s.negate = false;
  }
  // Flows have ports 1–65535; a port condition leaves icmp, which has none, out.
  rule.match.ports = intersect(rule.match.ports, [ALL_PORTS]);
  if (!allPorts(rule.match.ports)) rule.match.protocols = rule.match.protocols.filter((p) => p !== 'icmp');
  if (s.interfaces.length > 0) {
    const which = s.interfaces.join(' ');
    if (s.hasAddress || rule.target.kind !== 'verdict' || rule.target.action === 'deny') rule.approximations.push(`interface match ${which} not represented: a conduit has no interfaces, so the rule is kept for any interface${s.hasAddress ? ' (its addresses carry the direction)' : ''}`);
    else rule.refusals.push(`interface match ${which} with no address condition: Interlock cannot tell interfaces apart, so this allow would open the conduit to all traffic in both directions`);
  }
  // A rule that never decides a new flow cannot make the set wrong, whatever else it holds.
  if (rule.never || rule.target.kind === 'continue') {
    rule.refusals = [];
    rule.approximations = [];
  }
  return rule;
}

