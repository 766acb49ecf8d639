// First-match evaluation of conduit rule sets over integer address ranges (DOMAIN.md §2, §3):
// whether a flow is allowed end to end, and which rules an earlier rule shadows. The generator
// does not need it (rules are written to fit the flows); tests and tools use it to check that.
import { addressRange, rangeContains, type IntRange } from '../model/ipv4.js';
import { ANY_PORTS, parsePorts } from '../model/ports.js';
import type { AssetT, ConduitT, Endpoint, FirewallRuleT, FlowT, SiteDocument, ZoneT } from '../model/site-schema.js';

export interface MatchContext {
  assets: Map<string, AssetT>;
  zones: Map<string, ZoneT>;
  conduits: Map<string, ConduitT>;
}

export interface Packet {
  src: number;
  dst: number;
  protocol: FlowT['protocol'];
  port?: number;
}

export function matchContext(doc: Pick<SiteDocument, 'assets' | 'zones' | 'conduits'>): MatchContext {
  return {
    assets: new Map(doc.assets.map((a) => [a.id, a])),
    zones: new Map(doc.zones.map((z) => [z.id, z])),
    conduits: new Map(doc.conduits.map((c) => [c.id, c])),
  };
}

/** An endpoint as an address range; null when it names something without an address. */
export function endpointRange(endpoint: Endpoint, ctx: MatchContext): IntRange | null {
  if (typeof endpoint === 'string') return addressRange(endpoint);
  const text = 'asset' in endpoint ? ctx.assets.get(endpoint.asset)?.ip : ctx.zones.get(endpoint.zone)?.cidr;
  return text === undefined ? null : addressRange(text);
}

export function ruleMatches(rule: FirewallRuleT, packet: Packet, ctx: MatchContext): boolean {
  if (rule.protocol !== 'any' && rule.protocol !== packet.protocol) return false;
  const ports = parsePorts(rule.ports);
  const point = (n: number) => ({ lo: n, hi: n });
  // A packet without a port (ICMP) is matched only by a rule that does not restrict ports.
  const portOk = ports !== null && (packet.port === undefined ? rangeContains(ports, ANY_PORTS) : rangeContains(ports, point(packet.port)));
  const src = endpointRange(rule.src, ctx);
  const dst = endpointRange(rule.dst, ctx);
  return portOk && src !== null && dst !== null && rangeContains(src, point(packet.src)) && rangeContains(dst, point(packet.dst));
}

/** The rule that decides a packet on a conduit, or null when the default action does. */
export function decidingRule(conduit: ConduitT, packet: Packet, ctx: MatchContext): FirewallRuleT | null {
  const ordered = [...conduit.rules].sort((a, b) => a.seq - b.seq);
  return ordered.find((r) => ruleMatches(r, packet, ctx)) ?? null;
}

/** Allowed end to end: every conduit it crosses lets it through. */
export function flowAllowed(flow: FlowT, ctx: MatchContext): boolean {
  if (flow.via.length === 0) return true;
  const from = ctx.assets.get(flow.from)?.ip;
  const to = ctx.assets.get(flow.to)?.ip;
  if (from === undefined || to === undefined) return false;
  const packet: Packet = { src: addressRange(from)!.lo, dst: addressRange(to)!.lo, protocol: flow.protocol, ...(flow.port === undefined ? {} : { port: flow.port }) };
  return flow.via.every((id) => {
    const conduit = ctx.conduits.get(id);
    if (!conduit) return false;
    return (decidingRule(conduit, packet, ctx)?.action ?? conduit.defaultAction) === 'allow';
  });
}

/** Every packet `inner` matches, `outer` matches too. */
export function ruleCovers(outer: FirewallRuleT, inner: FirewallRuleT, ctx: MatchContext): boolean {
  if (outer.protocol !== 'any' && outer.protocol !== inner.protocol) return false;
  const ranges = [outer.src, inner.src, outer.dst, inner.dst].map((e) => endpointRange(e, ctx));
  const [os, is, od, id] = ranges;
  const op = parsePorts(outer.ports);
  const ip = parsePorts(inner.ports);
  return !!(os && is && od && id && op && ip) && rangeContains(os, is) && rangeContains(od, id) && rangeContains(op, ip);
}

/** Rules that can never match because a single earlier rule covers them. */
export function shadowedRules(conduit: ConduitT, ctx: MatchContext): FirewallRuleT[] {
  const ordered = [...conduit.rules].sort((a, b) => a.seq - b.seq);
  return ordered.filter((rule, i) => ordered.slice(0, i).some((earlier) => ruleCovers(earlier, rule, ctx)));
}
