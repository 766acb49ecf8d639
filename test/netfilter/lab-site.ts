// The Interlock side of the lab: a site whose zones, assets and conduits are the lab's hosts and
// the rule sets under test (one conduit per set, all between the same two zones), with one flow
// per probe; and the address book that renders {asset} and {zone} endpoints for iptables.
import { parseCidr, parseIpv4, type IntRange } from '../../server/model/ipv4.js';
import type { Endpoint, SiteDocumentInput } from '../../server/model/site-schema.js';
import { DST_HOSTS, DST_NET, SRC_HOSTS, SRC_NET } from './lab.js';
import { dstAsset, srcAsset, type NetProbe, type RuleSet } from './rule-sets.js';

export const conduitId = (set: number) => `c-nf-${set}`;
export const flowId = (set: number, probe: number) => `f-nf-${set}-${probe}`;

const hosts = [...SRC_HOSTS.map((ip) => ({ id: srcAsset(ip), ip })), ...DST_HOSTS.map((ip) => ({ id: dstAsset(ip), ip }))];

export function resolveEndpoint(endpoint: Exclude<Endpoint, string>): IntRange | undefined {
  if ('zone' in endpoint) return parseCidr(endpoint.zone === 'z-src' ? SRC_NET : DST_NET) ?? undefined;
  const host = hosts.find((h) => h.id === endpoint.asset);
  return host ? { lo: parseIpv4(host.ip)!, hi: parseIpv4(host.ip)! } : undefined;
}

export function labSite(sets: Array<{ index: number; set: RuleSet; probes: NetProbe[] }>): SiteDocumentInput {
  return {
    site: { id: 'netfilter-lab', name: 'Netfilter oracle lab' },
    zones: [
      { id: 'z-src', name: 'Probe sources', purdueLevel: 2, domain: 'OT', slTarget: 2, slAchieved: 2, cidr: SRC_NET },
      { id: 'z-dst', name: 'Probe destinations', purdueLevel: 1, domain: 'OT', slTarget: 2, slAchieved: 2, cidr: DST_NET },
    ],
    assets: [
      ...SRC_HOSTS.map((ip) => ({ id: srcAsset(ip), name: `Source ${ip}`, type: 'workstation' as const, zone: 'z-src', ip })),
      ...DST_HOSTS.map((ip) => ({ id: dstAsset(ip), name: `Destination ${ip}`, type: 'plc' as const, zone: 'z-dst', ip })),
    ],
    conduits: sets.map(({ index, set }) => ({
      id: conduitId(index), name: `Rule set ${index}`, zones: ['z-src', 'z-dst'] as [string, string], slTarget: 2, defaultAction: set.defaultAction, rules: set.rules,
    })),
    flows: sets.flatMap(({ index, probes }) => probes.map((p, i) => ({
      id: flowId(index, i), from: srcAsset(p.src), to: dstAsset(p.dst), protocol: p.proto, port: p.port, purpose: 'netfilter probe', via: [conduitId(index)],
    }))),
  };
}
