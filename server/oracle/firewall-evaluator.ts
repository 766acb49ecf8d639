// An independent, in-memory reference evaluator for firewall decisions: the oracle the property
// test compares the Cypher engine against, and the in-process floor the benchmark measures. It
// shares nothing with the engine but address parsing: it reads the site document itself, applies
// a proposed change to its own copy of the rules, and decides flows by a plain first-match scan.
import { addressRange, parseCidr, parseIpv4, type IntRange } from '../model/ipv4.js';
import { parsePorts } from '../model/ports.js';
import type { Endpoint, SiteDocument } from '../model/site-schema.js';
import type { FirewallChangeT } from '../impact/change-schema.js';

export interface RefRule {
  id: string;
  seq: number;
  action: 'allow' | 'deny';
  protocol: string;
  src: IntRange;
  dst: IntRange;
  ports: IntRange;
}

export interface RefFlow {
  id: string;
  src: number | null;
  dst: number | null;
  protocol: string;
  port: number;
  via: string[];
}

export interface RefDecision {
  rule: string | null;
  action: 'allow' | 'deny';
}

/** The estate as flat arrays and maps: what an in-process implementation would hold. */
export class OracleEstate {
  readonly rules = new Map<string, RefRule[]>();
  readonly defaults = new Map<string, 'allow' | 'deny'>();
  readonly flows: RefFlow[] = [];
  readonly flowsByConduit = new Map<string, RefFlow[]>();
  private readonly assetIp = new Map<string, number>();
  private readonly zoneRange = new Map<string, IntRange>();

  constructor(site: SiteDocument) {
    for (const a of site.assets) if (a.ip) this.assetIp.set(a.id, parseIpv4(a.ip)!);
    for (const z of site.zones) if (z.cidr) this.zoneRange.set(z.id, parseCidr(z.cidr)!);
    for (const c of site.conduits) {
      this.defaults.set(c.id, c.defaultAction);
      this.rules.set(c.id, c.rules.map((r) => this.rule(r)).sort((a, b) => a.seq - b.seq));
    }
    for (const f of site.flows) {
      const flow: RefFlow = {
        id: f.id, src: this.assetIp.get(f.from) ?? null, dst: this.assetIp.get(f.to) ?? null,
        protocol: f.protocol, port: f.port ?? 0, via: f.via,
      };
      this.flows.push(flow);
      for (const c of new Set(f.via)) this.flowsByConduit.set(c, [...(this.flowsByConduit.get(c) ?? []), flow]);
    }
  }

  range(endpoint: Endpoint): IntRange {
    if (typeof endpoint === 'string') return addressRange(endpoint)!;
    if ('asset' in endpoint) {
      const ip = this.assetIp.get(endpoint.asset)!;
      return { lo: ip, hi: ip };
    }
    return this.zoneRange.get(endpoint.zone)!;
  }

  rule(r: { id: string; seq: number; action: 'allow' | 'deny'; protocol: string; src: Endpoint; dst: Endpoint; ports: number | string }): RefRule {
    return { id: r.id, seq: r.seq, action: r.action, protocol: r.protocol, src: this.range(r.src), dst: this.range(r.dst), ports: parsePorts(r.ports)! };
  }

  /** A conduit's rules after a proposed change, in seq order. */
  rulesAfter(conduit: string, change: FirewallChangeT | undefined): RefRule[] {
    const stored = this.rules.get(conduit) ?? [];
    if (!change || change.conduit !== conduit) return stored;
    const gone = new Set([...change.remove, ...change.modify.map((m) => m.id)]);
    const modified = change.modify.map((m) => {
      const base = stored.find((r) => r.id === m.id)!;
      return {
        ...base,
        seq: m.seq ?? base.seq,
        action: m.action ?? base.action,
        protocol: m.protocol ?? base.protocol,
        src: m.src ? this.range(m.src) : base.src,
        dst: m.dst ? this.range(m.dst) : base.dst,
        ports: m.ports !== undefined ? parsePorts(m.ports)! : base.ports,
      };
    });
    const added = change.add.map((r, i) => this.rule({ ...r, id: r.id ?? `proposed-${i + 1}` }));
    return [...stored.filter((r) => !gone.has(r.id)), ...modified, ...added].sort((a, b) => a.seq - b.seq);
  }

  defaultAfter(conduit: string, change: FirewallChangeT | undefined): 'allow' | 'deny' {
    return (change?.conduit === conduit ? change.defaultAction : undefined) ?? this.defaults.get(conduit) ?? 'deny';
  }

  decide(flow: RefFlow, conduit: string, change?: FirewallChangeT): RefDecision {
    const hit = this.rulesAfter(conduit, change).find((r) => matches(r, flow));
    return hit ? { rule: hit.id, action: hit.action } : { rule: null, action: this.defaultAfter(conduit, change) };
  }

  allowed(flow: RefFlow, change?: FirewallChangeT): boolean {
    return flow.via.every((c) => this.decide(flow, c, change).action === 'allow');
  }
}

export function matches(rule: RefRule, flow: RefFlow): boolean {
  if (flow.src === null || flow.dst === null) return false;
  return (rule.protocol === 'any' || rule.protocol === flow.protocol) &&
    rule.src.lo <= flow.src && flow.src <= rule.src.hi &&
    rule.dst.lo <= flow.dst && flow.dst <= rule.dst.hi &&
    rule.ports.lo <= flow.port && flow.port <= rule.ports.hi;
}
