// The fixed, seeded mix of what-if changes the benchmark sends: for each kind, changes drawn
// from the generated estate the way an engineer would raise them (remove the rule that lets a
// safety flow through, put a deny in front of it, open a port into the safety zone, patch a
// voting channel, MFA on the operators, a rule change while the redundant firewall reboots …).
// The same seed and estate give the same changes, so runs compare like with like.
import { PRODUCTS } from '../server/generate/vendor-catalog.js';
import { createRng, type Rng } from '../server/generate/random.js';
import type { AssetT, FlowT } from '../server/model/site-schema.js';
import type { RefFlow } from '../server/oracle/firewall-evaluator.js';
import type { EstateIndex } from '../server/oracle/estate-index.js';

export const KINDS = [
  'fw-remove', 'fw-deny-before', 'fw-modify', 'fw-allow-safety',
  'patch-element', 'patch-firewall', 'patch-selector', 'auth-mfa', 'auth-lockout', 'change-set',
] as const;
export type Kind = (typeof KINDS)[number];

export interface BenchChange {
  kind: Kind;
  /** The request body of POST /api/impact, exactly as sent. */
  body: { change?: Record<string, unknown>; changes?: Array<Record<string, unknown>> };
}

interface Deciding { flow: FlowT; ref: RefFlow; conduit: string; rule: string; seq: number }

export function buildMix(ix: EstateIndex, perKind: number, seed: number): BenchChange[] {
  const rng = createRng(seed);
  const safetyFlows = [...ix.flows.values()].filter((f) => ix.safetyRequired.has(f.id) && f.via.length > 0);
  // A safety flow allowed today, one conduit it crosses and the allow rule that decides it there.
  const deciding = (): Deciding => {
    for (;;) {
      const flow = rng.pick(safetyFlows);
      const ref = ix.refFlows.get(flow.id)!;
      const conduit = rng.pick(flow.via);
      const d = ix.fw.decide(ref, conduit);
      if (!ix.fw.allowed(ref) || d.rule === null) continue;
      return { flow, ref, conduit, rule: d.rule, seq: ix.fw.rules.get(conduit)!.find((r) => r.id === d.rule)!.seq };
    }
  };
  const freeSeq = (conduit: string, below: number) => {
    const used = new Set(ix.fw.rules.get(conduit)!.map((r) => r.seq));
    for (let s = below - 1; s >= 0; s--) if (!used.has(s)) return s;
    throw new Error(`no free seq below ${below} on ${conduit}`);
  };
  const make: Record<Kind, (n: number) => BenchChange['body']> = {
    'fw-remove': () => {
      const d = deciding();
      return { change: { kind: 'firewall', conduit: d.conduit, remove: [d.rule] } };
    },
    'fw-deny-before': (n) => {
      const d = deciding();
      const to = ix.assets.get(d.flow.to)!;
      const src = rng.weighted<unknown>([[{ asset: d.flow.from }, 2], [{ zone: ix.assets.get(d.flow.from)!.zone }, 1], ['any', 1]]);
      const rule = { id: `bench-deny-${n}`, seq: freeSeq(d.conduit, d.seq), action: 'deny', protocol: d.flow.protocol, src, dst: { asset: to.id }, ports: d.flow.port ?? 'any' };
      return { change: { kind: 'firewall', conduit: d.conduit, add: [rule] } };
    },
    'fw-modify': () => {
      const d = deciding();
      const dstZone = ix.assets.get(d.flow.to)!.zone;
      const other = rng.pick(addressed(ix, dstZone));
      const edit = rng.weighted<Record<string, unknown>>([[{ action: 'deny' }, 2], [{ ports: rng.pick([22, 443, 3389, '8000-8100']) }, 1], [{ dst: { asset: other.id } }, 1]]);
      return { change: { kind: 'firewall', conduit: d.conduit, modify: [{ id: d.rule, ...edit }] } };
    },
    'fw-allow-safety': (n) => {
      const conduit = rng.pick([...ix.conduits.values()].filter((c) => c.zones.some((z) => ix.zones.get(z)?.safety)));
      const safe = conduit.zones.find((z) => ix.zones.get(z)?.safety)!;
      const outside = conduit.zones.find((z) => z !== safe)!;
      const dst = rng.chance(0.5) ? { zone: safe } : { asset: rng.pick(addressed(ix, safe)).id };
      const src = rng.weighted<unknown>([[{ asset: rng.pick(addressed(ix, outside)).id }, 2], [{ zone: outside }, 1], ['any', 1]]);
      const rule = { id: `bench-open-${n}`, seq: freeSeq(conduit.id, 10), action: 'allow', protocol: 'tcp', src, dst, ports: rng.pick([502, 3389, 4840, '1-1024', 'any']) };
      return { change: { kind: 'firewall', conduit: conduit.id, add: [rule] } };
    },
    'patch-element': () => {
      const [, group] = randomGroup(rng, ix);
      const targets = rng.chance(0.8) ? [rng.pick(group)] : group;
      return { change: { kind: 'patch', targets, requiresReboot: rng.chance(0.8), downtimeMinutes: rng.pick([0, 0, 15]) } };
    },
    'patch-firewall': () => {
      const d = deciding();
      return { change: { kind: 'patch', targets: [rng.pick(ix.conduits.get(d.conduit)!.firewalls)], requiresReboot: true } };
    },
    'patch-selector': () => ({ change: { kind: 'patch', selector: advisory(rng, ix), requiresReboot: true } }),
    'auth-mfa': () => ({ change: { kind: 'auth', appliesTo: { roles: [rng.pick(emergencyRoles(ix))] }, mfa: { addedSeconds: rng.int(5, 40) } } }),
    'auth-lockout': () => {
      const proc = rng.pick(ix.procedures.filter((p) => p.emergency));
      return rng.chance(0.5)
        ? { change: { kind: 'auth', appliesTo: { roles: [rng.pick(proc.performedBy)] }, lockoutThreshold: rng.int(3, 10) } }
        : { change: { kind: 'auth', appliesTo: { zones: [ix.assets.get(rng.pick(proc.uses))!.zone] }, lockoutThreshold: 5, sessionTimeoutMinutes: 15 } };
    },
    'change-set': () => {
      if (rng.chance(0.3)) {
        const [, group] = randomGroup(rng, ix, 3);
        const [a, b] = rng.sample(group, 2);
        return { changes: [{ kind: 'patch', targets: [a] }, { kind: 'patch', targets: [b] }] };
      }
      // The dangerous pair: close the primary route of a redundant safety flow, reboot the firewall of the other.
      for (;;) {
        const d = deciding();
        const alt = ix.alternates(d.flow.id).map((id) => ix.flows.get(id)!).find((f) => f.via.length > 0 && !f.via.includes(d.conduit));
        if (!alt) continue;
        return { changes: [{ kind: 'firewall', conduit: d.conduit, remove: [d.rule] }, { kind: 'patch', targets: [ix.conduits.get(alt.via[0]!)!.firewalls[0]], requiresReboot: true }] };
      }
    },
  };
  const out: BenchChange[] = [];
  for (const kind of KINDS) for (let n = 1; n <= perKind; n++) out.push({ kind, body: make[kind](n) });
  return out;
}

