// Random rule sets for one conduit between the lab's two hosts, and the probes to send through
// them: overlapping CIDRs, assets and zones, port ranges whose edges the probes aim at, tcp, udp
// and any, allow and deny, default allow or deny. Seeded, so a failure can be replayed.
import type { FirewallRuleT } from '../../server/model/site-schema.js';
import { DST_HOSTS, SRC_HOSTS } from './lab.js';

export interface RuleSet {
  rules: FirewallRuleT[];
  defaultAction: 'allow' | 'deny';
}
export interface NetProbe { src: string; dst: string; proto: 'tcp' | 'udp'; port: number }

const SINGLE_PORTS = [22, 80, 443, 502, 1024, 20000];
const RANGES = ['22-80', '80-443', '443-502', '502-1024', '1-1023', '1024-65535', '1025-20000'];
/** Every port a rule names, and its neighbours: where an off-by-one shows. */
export const PORT_POOL = [...new Set([...SINGLE_PORTS, ...RANGES.flatMap((r) => r.split('-').map(Number))].flatMap((p) => [p - 1, p, p + 1]))]
  .filter((p) => p >= 1 && p <= 65535).sort((a, b) => a - b);

export const srcAsset = (ip: string) => `src-${ip.split('.')[3]}`;
export const dstAsset = (ip: string) => `dst-${ip.split('.')[3]}`;

/** mulberry32: small, fast, good enough to spread test cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rnd: () => number, options: Array<[number, () => T]>): T {
  let pick = rnd() * options.reduce((s, [w]) => s + w, 0);
  for (const [w, make] of options) {
    pick -= w;
    if (pick < 0) return make();
  }
  return options[options.length - 1]![1]();
}

export function ruleSet(rnd: () => number, prefix: string): RuleSet {
  const one = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const aligned = (hosts: string[], bits: number) => {
    const base = hosts[0]!.split('.').slice(0, 3).join('.');
    const size = 2 ** (32 - bits);
    const first = Number(hosts[0]!.split('.')[3]);
    return `${base}.${first + size * Math.floor(rnd() * (hosts.length / size))}/${bits}`;
  };
  const endpoint = (hosts: string[], zone: string, asset: (ip: string) => string, other: string[]): FirewallRuleT['src'] => weighted<FirewallRuleT['src']>(rnd, [
    [4, () => 'any'],
    [2, () => one(hosts)],
    [2, () => ({ asset: asset(one(hosts)) })],
    [3, () => aligned(hosts, one(hosts.length > 8 ? [28, 29, 30, 31] : [29, 30, 31]))],
    [1, () => ({ zone })],
    [1, () => one(['10.0.0.0/8', '10.200.0.0/14', `${hosts[0]!.split('.').slice(0, 2).join('.')}.0.0/16`])],
    [1, () => one(other)],
  ]);
  const count = 1 + Math.floor(rnd() * 12);
  const rules = Array.from({ length: count }, (_, j): FirewallRuleT => ({
    id: `${prefix}-r${j + 1}`,
    seq: (j + 1) * 10,
    action: rnd() < 0.5 ? 'allow' : 'deny',
    protocol: weighted(rnd, [[4, () => 'any' as const], [4, () => 'tcp' as const], [3, () => 'udp' as const]]),
    src: endpoint(SRC_HOSTS, 'z-src', srcAsset, DST_HOSTS),
    dst: endpoint(DST_HOSTS, 'z-dst', dstAsset, SRC_HOSTS),
    ports: weighted<FirewallRuleT['ports']>(rnd, [[3, () => 'any'], [3, () => one(SINGLE_PORTS)], [4, () => one(RANGES)]]),
  }));
  return { rules, defaultAction: rnd() < 0.5 ? 'allow' : 'deny' };
}

/** Distinct probes; most ports sit on or next to an edge of a port range of the set. */
export function probes(rnd: () => number, set: RuleSet, count: number): NetProbe[] {
  const one = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const edges = set.rules.flatMap((r) => String(r.ports) === 'any' ? [] : String(r.ports).split('-').map(Number).flatMap((p) => [p - 1, p, p + 1]))
    .filter((p) => PORT_POOL.includes(p));
  const out = new Map<string, NetProbe>();
  for (let tries = 0; out.size < count && tries < count * 50; tries++) {
    const p: NetProbe = { src: one(SRC_HOSTS), dst: one(DST_HOSTS), proto: rnd() < 0.55 ? 'tcp' : 'udp', port: edges.length > 0 && rnd() < 0.7 ? one(edges) : one(PORT_POOL) };
    out.set(`${p.proto} ${p.src} ${p.dst} ${p.port}`, p);
  }
  return [...out.values()];
}
