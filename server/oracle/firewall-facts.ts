// Firewall facts computed in process: first-match decisions of every flow crossing the edited
// conduit (from firewall-evaluator.ts, the same evaluator the property test trusts), and rule
// shadowing by plain region containment.
import type { FirewallChangeT } from '../impact/change-schema.js';
import type { RefRule } from './firewall-evaluator.js';
import type { EstateIndex } from './estate-index.js';
import type { FlowFacts, ShadowFacts } from './finding-rules.js';

/** Ids of the rules a change proposes: new versions of modified rules and added rules. */
export function proposedIds(change: FirewallChangeT): Set<string> {
  return new Set([...change.modify.map((m) => m.id), ...change.add.map((r, i) => r.id ?? `proposed-${i + 1}`)]);
}

export function flowFacts(ix: EstateIndex, change: FirewallChangeT): FlowFacts[] {
  return (ix.fw.flowsByConduit.get(change.conduit) ?? []).map((flow) => ({
    flow: flow.id,
    safety: ix.safetyRequired.has(flow.id),
    before: ix.fw.allowed(flow),
    after: ix.fw.allowed(flow, change),
    sifs: ix.sifsOfFlow.get(flow.id) ?? [],
    emergency: ix.emergencyOnFlow.has(flow.id),
    beforeRule: ix.fw.decide(flow, change.conduit).rule,
  }));
}

/** Everything `inner` matches, `outer` matches too. */
export function covers(outer: RefRule, inner: RefRule): boolean {
  return (outer.protocol === 'any' || outer.protocol === inner.protocol) &&
    outer.src.lo <= inner.src.lo && inner.src.hi <= outer.src.hi &&
    outer.dst.lo <= inner.dst.lo && inner.dst.hi <= outer.dst.hi &&
    outer.ports.lo <= inner.ports.lo && inner.ports.hi <= outer.ports.hi;
}

export function shadowFacts(ix: EstateIndex, change: FirewallChangeT): ShadowFacts[] {
  const proposed = proposedIds(change);
  const after = ix.fw.rulesAfter(change.conduit, change);
  return after.filter((p) => proposed.has(p.id)).map((p) => {
    const coveredBy = after.find((q) => q.id !== p.id && q.seq < p.seq && covers(q, p));
    const shadows = after.filter((a) => !proposed.has(a.id) && a.seq > p.seq && covers(p, a));
    return { conduit: change.conduit, rule: p.id, action: p.action, coveredBy: coveredBy?.id ?? null, shadows: shadows.map((a) => a.id) };
  });
}