const addressed = (ix: EstateIndex, zone: string): AssetT[] => (ix.assetsOfZone.get(zone) ?? []).filter((a) => a.ip && a.type !== 'firewall');

function randomGroup(rng: Rng, ix: EstateIndex, minSize = 1): [string, string[]] {
  const groups = [...ix.groupsOfAsset.values()].flat().filter((g) => g.elements.length >= minSize);
  const g = rng.pick(groups);
  return [g.sif, g.elements];
}

function emergencyRoles(ix: EstateIndex): string[] {
  return [...new Set(ix.procedures.filter((p) => p.emergency).flatMap((p) => p.performedBy))];
}

/** A vendor advisory: one product, every installed version older than the one after a random asset's. */
function advisory(rng: Rng, ix: EstateIndex): Record<string, string> {
  const safetyTypes = new Set(['sis-logic-solver', 'firewall', 'switch', 'sensor', 'final-element']);
  const candidates = [...ix.assets.values()].filter((a) => safetyTypes.has(a.type) && a.vendor && a.model && a.version);
  for (;;) {
    const a = rng.pick(candidates);
    const versions = PRODUCTS[a.type].find((p) => p.vendor === a.vendor && p.model === a.model)?.versions ?? [];
    const next = versions[versions.indexOf(a.version!) + 1];
    if (next) return { vendor: a.vendor!, model: a.model!, versionBelow: next };
  }
}
