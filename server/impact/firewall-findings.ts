// Shapes the firewall queries' rows into findings (DOMAIN.md §4, firewall rule set change).
// The decisions themselves come from Cypher; this file words them and assigns severity.
import { formatPorts } from '../model/ports.js';
import type { Finding, Severity } from './change-schema.js';
import type { Names } from './names.js';
import { silList } from './names.js';
import type { ConduitEdit } from './normalize.js';
import { dedupe, flowPath, type Crossing } from './path.js';
import { flowSeverity, highest } from './severity.js';

export interface Decision {
  flow: string; from: string; to: string; fromZone: string; toZone: string;
  protocol: string; port: number | null; safetyRequired: boolean;
  crossings: Array<Crossing & { edited: boolean; before: { rule: string | null; action: 'allow' | 'deny' }; after: { rule: string | null; action: 'allow' | 'deny' } }>;
  allowedBefore: boolean; allowedAfter: boolean;
}

export interface FlowSafety {
  flow: string; name: string | null; purpose: string; protocol: string; port: number | null;
  sifs: Array<{ id: string; sil: number }>;
  procedures: Array<{ id: string; name: string; emergency: boolean }>;
  alternates: string[];
}

export interface ShadowRow {
  conduit: string;
  rule: { id: string; seq: number; action: string };
  coveredBy: { id: string; seq: number; action: string } | null;
  shadows: Array<{ id: string; seq: number; action: string }>;
}

export interface ExposureRow {
  conduit: string; destination: string; destinationZone: string; destinationSlTarget: number;
  source: string; sourceZone: string | null; sourceSlAchieved: number | null;
  protocol: 'tcp' | 'udp' | 'icmp'; lo: number; hi: number; rule: string | null;
}

export interface FirewallContext {
  index: number;
  edits: ReadonlyArray<ConduitEdit>;
  names: Names;
  safety: ReadonlyMap<string, FlowSafety>;
}

const service = (protocol: string, port: number | null) => (port === null ? protocol : `${protocol}/${port}`);

/** Labels a rule as it stands after the change, or as stored when `stored` (a "before" decision). */
function ruleLabel(ctx: FirewallContext, id: string | null, stored = false): string {
  if (!id) return 'no rule (the default action decides)';
  for (const e of stored ? [] : ctx.edits) {
    const proposed = e.rules.find((r) => r.id === id);
    if (proposed) return `${e.replaced.includes(id) ? 'modified' : 'proposed'} rule ${id} (seq ${proposed.seq})`;
  }
  return ctx.names.of(id);
}

function stakes(ctx: FirewallContext, flow: string): { sifs: FlowSafety['sifs']; severity: Severity; text: string; safety?: FlowSafety } {
  const safety = ctx.safety.get(flow);
  const sifs = safety?.sifs ?? [];
  const emergency = safety?.procedures.filter((p) => p.emergency) ?? [];
  const parts = [];
  if (sifs.length) parts.push(`It is needed by ${silList(sifs, ctx.names)}.`);
  if (safety?.procedures.length) parts.push(`The procedure${safety.procedures.length > 1 ? 's' : ''} ${ctx.names.list(safety.procedures.map((p) => p.id))} depend${safety.procedures.length > 1 ? '' : 's'} on it${emergency.length ? ' (emergency)' : ''}.`);
  return { sifs, severity: flowSeverity(sifs, emergency.length > 0), text: parts.join(' '), safety };
}

export function blockedFlowFindings(decisions: ReadonlyArray<Decision>, ctx: FirewallContext): Finding[] {
  return decisions.filter((d) => d.safetyRequired && d.allowedBefore && !d.allowedAfter).map((d) => {
    const deciding = d.crossings.find((c) => c.after.action === 'deny')!;
    const s = stakes(ctx, d.flow);
    const n = ctx.names;
    return {
      id: `FW-BLOCKS-SAFETY-FLOW:${d.flow}`,
      rule: 'FW-BLOCKS-SAFETY-FLOW',
      severity: s.severity,
      title: `Safety flow ${d.flow} would be blocked on conduit ${deciding.conduit}`,
      explanation: `Today ${n.of(d.from)} reaches ${n.of(d.to)} over ${service(d.protocol, d.port)}${s.safety ? ` (${s.safety.purpose})` : ''}, ` +
        `crossing ${n.list(d.crossings.map((c) => c.conduit))}. After the change, ${n.of(deciding.conduit)} denies it: ` +
        `${deciding.after.rule ? `${ruleLabel(ctx, deciding.after.rule)} matches first` : 'no rule matches, so the conduit\'s default action, deny, decides'}` +
        `${deciding.before.rule ? `, where ${ruleLabel(ctx, deciding.before.rule, true)} used to allow it` : ''}. ${s.text}`,
      path: flowPath({ ...d, extraNodes: [deciding.after.rule] }),
      sifs: s.sifs, flow: d.flow, conduit: deciding.conduit, changes: [ctx.index],
      recommendation: `Keep an explicit allow for ${d.from} → ${d.to} ${service(d.protocol, d.port)} ahead of the deciding rule on ${deciding.conduit}, ` +
        'or narrow the change so it does not match this flow; then assess again.',
    };
  });
}

