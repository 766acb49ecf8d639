// Shapes the patch queries' rows into findings (DOMAIN.md §4, patch).
import type { Finding } from './change-schema.js';
import { silList, type Names } from './names.js';
import type { FlowSafety } from './firewall-findings.js';
import { flowSeverity, lower, severityFromSil } from './severity.js';

export interface ElementGroupRow {
  sif: string; sifName: string; sil: number; group: string; role: string; voting: string;
  n: number; m: number; down: string[]; canTrip: boolean;
}

export interface SafetyPathRow {
  target: string; flow: string; role: 'endpoint' | 'firewall' | 'routes-through'; conduit: string | null;
  from: string; to: string; via: string[]; redundantFlows: string[];
}

export interface PatchContext {
  index: number;
  requiresReboot: boolean;
  downtimeMinutes: number;
  names: Names;
  safety: ReadonlyMap<string, FlowSafety>;
}

/** A patch that neither reboots nor stops the asset is one level less urgent. */
const gentle = (ctx: PatchContext) => !ctx.requiresReboot && ctx.downtimeMinutes === 0;

function interruption(ctx: PatchContext): string {
  if (gentle(ctx)) return 'The patch needs no reboot and no downtime, so severity is one level lower.';
  const parts = [ctx.requiresReboot ? 'a reboot' : null, ctx.downtimeMinutes > 0 ? `${ctx.downtimeMinutes} minutes of downtime` : null].filter(Boolean);
  return `The patch needs ${parts.join(' and ')}.`;
}

export function sifElementFindings(rows: ReadonlyArray<ElementGroupRow>, ctx: PatchContext): Finding[] {
  return rows.map((g) => {
    const remaining = g.n - g.down.length;
    const base = g.canTrip ? 'MEDIUM' as const : severityFromSil(g.sil);
    const severity = gentle(ctx) ? lower(base) : base;
    const state = g.canTrip
      ? `With ${g.down.length} of ${g.n} channels down the group still trips (${g.m}oo${remaining}).`
      : `With ${g.down.length} of ${g.n} channels down only ${remaining} remain and ${g.m} are needed: the ${g.role.toLowerCase().replace('_', ' ')} group cannot trip, so ${g.sif} is unavailable.`;
    return {
      id: `PATCH-SIF-ELEMENT:${g.sif}:${g.group}`,
      rule: 'PATCH-SIF-ELEMENT',
      severity,
      title: g.canTrip ? `${g.sif} keeps voting ${g.voting} → ${g.m}oo${remaining} while ${g.down.join(', ')} ${g.down.length > 1 ? 'are' : 'is'} patched` : `${g.sif} (SIL ${g.sil}) unavailable while ${g.down.join(', ')} ${g.down.length > 1 ? 'are' : 'is'} patched`,
      explanation: `${ctx.names.list(g.down)} ${g.down.length > 1 ? 'are' : 'is'} in the ${g.role} group "${g.group}" (${g.voting}) of ${ctx.names.of(g.sif)}, SIL ${g.sil}. ${state} ${interruption(ctx)}`,
      path: { nodes: [g.sif, ...g.down], edges: [] },
      sifs: [{ id: g.sif, sil: g.sil }], asset: g.down[0], changes: [ctx.index],
      recommendation: g.canTrip
        ? 'Patch one channel at a time, confirming each is back and healthy before the next.'
        : 'SIF unavailable: bypass under management of change with compensating measures, or patch in a shutdown window.',
    };
  });
}

export function safetyPathFindings(rows: ReadonlyArray<SafetyPathRow>, ctx: PatchContext): Finding[] {
  return rows.map((r) => {
    const safety = ctx.safety.get(r.flow);
    const sifs = safety?.sifs ?? [];
    let severity = flowSeverity(sifs, safety?.procedures.some((p) => p.emergency) ?? false);
    if (r.redundantFlows.length > 0) severity = lower(severity);
    if (gentle(ctx)) severity = lower(severity);
    const how = r.role === 'endpoint' ? 'is an endpoint of'
      : r.role === 'firewall' ? `enforces conduit ${ctx.names.of(r.conduit)}, crossed by` : 'routes';
    return {
      id: `PATCH-SAFETY-PATH:${r.target}:${r.flow}`,
      rule: 'PATCH-SAFETY-PATH',
      severity,
      title: `Patching ${r.target} interrupts safety flow ${r.flow}`,
      explanation: `${ctx.names.of(r.target)} ${how} the safety-required flow ${ctx.names.of(r.flow)} from ${ctx.names.of(r.from)} to ${ctx.names.of(r.to)}.` +
        (sifs.length ? ` It is needed by ${silList(sifs, ctx.names)}.` : '') +
        (safety?.procedures.length ? ` ${ctx.names.list(safety.procedures.map((p) => p.id))} depend${safety.procedures.length > 1 ? '' : 's'} on it.` : '') +
        (r.redundantFlows.length ? ` The flow has a redundant route (${r.redundantFlows.join(', ')}) that this asset does not touch, so severity is one level lower.` : ' It has no redundant route.') +
        ` ${interruption(ctx)}`,
      path: { nodes: [r.from, r.target, r.to], edges: [r.flow, ...r.via] },
      sifs, flow: r.flow, asset: r.target, conduit: r.conduit ?? undefined, changes: [ctx.index],
      recommendation: r.redundantFlows.length
        ? `Confirm the redundant route ${r.redundantFlows.join(', ')} is healthy before patching, and patch outside process upsets.`
        : 'Agree a window with the SIS owner, expect the flow to drop during the patch, and put compensating monitoring in place.',
    };
  });
}
