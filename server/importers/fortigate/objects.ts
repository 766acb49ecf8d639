// FortiOS address and service objects and their groups, resolved to what a rule can hold:
// address sets, and (protocol, destination ports) pairs. Every object a policy uses remembers the
// lines that define it, so those lines are credited with the policy's rules.
import { parseIpv4, type IntRange } from '../../model/ipv4.js';
import { ALL_PORTS, MODELLED_PROTOCOLS, type ModelledProtocol } from '../match.js';
import { complement, normalize, ALL_ADDRESSES, type RangeSet } from '../range-set.js';
import { parseAddress } from '../iptables/read-rule.js';
import type { Block, Entry } from './parse-config.js';
import { PREDEFINED_ADDRESSES, PREDEFINED_SERVICES } from './predefined.js';

export interface Service {
  protocol: ModelledProtocol;
  ports: RangeSet;
}

export type Resolved<T> = { value: T; lines: number[]; approximations: Array<{ line: number; reason: string }> } | { refusal: string; line: number | null };

const HARMLESS = new Set(['uuid', 'comment', 'comments', 'color', 'associated-interface', 'allow-routing', 'visibility', 'fabric-object', 'category', 'proxy', 'tags']);

const value = (e: Entry, key: string) => e.settings.find((s) => s.key === key)?.values;

function entriesOf(blocks: Block[], path: string): Map<string, Entry> {
  return new Map(blocks.filter((b) => b.path === path).flatMap((b) => b.entries.map((e) => [e.name, e] as const)));
}

function unknownSetting(e: Entry, known: Set<string>): { refusal: string; line: number } | null {
  const odd = e.settings.find((s) => !known.has(s.key) && !HARMLESS.has(s.key));
  return odd ? { refusal: `setting "${odd.key}" of "${e.name}" is not understood`, line: odd.line } : null;
}

function addressOf(e: Entry): Resolved<RangeSet> {
  const type = value(e, 'type')?.[0] ?? 'ipmask';
  const known = ['ipmask', 'interface-subnet', 'iprange'].includes(type);
  const odd = known ? unknownSetting(e, new Set(['type', 'subnet', 'start-ip', 'end-ip', 'interface'])) : null;
  if (odd) return odd;
  if (type === 'ipmask' || type === 'interface-subnet') {
    const [ip, mask] = value(e, 'subnet') ?? ['0.0.0.0', '0.0.0.0'];
    const r = parseAddress(mask === undefined ? ip! : `${ip}/${mask}`);
    return r && r !== 'ipv6' ? { value: [r], lines: e.lines, approximations: [] } : { refusal: `address "${e.name}": subnet ${ip} ${mask ?? ''} is not an IPv4 subnet`, line: e.line };
  }
  if (type === 'iprange') {
    const lo = parseIpv4(value(e, 'start-ip')?.[0] ?? '');
    const hi = parseIpv4(value(e, 'end-ip')?.[0] ?? '');
    return lo !== null && hi !== null && lo <= hi ? { value: [{ lo, hi }], lines: e.lines, approximations: [] } : { refusal: `address "${e.name}": start-ip/end-ip do not form an IPv4 range`, line: e.line };
  }
  return { refusal: `address "${e.name}" is of type ${type}, resolved by the firewall at run time (names, countries, dynamic members): its addresses are unknown here`, line: e.line };
}

function portRanges(values: string[], key: string, e: Entry): { ranges: IntRange[] } | { refusal: string; line: number } {
  const ranges: IntRange[] = [];
  const line = e.settings.find((s) => s.key === key)!.line;
  for (const spec of values) {
    const m = /^(\d+)(?:-(\d+))?(?::(\d+)(?:-(\d+))?)?$/.exec(spec);
    if (!m) return { refusal: `${key} "${spec}" is not a port range`, line };
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (m[3] !== undefined) {
      const slo = Number(m[3]);
      const shi = m[4] ? Number(m[4]) : slo;
      if (slo > 1 || shi < 65535) return { refusal: `${key} "${spec}" restricts the source port; Interlock flows carry none`, line };
    }
    if (lo > hi || hi > 65535) return { refusal: `${key} "${spec}" is not a port range`, line };
    ranges.push({ lo, hi });
  }
  return { ranges };
}

