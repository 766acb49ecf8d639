// The in-process reference answer to a what-if: the same comparable findings as the engine
// (finding id and severity, DOMAIN.md §4), computed over in-memory adjacency lists. It is the
// benchmark's floor and its oracle. Compared: every finding rule the engine emits, including
// FW-SHADOWED and FW-EXPOSES-SAFETY-ZONE; not compared: titles, explanations, paths, order.
// Limitation: a change set may edit each conduit at most once (the engine merges several edits
// of one conduit; the reference does not model that merge).
import type { Change, FirewallChangeT, ImpactRequest } from '../impact/change-schema.js';
import { exposureFacts } from './exposure-facts.js';
import { flowFacts, shadowFacts } from './firewall-facts.js';
import type { EstateIndex } from './estate-index.js';
import { groupFacts, pathFacts, patchTargets, procedureFacts } from './patch-auth-facts.js';
import { authComparables, combinedComparables, firewallComparables, patchComparables, type Comparable, type RouteGroupFacts, type SetGroupFacts } from './finding-rules.js';

export function singleComparables(ix: EstateIndex, change: Change): Comparable[] {
  switch (change.kind) {
    case 'firewall':
      return firewallComparables({ conduit: change.conduit, flows: flowFacts(ix, change), shadows: shadowFacts(ix, change), exposures: exposureFacts(ix, change) });
    case 'patch': {
      const targets = patchTargets(ix, change);
      return patchComparables({ gentle: !change.requiresReboot && change.downtimeMinutes === 0, groups: groupFacts(ix, targets), paths: pathFacts(ix, targets) });
    }
    case 'auth':
      return authComparables(procedureFacts(ix, change), {
        mfaSeconds: change.mfa?.addedSeconds, lockout: change.lockoutThreshold !== undefined, sessionTimeout: change.sessionTimeoutMinutes !== undefined,
      });
  }
}

export function referenceFindings(ix: EstateIndex, request: ImpactRequest): Comparable[] {
  const changes = request.change ? [request.change] : request.changes!;
  const singles = changes.map((c) => singleComparables(ix, c));
  if (changes.length === 1) return singles[0]!;
  return [...singles.flatMap((list, i) => list.map((f) => ({ ...f, id: `${f.id}@${i}` }))), ...combinedFacts(ix, changes)];
}

const goesDown = (c: Change) => c.kind === 'patch' && (c.requiresReboot || c.downtimeMinutes > 0);

function combinedFacts(ix: EstateIndex, changes: ReadonlyArray<Change>): Comparable[] {
  const firewall = changes.filter((c): c is FirewallChangeT => c.kind === 'firewall');
  if (new Set(firewall.map((c) => c.conduit)).size < firewall.length) throw new Error('reference: a change set may edit each conduit once');
  const targets = changes.map((c) => (c.kind === 'patch' ? patchTargets(ix, c) : []));

  // Candidates: safety flows the set's rule changes deny, and safety flows a rebooted non-element carries.
  const candidates = new Set<string>();
  for (const c of firewall) {
    for (const flow of ix.fw.flowsByConduit.get(c.conduit) ?? []) {
      if (ix.safetyRequired.has(flow.id) && !flow.via.every((v) => ix.fw.decide(flow, v, firewall.find((x) => x.conduit === v)).action === 'allow')) candidates.add(flow.id);
    }
  }
  changes.forEach((c, i) => {
    if (goesDown(c)) for (const p of pathFacts(ix, targets[i]!)) candidates.add(p.flow);
  });

  // With one edit per conduit, what the whole set makes unusable is the union of what each change does.
  const unusable = (flowId: string, i: number): boolean => {
    const c = changes[i]!;
    if (c.kind === 'firewall') {
      return !ix.fw.allowed(ix.refFlows.get(flowId)!, c);
    }
    return goesDown(c) && targets[i]!.some((t) => ix.interrupts(t, flowId));
  };
  const routes = new Map<string, RouteGroupFacts>();
  for (const flow of candidates) {
    const members = [flow, ...ix.alternates(flow)].sort();
    const key = members.join('|');
    if (routes.has(key)) continue;
    const lead = members.find((m) => candidates.has(m))!;
    const unusableBy = new Map(members.map((m) => [m, new Set(changes.map((_, i) => i).filter((i) => unusable(m, i)))]));
    routes.set(key, { members, sifs: ix.sifsOfFlow.get(lead) ?? [], emergency: ix.emergencyOnFlow.has(lead), unusableBy });
  }

  const patches = changes.map((_c, i) => i).filter((i) => changes[i]!.kind === 'patch');
  const groups: SetGroupFacts[] = [];
  if (patches.length >= 2) {
    const alone = new Set(patches.flatMap((i) => groupFacts(ix, targets[i]!).filter((g) => !g.canTrip).map((g) => `${g.sif}|${g.group}`)));
    for (const g of groupFacts(ix, [...new Set(patches.flatMap((i) => targets[i]!))])) groups.push({ ...g, aloneUnavailable: alone.has(`${g.sif}|${g.group}`) });
  }
  return combinedComparables([...routes.values()], groups);
}
