// Patch and authentication-policy facts computed in process from the reference index.
import type { AuthChangeT, PatchChangeT } from '../impact/change-schema.js';
import type { EstateIndex } from './estate-index.js';
import type { GroupFacts, PathFacts, ProcedureFacts } from './finding-rules.js';

/** Dotted versions, part by part: numbers as numbers (11.10 > 11.9), anything else as text. */
export function versionBefore(version: string | undefined, bound: string): boolean {
  if (version === undefined) return false;
  const a = version.split(/[.\-+_]/);
  const b = bound.split(/[.\-+_]/);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '0';
    const y = b[i] ?? '0';
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const diff = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff < 0;
  }
  return false;
}

export function patchTargets(ix: EstateIndex, change: PatchChangeT): string[] {
  if (change.targets) return [...new Set(change.targets)];
  const s = change.selector!;
  return [...ix.assets.values()]
    .filter((a) => (s.vendor === undefined || a.vendor === s.vendor) && (s.model === undefined || a.model === s.model) &&
      (s.versionBelow === undefined || versionBefore(a.version, s.versionBelow)))
    .map((a) => a.id);
}

/** Every voting group holding a target, and whether it can still trip with the targets down. */
export function groupFacts(ix: EstateIndex, targets: ReadonlyArray<string>): GroupFacts[] {
  const down = new Set(targets);
  const seen = new Map<string, GroupFacts>();
  for (const t of down) {
    for (const g of ix.groupsOfAsset.get(t) ?? []) {
      const key = `${g.sif}|${g.group}`;
      if (seen.has(key)) continue;
      const lost = g.elements.filter((e) => down.has(e)).length;
      const needed = Number(g.voting.split('oo')[0]);
      seen.set(key, { sif: g.sif, group: g.group, sil: g.sil, canTrip: g.elements.length - lost >= needed });
    }
  }
  return [...seen.values()];
}

/** Safety flows a non-element target carries, enforces or routes; one per way it touches them. */
export function pathFacts(ix: EstateIndex, targets: ReadonlyArray<string>): PathFacts[] {
  const out: PathFacts[] = [];
  for (const t of targets) {
    if (ix.sifElements.has(t)) continue;
    for (const { flow } of ix.touches.get(t) ?? []) {
      if (!ix.safetyRequired.has(flow)) continue;
      const f = ix.flows.get(flow)!;
      // An alternative route is redundant for this patch unless the same asset switches or enforces it.
      const redundant = ix.alternates(flow).some((alt) => {
        const a = ix.flows.get(alt)!;
        return !a.routesThrough.includes(t) && !a.via.some((c) => ix.conduits.get(c)?.firewalls.includes(t));
      });
      out.push({ target: t, flow: f.id, sifs: ix.sifsOfFlow.get(flow) ?? [], emergency: ix.emergencyOnFlow.has(flow), redundant });
    }
  }
  return out;
}

export function procedureFacts(ix: EstateIndex, change: AuthChangeT): ProcedureFacts[] {
  const { zones, assets, roles } = change.appliesTo;
  const inScope = (assetId: string) => assets.includes(assetId) || zones.includes(ix.assets.get(assetId)?.zone ?? '');
  const sil = (id: string) => ix.sifSil.get(id) ?? 0;
  return ix.procedures
    .filter((p) => p.uses.some(inScope) || p.performedBy.some((r) => roles.includes(r)))
    .map((p) => ({
      procedure: p.id, emergency: p.emergency, nominalSeconds: p.nominalSeconds, maxSeconds: p.maxSeconds,
      sifs: [...new Set(p.backsUp)].map((id) => ({ id, sil: sil(id) })),
      mannedConsoleInScope: p.uses.some((a) => inScope(a) && ix.assets.get(a)?.manned === true),
    }));
}
