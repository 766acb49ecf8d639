// A what-if assessment: validates and normalises the proposed changes, runs the impact queries
// in one read transaction (a consistent snapshot that writes nothing), and shapes the answer.
import type { Graph, Tx } from '../db/graph.js';
import type { Finding, ImpactRequest, ImpactResponse, Severity } from './change-schema.js';
import { authFindings, type AuthProcedureRow } from './auth-findings.js';
import { combinedFlowFindings, combinedSifFindings } from './combined-findings.js';
import { blockedFlowFindings, exposureFindings, flowInfoFindings, shadowFindings, type Decision, type ExposureRow, type FlowSafety, type ShadowRow } from './firewall-findings.js';
import { Names } from './names.js';
import { normalizeChange, type NormalizedChange } from './normalize.js';
import { safetyPathFindings, sifElementFindings, type ElementGroupRow, type SafetyPathRow } from './patch-findings.js';
import { highest, severityRank } from './severity.js';

type Shaper = (names: Names) => Finding[];

interface Assessed {
  shape: Shaper;
  ids: string[];
  elementGroups?: ElementGroupRow[];
  conduits: string[];
}

function idsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => idsIn(v, into));
  return into;
}

async function flowSafety(tx: Tx, flowIds: string[]): Promise<Map<string, FlowSafety>> {
  const rows = flowIds.length ? ((await tx.run('impact/flow-safety', { flowIds: [...new Set(flowIds)] })) as FlowSafety[]) : [];
  return new Map(rows.map((r) => [r.flow, r]));
}

async function assessOne(tx: Tx, n: NormalizedChange): Promise<Assessed> {
  if (n.kind === 'firewall') {
    const params = { edits: [n.edit] };
    const decisions = (await tx.run('impact/firewall-flow-decisions', { ...params, flowIds: [] })) as Decision[];
    const shadows = (await tx.run('impact/firewall-rule-shadowing', params)) as ShadowRow[];
    const exposures = (await tx.run('impact/firewall-exposure', params)) as ExposureRow[];
    const safety = await flowSafety(tx, decisions.map((d) => d.flow));
    return {
      ids: idsIn([decisions, shadows, exposures, [...safety.values()]]),
      conduits: [n.edit.conduit],
      shape: (names) => {
        const ctx = { index: n.index, edits: [n.edit], names, safety };
        return [...blockedFlowFindings(decisions, ctx), ...shadowFindings(shadows, decisions, ctx), ...exposureFindings(exposures, ctx), ...flowInfoFindings(decisions, ctx)];
      },
    };
  }
  if (n.kind === 'patch') {
    const groups = (await tx.run('impact/patch-sif-elements', { targets: n.targets })) as ElementGroupRow[];
    const paths = (await tx.run('impact/patch-safety-paths', { targets: n.targets })) as SafetyPathRow[];
    const safety = await flowSafety(tx, paths.map((p) => p.flow));
    return {
      ids: idsIn([groups, paths, [...safety.values()]]),
      elementGroups: groups,
      conduits: [],
      shape: (names) => {
        const ctx = { index: n.index, requiresReboot: n.change.requiresReboot, downtimeMinutes: n.change.downtimeMinutes, names, safety };
        return [...sifElementFindings(groups, ctx), ...safetyPathFindings(paths, ctx)];
      },
    };
  }
  const rows = (await tx.run('impact/auth-procedures', { zones: n.zones, assets: n.assets, roles: n.roles })) as AuthProcedureRow[];
  return { ids: idsIn(rows), conduits: [], shape: (names) => authFindings(rows, n.change, n.index, names) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function assessImpact(graph: Graph, request: ImpactRequest): Promise<ImpactResponse> {
  const changes = request.change ? [request.change] : request.changes!;
  return graph.readTx(async (tx) => {
    const normalized: NormalizedChange[] = [];
    for (const [i, change] of changes.entries()) {
      normalized.push(await normalizeChange(tx, change, i, request.change ? 'change' : `changes[${i}]`));
    }
    const assessed: Assessed[] = [];
    for (const n of normalized) assessed.push(await assessOne(tx, n));

    const names = await Names.load(tx, assessed.flatMap((a) => a.ids));
    const findings = assessed.flatMap((a) => a.shape(names));
    if (normalized.length > 1) {
      // In a set, the same finding may come from two changes: the index keeps ids unique.
      for (const f of findings) f.id = `${f.id}@${f.changes[0]}`;
      const singles = new Map(assessed.flatMap((a, i) => (a.elementGroups ? [[i, a.elementGroups] as const] : [])));
      const combined = [...await combinedFlowFindings(tx, normalized, names), ...await combinedSifFindings(tx, normalized, singles, names)];
      findings.push(...combined);
    }
    const [checked] = await tx.run('impact/checked-counts');
    return answer(sortFindings(findings), { ...(checked as { sifs: number; flows: number; procedures: number }), conduits: new Set(assessed.flatMap((a) => a.conduits)).size });
  });
}

function answer(findings: Finding[], checked: { sifs: number; flows: number; procedures: number; conduits: number }): ImpactResponse {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 } as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  const maxSeverity = highest(findings.map((f) => f.severity));
  const touched = findings.some((f) => f.severity !== 'INFO');
  const scope = `${checked.sifs} SIFs, ${checked.flows} safety-required flows and ${checked.procedures} procedures`;
  return {
    findings,
    summary: {
      maxSeverity,
      safetyPathTouched: touched,
      counts,
      checked,
      message: touched
        ? `${findings.length - counts.INFO} finding${findings.length - counts.INFO === 1 ? '' : 's'} on safety paths, highest ${maxSeverity}; checked ${scope}.`
        : `No safety path touched: checked ${scope}${counts.INFO ? `; ${counts.INFO} informational line${counts.INFO === 1 ? '' : 's'}` : ''}.`,
    },
  };
}