function serviceOf(e: Entry): Resolved<Service[]> {
  const odd = unknownSetting(e, new Set(['protocol', 'protocol-number', 'tcp-portrange', 'udp-portrange', 'sctp-portrange', 'icmptype', 'icmpcode', 'iprange', 'fqdn']));
  if (odd) return odd;
  for (const key of ['iprange', 'fqdn']) {
    const s = e.settings.find((x) => x.key === key && x.values.length > 0 && x.values[0] !== '0.0.0.0');
    if (s) return { refusal: `service "${e.name}" is restricted to destination ${key} ${s.values.join(' ')}, which a rule's service cannot hold`, line: s.line };
  }
  const protocol = (value(e, 'protocol')?.[0] ?? 'TCP/UDP/SCTP').toUpperCase();
  const out: Service[] = [];
  const approximations: Array<{ line: number; reason: string }> = [];
  if (protocol === 'TCP/UDP/SCTP' || protocol === 'TCP/UDP/UDP-LITE/SCTP') {
    for (const [key, proto] of [['tcp-portrange', 'tcp'], ['udp-portrange', 'udp']] as const) {
      const spec = value(e, key);
      if (!spec || spec.length === 0) continue;
      const r = portRanges(spec, key, e);
      if ('refusal' in r) return r;
      out.push({ protocol: proto, ports: normalize(r.ranges) });
    }
  } else if (protocol === 'ICMP') {
    out.push({ protocol: 'icmp', ports: [ALL_PORTS] });
    const type = e.settings.find((s) => (s.key === 'icmptype' || s.key === 'icmpcode') && s.values.length > 0);
    if (type) approximations.push({ line: type.line, reason: `ICMP ${type.key} ${type.values.join(' ')} not represented: Interlock's icmp flows carry no type, so the service stands for all ICMP` });
  } else if (protocol === 'IP') {
    const n = Number(value(e, 'protocol-number')?.[0] ?? 0);
    const byNumber: Record<number, ModelledProtocol[]> = { 0: [...MODELLED_PROTOCOLS], 1: ['icmp'], 6: ['tcp'], 17: ['udp'] };
    for (const p of byNumber[n] ?? []) out.push({ protocol: p, ports: [ALL_PORTS] });
  } else if (protocol !== 'ICMP6') {
    return { refusal: `service "${e.name}": protocol ${protocol} is not understood`, line: e.line };
  }
  return { value: out, lines: e.lines, approximations };
}

/** Resolves names through groups; loops and unknown names are refusals. */
function resolver<T>(
  kind: string, items: Map<string, Entry>, groups: Map<string, Entry>, leaf: (e: Entry) => Resolved<T[]>, predefined: (name: string) => T[] | undefined,
): (name: string) => Resolved<T[]> {
  const resolve = (name: string, stack: string[]): Resolved<T[]> => {
    const item = items.get(name);
    if (item) return leaf(item);
    const group = groups.get(name);
    if (group) {
      if (stack.includes(name)) return { refusal: `${kind} group loop: ${[...stack, name].join(' → ')}`, line: group.line };
      const odd = unknownSetting(group, new Set(['member', 'exclude', 'exclude-member', 'type']));
      if (odd) return odd;
      if (value(group, 'exclude')?.[0] === 'enable') return { refusal: `${kind} group "${name}" excludes members; write the remaining addresses out`, line: group.line };
      const out: Resolved<T[]> = { value: [], lines: [...group.lines], approximations: [] };
      for (const member of value(group, 'member') ?? []) {
        const r = resolve(member, [...stack, name]);
        if ('refusal' in r) return r;
        out.value.push(...r.value);
        out.lines.push(...r.lines);
        out.approximations.push(...r.approximations);
      }
      return out;
    }
    const builtIn = predefined(name);
    if (builtIn) return { value: builtIn, lines: [], approximations: [] };
    return { refusal: `unknown ${kind} object "${name}": not defined in this configuration`, line: null };
  };
  return (name) => resolve(name, []);
}

export class FortiObjects {
  readonly address: (name: string) => Resolved<RangeSet>;
  readonly service: (name: string) => Resolved<Service[]>;
  readonly vips: Set<string>;

  constructor(blocks: Block[]) {
    const serviceEntries = entriesOf(blocks, 'firewall service custom');
    this.vips = new Set([...entriesOf(blocks, 'firewall vip').keys(), ...entriesOf(blocks, 'firewall vipgrp').keys()]);
    const addressSets = resolver<IntRange>('address', entriesOf(blocks, 'firewall address'), entriesOf(blocks, 'firewall addrgrp'), addressOf, (n) => {
      const cidr = PREDEFINED_ADDRESSES[n];
      return cidr === undefined ? undefined : n === 'none' ? [] : [parseAddress(cidr) as IntRange];
    });
    this.address = (name) => {
      const r = addressSets(name);
      return 'refusal' in r ? r : { ...r, value: normalize(r.value) };
    };
    this.service = resolver<Service>('service', serviceEntries, entriesOf(blocks, 'firewall service group'), serviceOf, (n) => {
      const settings = PREDEFINED_SERVICES[n];
      if (!settings) return undefined;
      const e: Entry = { name: n, line: 0, lines: [], settings: Object.entries(settings).map(([key, values]) => ({ line: 0, key, values })) };
      const r = serviceOf(e);
      return 'refusal' in r ? undefined : r.value;
    });
  }
}

/** The complement of a union of services, protocol by protocol (service-negate). */
export function negateServices(services: Service[]): Service[] {
  return MODELLED_PROTOCOLS.flatMap((protocol): Service[] => {
    const ports = complement(services.filter((s) => s.protocol === protocol).flatMap((s) => s.ports), ALL_PORTS);
    if (protocol === 'icmp') return services.some((s) => s.protocol === 'icmp') ? [] : [{ protocol, ports: [ALL_PORTS] }];
    return ports.length > 0 ? [{ protocol, ports }] : [];
  });
}

export const negateAddresses = (set: RangeSet): RangeSet => complement(set, ALL_ADDRESSES);