/** INFO lines so the meeting sees the whole effect: other flows that change, and flows denied either way. */
export function flowInfoFindings(decisions: ReadonlyArray<Decision>, ctx: FirewallContext): Finding[] {
  const out: Finding[] = [];
  for (const d of decisions) {
    const crosses = d.crossings.filter((c) => c.edited).map((c) => c.conduit);
    const path = flowPath(d);
    const base = { severity: 'INFO' as const, path, sifs: ctx.safety.get(d.flow)?.sifs ?? [], flow: d.flow, conduit: crosses[0], changes: [ctx.index] };
    if (!d.allowedBefore && !d.allowedAfter) {
      const denying = d.crossings.find((c) => c.after.action === 'deny')!;
      out.push({
        ...base, id: `FW-FLOW-STILL-DENIED:${d.flow}`, rule: 'FW-FLOW-STILL-DENIED',
        title: `Flow ${d.flow} is denied before and after the change`,
        explanation: `${ctx.names.of(d.from)} → ${ctx.names.of(d.to)} ${service(d.protocol, d.port)} is denied today by ${ctx.names.of(denying.conduit)} (${ruleLabel(ctx, denying.before.rule, true)}) and stays denied.${d.safetyRequired ? ' It is safety-required: it is already broken.' : ''}`,
        recommendation: d.safetyRequired ? 'A safety-required flow that is already denied needs attention regardless of this change.' : 'No action for this change.',
      });
    } else if (d.allowedBefore !== d.allowedAfter && !(d.safetyRequired && d.allowedBefore)) {
      out.push({
        ...base, id: `FW-FLOW-CHANGED:${d.flow}`, rule: 'FW-FLOW-CHANGED',
        title: `Flow ${d.flow} would be ${d.allowedAfter ? 'allowed' : 'denied'} after the change`,
        explanation: `${ctx.names.of(d.from)} → ${ctx.names.of(d.to)} ${service(d.protocol, d.port)} is ${d.allowedBefore ? 'allowed' : 'denied'} today and would be ${d.allowedAfter ? 'allowed' : 'denied'} after it.${d.safetyRequired ? ' It is safety-required, so the change restores it.' : ' It is not safety-required.'}`,
        recommendation: 'Confirm with the flow owner that this is intended.',
      });
    }
  }
  return out;
}

export function shadowFindings(rows: ReadonlyArray<ShadowRow>, decisions: ReadonlyArray<Decision>, ctx: FirewallContext): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    if (row.coveredBy) {
      out.push({
        id: `FW-SHADOWED:${row.conduit}:${row.rule.id}`, rule: 'FW-SHADOWED', severity: 'LOW',
        title: `Rule ${row.rule.id} can never match on conduit ${row.conduit}`,
        explanation: `${ruleLabel(ctx, row.rule.id)} (${row.rule.action}) is covered entirely by ${ruleLabel(ctx, row.coveredBy.id)} (${row.coveredBy.action}), which comes first, so it would never take effect.`,
        path: { nodes: [row.coveredBy.id, row.rule.id], edges: [row.conduit] }, sifs: [], conduit: row.conduit, changes: [ctx.index],
        recommendation: `Remove it, or give it a seq below ${row.coveredBy.seq} if it is meant to take effect.`,
      });
    }
    for (const shadowed of row.shadows) {
      const relying = decisions.filter((d) => d.safetyRequired && d.crossings.some((c) => c.conduit === row.conduit && c.before.rule === shadowed.id));
      const severities = relying.map((d) => (row.rule.action === 'deny' ? stakes(ctx, d.flow).severity : 'LOW' as const));
      const sifs = dedupeSifs(relying.flatMap((d) => stakes(ctx, d.flow).sifs));
      out.push({
        id: `FW-SHADOWED:${row.conduit}:${shadowed.id}`, rule: 'FW-SHADOWED', severity: highest(severities) ?? 'LOW',
        title: `Rule ${row.rule.id} shadows existing rule ${shadowed.id} on conduit ${row.conduit}`,
        explanation: `${ruleLabel(ctx, row.rule.id)} (${row.rule.action}) covers everything ${ctx.names.of(shadowed.id)} (${shadowed.action}) matches and comes before it, so that rule would never match again.` +
          (relying.length ? ` Safety-required flow${relying.length > 1 ? 's' : ''} ${ctx.names.list(relying.map((d) => d.flow))} rel${relying.length > 1 ? 'y' : 'ies'} on it${row.rule.action === 'deny' ? ' and would be denied' : '; they stay allowed, but now by a broader rule'}.` : ' No safety-required flow relies on it.'),
        path: { nodes: dedupe([row.rule.id, shadowed.id, ...relying.flatMap((d) => [d.from, d.to])]), edges: dedupe([row.conduit, ...relying.map((d) => d.flow)]) },
        sifs, conduit: row.conduit, flow: relying[0]?.flow, changes: [ctx.index],
        recommendation: relying.length && row.rule.action === 'deny'
          ? `Place the new rule after ${shadowed.id}, or exclude the safety flows from it.`
          : `Remove ${shadowed.id} if it is now redundant, or narrow the new rule.`,
      });
    }
  }
  return out;
}

