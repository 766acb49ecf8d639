// A conduit's rule set, in the order a firewall evaluates it: allow rules for the flows that
// cross it, a few other services of the same kind, sometimes a lazy zone-to-zone allow and
// shadowed leftovers, always an explicit deny any/any at the end (first match wins).
import type { AssetT, FirewallRuleT, ZoneT } from '../model/site-schema.js';
import type { PlannedFlow } from './flows.js';
import type { Rng } from './random.js';
import { flowDrafts, narrowed, type EndDraft, type RuleDraft } from './rule-drafts.js';
import { RULE_SERVICES } from './rule-services.js';
import { CONDUIT_SPECS, type ConduitKey, type ZoneKey } from './site-layout.js';
import { conduitId, zoneId, type SitePlan } from './site-plan.js';

export const MIN_RULES = 4;
export const MAX_RULES = 15;

const ANY_ANY = { protocol: 'any', ports: 'any', src: { kind: 'any' }, dst: { kind: 'any' } } as const;

const LEGACY_DENIES: readonly RuleDraft[] = [
  { action: 'deny', protocol: 'tcp', ports: 23, src: { kind: 'any' }, dst: { kind: 'any' }, description: 'Explicit deny of Telnet (logged)' },
  { action: 'deny', protocol: 'udp', ports: 69, src: { kind: 'any' }, dst: { kind: 'any' }, description: 'Explicit deny of TFTP (logged)' },
  { action: 'deny', protocol: 'tcp', ports: 21, src: { kind: 'any' }, dst: { kind: 'any' }, description: 'Explicit deny of FTP (logged)' },
];

export interface RuleContext {
  plan: SitePlan;
  zones: Map<ZoneKey, ZoneT>;
  siteCidr: string;
  /** Addressable assets per zone, for host-specific rules. */
  hosts: Map<ZoneKey, AssetT[]>;
  zoneOf: (asset: AssetT) => ZoneKey;
}

export function buildRuleSet(rng: Rng, ctx: RuleContext, key: ConduitKey, flows: readonly PlannedFlow[]): FirewallRuleT[] {
  const spec = CONDUIT_SPECS.find((c) => c.key === key)!;
  const [outer, inner] = spec.zones;
  const broad = ctx.plan.broad.has(key);
  const shadows = broad ? 1 + (rng.chance(0.5) ? 1 : 0) : rng.chance(0.4) ? 1 : 0;
  const reserved = 1 + (broad ? 1 : 0) + shadows;

  const allows = flowDrafts(flows, ctx.zoneOf, MAX_RULES - reserved);
  const serviceKey = (d: RuleDraft) => `${d.protocol}|${d.ports}|${zoneKey(ctx, d.src)}|${zoneKey(ctx, d.dst)}`;
  const taken = new Set(allows.map(serviceKey));
  const services = rng.shuffle(RULE_SERVICES[key]).map((svc): RuleDraft => {
    const [from, to] = svc.direction === 'out' ? [outer, inner] : [inner, outer];
    // An occasional `any` source or destination, as found on real rule bases.
    const end = (zone: ZoneKey): EndDraft => (rng.chance(0.1) ? { kind: 'any' } : { kind: 'zone', zone });
    return { action: 'allow', protocol: svc.protocol, ports: svc.ports, src: end(from), dst: end(to), description: svc.description };
  }).filter((d) => !taken.has(serviceKey(d)));
  const least = Math.max(0, MIN_RULES - allows.length - reserved);
  const most = Math.min(services.length, MAX_RULES - allows.length - reserved);
  const extra = Math.min(most, least + rng.int(0, 3));
  const ordered = rng.shuffle([...allows, ...services.slice(0, extra)]);

  if (broad) {
    const lazy: RuleDraft = {
      action: 'allow', protocol: rng.chance(0.6) ? 'any' : 'tcp', ports: 'any',
      src: { kind: 'zone', zone: outer }, dst: { kind: 'zone', zone: inner },
      description: `Temporary zone-wide allow from ${outer} to ${inner} (commissioning, never removed)`,
    };
    const at = rng.chance(0.5) ? ordered.length : rng.int(0, ordered.length);
    const service: RuleDraft = { ...lazy, protocol: 'tcp', ports: rng.pick([502, 4840, 44818, 3389]) };
    const after = [narrowed(rng, service, ctx.hosts, spec.zones, 'Host rule kept from before the zone-wide allow above, which already covers it')];
    if (shadows > 1) {
      // The dangerous kind of shadow: a deny someone believes is in force.
      const description = `Meant to block RDP into ${inner}, but the zone-wide allow above matches first`;
      after.push({ ...lazy, action: 'deny', protocol: 'tcp', ports: 3389, description });
    }
    ordered.splice(at, 0, lazy, ...after.filter((d): d is RuleDraft => d !== null));
  } else if (shadows > 0) {
    // Shadow a rule whose endpoints are wider than one host with a host-specific duplicate.
    const wide = ordered.map((d, i) => [d, i] as const).filter(([d]) => d.src.kind !== 'asset' || d.dst.kind !== 'asset');
    if (wide.length > 0) {
      const [original, i] = rng.pick(wide);
      const copy = narrowed(rng, original, ctx.hosts, spec.zones, 'Host-specific duplicate added later; the wider rule above already allows it');
      if (copy) ordered.splice(i + 1, 0, copy);
    }
  }
  // A planned shadow can fail (no wide rule to copy): top up with unused services, then with
  // the explicit, logged denies of legacy protocols that many rule bases carry.
  const spare = [...services.slice(extra), ...LEGACY_DENIES];
  while (ordered.length < MIN_RULES - 1) ordered.push(spare.shift()!);
  ordered.push({ ...ANY_ANY, action: 'deny', description: 'Default deny: anything not explicitly allowed above' });
  return ordered.map((d, i) => render(rng, ctx, key, d, (i + 1) * 10));
}

function zoneKey(ctx: RuleContext, e: EndDraft): string {
  return e.kind === 'zone' ? e.zone : e.kind === 'asset' ? ctx.zoneOf(e.asset) : e.kind;
}

function render(rng: Rng, ctx: RuleContext, key: ConduitKey, d: RuleDraft, seq: number): FirewallRuleT {
  const end = (e: EndDraft): FirewallRuleT['src'] => {
    switch (e.kind) {
      case 'any': return 'any';
      case 'site': return ctx.siteCidr;
      case 'zone': return rng.chance(0.5) ? { zone: zoneId(ctx.plan, e.zone) } : ctx.zones.get(e.zone)!.cidr!;
      case 'asset': return rng.chance(0.5) ? { asset: e.asset.id } : e.asset.ip!;
    }
  };
  return {
    id: `${conduitId(ctx.plan, key)}-r${seq}`,
    seq,
    action: d.action,
    protocol: d.protocol,
    src: end(d.src),
    dst: end(d.dst),
    ports: d.ports,
    description: d.description,
  };
}
