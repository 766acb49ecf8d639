// Rule drafts: firewall rules before their endpoints are written in one of the document's forms.
// Drafts keep the zone or asset an endpoint stands for, so that a shadowed copy can be made
// narrower than its original and rendering can vary the form (asset, IP, zone, CIDR, any).
import type { AssetT } from '../model/site-schema.js';
import type { PlannedFlow } from './flows.js';
import type { Rng } from './random.js';
import type { ZoneKey } from './site-layout.js';

export type EndDraft =
  | { kind: 'any' }
  | { kind: 'site' }
  | { kind: 'zone'; zone: ZoneKey }
  | { kind: 'asset'; asset: AssetT };

export interface RuleDraft {
  action: 'allow' | 'deny';
  protocol: 'tcp' | 'udp' | 'icmp' | 'any';
  ports: number | string;
  src: EndDraft;
  dst: EndDraft;
  description: string;
}

interface FlowGroup {
  protocol: 'tcp' | 'udp' | 'icmp';
  port: number | undefined;
  srcs: AssetT[];
  dsts: AssetT[];
  purposes: string[];
}

/**
 * One allow rule per (service, source zone, destination zone) of the flows crossing a conduit,
 * as an administrator would write them. When that is more than `max`, groups of the same
 * service are merged, widening endpoints to a zone or the whole site block.
 */
export function flowDrafts(flows: readonly PlannedFlow[], zoneOf: (a: AssetT) => ZoneKey, max: number): RuleDraft[] {
  let groups = regroup(
    flows.map(({ flow, from, to }) => ({ protocol: flow.protocol, port: flow.port, srcs: [from], dsts: [to], purposes: [flow.purpose] })),
    (g) => `${g.protocol}|${g.port}|${zoneOf(g.srcs[0]!)}|${zoneOf(g.dsts[0]!)}`,
  );
  const coarser = [
    (g: FlowGroup) => `${g.protocol}|${g.port}|${zoneOf(g.dsts[0]!)}`,
    (g: FlowGroup) => `${g.protocol}|${g.port}`,
  ];
  for (const keyOf of coarser) if (groups.length > max) groups = regroup(groups, keyOf);
  if (groups.length > max) throw new RangeError(`${groups.length} distinct services cross one conduit; the rule budget is ${max}`);
  return groups.map((g) => ({
    action: 'allow',
    protocol: g.protocol,
    ports: g.port ?? 'any',
    src: endpointFor(g.srcs, zoneOf),
    dst: endpointFor(g.dsts, zoneOf),
    description: [...new Set(g.purposes)].join('; ').slice(0, 300),
  }));
}

function regroup(groups: readonly FlowGroup[], keyOf: (g: FlowGroup) => string): FlowGroup[] {
  const merged = new Map<string, FlowGroup>();
  for (const g of groups) {
    const key = keyOf(g);
    const into = merged.get(key);
    if (!into) merged.set(key, { ...g, srcs: [...g.srcs], dsts: [...g.dsts], purposes: [...g.purposes] });
    else {
      into.srcs.push(...g.srcs);
      into.dsts.push(...g.dsts);
      into.purposes.push(...g.purposes);
    }
  }
  return [...merged.values()];
}

function endpointFor(assets: readonly AssetT[], zoneOf: (a: AssetT) => ZoneKey): EndDraft {
  const unique = [...new Set(assets)];
  if (unique.length === 1) return { kind: 'asset', asset: unique[0]! };
  const zones = new Set(unique.map(zoneOf));
  return zones.size === 1 ? { kind: 'zone', zone: zoneOf(unique[0]!) } : { kind: 'site' };
}

/**
 * A host-to-host copy of a rule, strictly inside it: placed after the original it can never
 * match, which is what a shadowed rule is. `hosts` lists addressable assets per zone and
 * `fallback` the zones to draw from for a site-wide or `any` endpoint.
 */
export function narrowed(rng: Rng, draft: RuleDraft, hosts: Map<ZoneKey, AssetT[]>, fallback: readonly [ZoneKey, ZoneKey], why: string): RuleDraft | null {
  const narrow = (end: EndDraft, zone: ZoneKey): EndDraft | null => {
    if (end.kind === 'asset') return end;
    const from = hosts.get(end.kind === 'zone' ? end.zone : zone) ?? [];
    return from.length > 0 ? { kind: 'asset', asset: rng.pick(from) } : null;
  };
  const src = narrow(draft.src, fallback[0]);
  const dst = narrow(draft.dst, fallback[1]);
  if (!src || !dst || (src === draft.src && dst === draft.dst)) return null;
  return { ...draft, src, dst, description: why };
}