function dedupeSifs(sifs: ReadonlyArray<{ id: string; sil: number }>) {
  return [...new Map(sifs.map((s) => [s.id, s])).values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Exposure rows grouped per conduit and destination zone; `any` subsumes assets the same rule lets in. */
export function exposureFindings(rows: ReadonlyArray<ExposureRow>, ctx: FirewallContext): Finding[] {
  // A rule that lets in any address lets in every asset too: list `any` once, not each asset.
  const key = (r: ExposureRow) => `${r.destination}|${r.protocol}|${r.rule}`;
  const viaAny = new Set(rows.filter((r) => r.source === 'any').map(key));
  const kept = mergePorts(rows.filter((r) => r.source === 'any' || !viaAny.has(key(r))));
  const groups = new Map<string, ExposureRow[]>();
  for (const r of kept) {
    const k = `${r.conduit}|${r.destinationZone}`;
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const critical = group.some((r) => r.source === 'any' || (r.sourceSlAchieved ?? 0) < r.destinationSlTarget);
    const lines = group.slice(0, 6).map((r) =>
      `${r.source === 'any' ? 'any address' : ctx.names.of(r.source)} → ${ctx.names.of(r.destination)} ${r.protocol}${r.protocol === 'icmp' ? '' : `/${formatPorts({ lo: r.lo, hi: r.hi })}`} (${ruleLabel(ctx, r.rule)})`);
    return {
      id: `FW-EXPOSES-SAFETY-ZONE:${first.conduit}:${first.destinationZone}`,
      rule: 'FW-EXPOSES-SAFETY-ZONE' as const,
      severity: critical ? 'CRITICAL' as const : 'HIGH' as const,
      title: `${group.length} new path${group.length > 1 ? 's' : ''} into ${first.destinationZone} across conduit ${first.conduit}`,
      explanation: `After the change, ${ctx.names.of(first.conduit)} allows traffic it denies today into ${ctx.names.of(first.destinationZone)} (SL-T ${first.destinationSlTarget}): ${lines.join('; ')}${group.length > 6 ? `; and ${group.length - 6} more` : ''}.` +
        (critical ? ' At least one source is any address or sits in a zone whose achieved security level is below this zone\'s target.' : ''),
      path: {
        nodes: dedupe([...group.map((r) => r.sourceZone).filter((z): z is string => !!z), first.destinationZone, ...group.map((r) => r.destination), ...group.map((r) => r.rule).filter((x): x is string => !!x)]),
        edges: [first.conduit],
      },
      sifs: [], conduit: first.conduit, changes: [ctx.index],
      exposures: group.map((r) => ({
        source: r.source, sourceZone: r.sourceZone, destination: r.destination, destinationZone: r.destinationZone,
        protocol: r.protocol, ports: r.protocol === 'icmp' ? 'any' : formatPorts({ lo: r.lo, hi: r.hi }), rule: r.rule,
      })),
      recommendation: 'Name the sources that need access (engineering hosts, not zones or any), limit the ports to the service, and confirm the conduit still meets the safety zone\'s target security level.',
    };
  });
}

/** Adjacent port intervals with the same source, destination, protocol and rule become one. */
function mergePorts(rows: ReadonlyArray<ExposureRow>): ExposureRow[] {
  const out: ExposureRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.conduit === r.conduit && prev.destination === r.destination && prev.source === r.source &&
        prev.protocol === r.protocol && prev.rule === r.rule && prev.hi + 1 === r.lo) {
      out[out.length - 1] = { ...prev, hi: r.hi };
    } else out.push({ ...r });
  }
  return out;
}
