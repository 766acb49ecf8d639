// Newly allowed traffic into a safety zone (or to a SIF element) across the edited conduit,
// decided in process. The probe set follows the definition in cypher/impact/firewall-exposure:
// destinations are addressed assets of a connected zone that is a safety zone or holds SIF
// elements; sources are the addressed assets of the other connected zone, addressed assets
// outside the destination zone inside a changed rule's (non-`any`) source range, and `any` (an
// address only `any`-source rules match). Each port interval between rule boundaries is decided
// by first match before and after the change.
import type { FirewallChangeT } from '../impact/change-schema.js';
import { IPV4_MAX } from '../model/ipv4.js';
import type { RefRule } from './firewall-evaluator.js';
import { proposedIds } from './firewall-facts.js';
import type { EstateIndex } from './estate-index.js';
import type { ExposureFacts } from './finding-rules.js';

interface Source { ip: number | null; zone: string | null }

const PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;
const fullRange = (r: RefRule) => r.src.lo === 0 && r.src.hi === IPV4_MAX;

function firstAction(rules: ReadonlyArray<RefRule>, port: number, fallback: 'allow' | 'deny'): 'allow' | 'deny' {
  for (const r of rules) if (r.ports.lo <= port && port <= r.ports.hi) return r.action;
  return fallback;
}

/** Whether some port of the protocol is denied before and allowed after, for one (source, destination). */
function opened(src: Source, dstIp: number, protocol: string, before: RefRule[], after: RefRule[], defaults: ['allow' | 'deny', 'allow' | 'deny']): boolean {
  const match = (r: RefRule) => (r.protocol === 'any' || r.protocol === protocol) &&
    (src.ip === null ? fullRange(r) : r.src.lo <= src.ip && src.ip <= r.src.hi) && r.dst.lo <= dstIp && dstIp <= r.dst.hi;
  const b = before.filter(match);
  const a = after.filter(match);
  const points = protocol === 'icmp' ? [0] : [...new Set([1, ...[...b, ...a].flatMap((r) => [r.ports.lo, r.ports.hi + 1])])].filter((p) => p >= 1 && p <= 65535);
  return points.some((p) => firstAction(b, p, defaults[0]) === 'deny' && firstAction(a, p, defaults[1]) === 'allow');
}

export function exposureFacts(ix: EstateIndex, change: FirewallChangeT): ExposureFacts[] {
  const conduit = ix.conduits.get(change.conduit);
  if (!conduit) return [];
  const before = ix.fw.rules.get(change.conduit) ?? [];
  const after = ix.fw.rulesAfter(change.conduit, change);
  const proposed = proposedIds(change);
  const replaced = new Set([...change.remove, ...change.modify.map((m) => m.id)]);
  const changed = [...before.filter((r) => replaced.has(r.id)), ...after.filter((r) => proposed.has(r.id))];
  const defaults: ['allow' | 'deny', 'allow' | 'deny'] = [ix.fw.defaults.get(change.conduit) ?? 'deny', ix.fw.defaultAfter(change.conduit, change)];
  const defaultChanged = defaults[0] !== defaults[1];
  // Pruning only: a pair no changed rule can match is decided the same before and after.
  const touchedSrc = (ip: number) => defaultChanged || changed.some((r) => r.src.lo <= ip && ip <= r.src.hi);
  const touchedDst = (ip: number) => defaultChanged || changed.some((r) => r.dst.lo <= ip && ip <= r.dst.hi);

  const out: ExposureFacts[] = [];
  const [z0, z1] = conduit.zones;
  for (const [dz, sz] of [[z0, z1], [z1, z0]] as const) {
    const zone = ix.zones.get(dz);
    if (dz === sz || !zone) continue;
    const dests = (ix.assetsOfZone.get(dz) ?? [])
      .filter((a) => ix.assetIp.has(a.id) && (zone.safety || ix.sifElements.has(a.id)) && touchedDst(ix.assetIp.get(a.id)!));
    if (!dests.length) continue;
    const sources = new Map<string, Source>([['any', { ip: null, zone: null }]]);
    for (const a of ix.assetsOfZone.get(sz) ?? []) {
      const ip = ix.assetIp.get(a.id);
      if (ip !== undefined && touchedSrc(ip)) sources.set(a.id, { ip, zone: sz });
    }
    for (const r of changed.filter((x) => !fullRange(x))) {
      for (const a of ix.assetsInRange(r.src.lo, r.src.hi)) if (a.zone !== dz) sources.set(a.id, { ip: ix.assetIp.get(a.id)!, zone: a.zone });
    }
    let found = false;
    let critical = false;
    for (const d of dests) {
      for (const s of sources.values()) {
        if (!PROTOCOLS.some((p) => opened(s, ix.assetIp.get(d.id)!, p, before, after, defaults))) continue;
        found = true;
        critical ||= s.ip === null || (ix.zones.get(s.zone!)?.slAchieved ?? 0) < zone.slTarget;
      }
    }
    if (found) out.push({ conduit: change.conduit, destinationZone: dz, critical });
  }
  return out;
}
