// Property: for random filter tables with user chains, jumps, gotos, RETURN and negations, the
// imported first-match rules decide every packet as an independent chain interpreter does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importIptables } from '../../server/importers/iptables/import-iptables.js';
import { addressRange, formatIpv4 } from '../../server/model/ipv4.js';
import { parsePorts } from '../../server/model/ports.js';

interface Cond { neg: boolean; lo: number; hi: number }
interface AbstractRule {
  src: Cond | null; dst: Cond | null; proto: 'tcp' | 'udp' | 'icmp' | null; protoNeg: boolean;
  ports: { neg: boolean; list: Array<[number, number]> } | null;
  target: string; // ACCEPT, DROP, RETURN, LOG, or a chain (jump), or "goto:CHAIN"
}

const BASE = 10 * 2 ** 24; // 10.0.0.0
const PORTS = [22, 80, 443, 502, 1000] as const;
const cidrArb = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom(29, 30, 31, 32)).map(([h, bits]) => {
  const size = 2 ** (32 - bits);
  const lo = BASE + h - (h % size);
  return { lo, hi: lo + size - 1, text: `${formatIpv4(lo)}/${bits}` };
});
const condArb = fc.option(fc.tuple(fc.boolean(), cidrArb).map(([neg, c]) => ({ neg, lo: c.lo, hi: c.hi, text: c.text })), { freq: 2 });

const ruleArb = (chain: string, callable: string[]) => fc.record({
  src: condArb,
  dst: condArb,
  proto: fc.constantFrom(null, 'tcp', 'udp', 'icmp'),
  protoNeg: fc.boolean(),
  ports: fc.option(fc.record({ neg: fc.boolean(), list: fc.array(fc.constantFrom<[number, number]>([22, 22], [80, 443], [500, 502], [1000, 2000]), { minLength: 1, maxLength: 3 }) }), { freq: 2 }),
  target: fc.constantFrom('ACCEPT', 'DROP', 'REJECT', 'RETURN', 'LOG', ...callable, ...callable.map((c) => `goto:${c}`)),
}).map((r) => ({ ...r, chain, ports: r.proto === 'tcp' || r.proto === 'udp' ? (r.protoNeg ? null : r.ports) : null }));

const tableArb = fc.record({
  policy: fc.constantFrom('ACCEPT', 'DROP'),
  forward: fc.array(ruleArb('FORWARD', ['A', 'B']), { maxLength: 6 }),
  a: fc.array(ruleArb('A', ['B']), { maxLength: 5 }),
  b: fc.array(ruleArb('B', []), { maxLength: 4 }),
});

function text(r: AbstractRule & { chain: string; src: (Cond & { text: string }) | null; dst: (Cond & { text: string }) | null }): string {
  const parts = [`-A ${r.chain}`];
  if (r.src) parts.push(`${r.src.neg ? '! ' : ''}-s ${r.src.text}`);
  if (r.dst) parts.push(`${r.dst.neg ? '! ' : ''}-d ${r.dst.text}`);
  if (r.proto) parts.push(`${r.protoNeg ? '! ' : ''}-p ${r.proto}`);
  if (r.ports) parts.push(`-m multiport ${r.ports.neg ? '! ' : ''}--dports ${r.ports.list.map(([a, b]) => (a === b ? `${a}` : `${a}:${b}`)).join(',')}`);
  parts.push(r.target.startsWith('goto:') ? `-g ${r.target.slice(5)}` : `-j ${r.target}`);
  return parts.join(' ');
}

interface Packet { src: number; dst: number; proto: 'tcp' | 'udp' | 'icmp'; port: number }

function hit(r: AbstractRule, p: Packet): boolean {
  const inCond = (c: Cond | null, v: number) => !c || ((c.lo <= v && v <= c.hi) !== c.neg);
  const protoOk = !r.proto || ((r.proto === p.proto) !== r.protoNeg);
  const portOk = !r.ports || (r.ports.list.some(([a, b]) => a <= p.port && p.port <= b) !== r.ports.neg);
  return inCond(r.src, p.src) && inCond(r.dst, p.dst) && protoOk && (p.proto === 'icmp' ? !r.ports : portOk);
}

/** netfilter's traversal: ACCEPT/DROP end, RETURN or the end of a chain go back, -g does not come back. */
function interpret(chains: Record<string, AbstractRule[]>, policy: string, p: Packet): 'allow' | 'deny' {
  const run = (chain: string): 'ACCEPT' | 'DROP' | null => {
    for (const r of chains[chain]!) {
      if (!hit(r, p)) continue;
      if (r.target === 'ACCEPT') return 'ACCEPT';
      if (r.target === 'DROP' || r.target === 'REJECT') return 'DROP';
      if (r.target === 'RETURN') return null;
      if (r.target === 'LOG') continue;
      if (r.target.startsWith('goto:')) return run(r.target.slice(5));
      const verdict = run(r.target);
      if (verdict) return verdict;
    }
    return null;
  };
  return (run('FORWARD') ?? policy) === 'ACCEPT' ? 'allow' : 'deny';
}

const packets: Packet[] = [];
for (let h = 0; h < 8; h += 3) for (let d = 1; d < 8; d += 2) for (const proto of ['tcp', 'udp', 'icmp'] as const) for (const port of proto === 'icmp' ? [0] : PORTS) packets.push({ src: BASE + h, dst: BASE + d, proto, port });

describe('iptables chain flattening', () => {
  it('decides every packet as netfilter traverses the chains', () => {
    let compared = 0;
    fc.assert(fc.property(tableArb, (t) => {
      const rules = [...t.forward, ...t.a, ...t.b];
      const save = ['*filter', `:FORWARD ${t.policy} [0:0]`, ':A - [0:0]', ':B - [0:0]', ...rules.map(text as never), 'COMMIT', ''].join('\n');
      const report = importIptables(save, { idPrefix: 'p', maxRules: 100_000 });
      expect(report.importable, save).toBe(true);
      const flat = report.rules.map((r) => ({ r, src: addressRange(r.src as string)!, dst: addressRange(r.dst as string)!, ports: parsePorts(r.ports)! }));
      for (const p of packets) {
        const first = flat.find((f) => (f.r.protocol === 'any' || f.r.protocol === p.proto) && f.src.lo <= p.src && p.src <= f.src.hi && f.dst.lo <= p.dst && p.dst <= f.dst.hi && f.ports.lo <= p.port && p.port <= f.ports.hi);
        const actual = first ? first.r.action : report.defaultAction;
        expect(actual, `${save}\npacket ${JSON.stringify(p)}`).toBe(interpret({ FORWARD: t.forward, A: t.a, B: t.b } as never, t.policy, p));
        compared += 1;
      }
    }), { numRuns: 400, seed: 20261127 });
    expect(compared).toBeGreaterThan(10_000);
  });
});
