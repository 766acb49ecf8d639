// A what-if assessment: validates and normalises the proposed changes, runs the impact queries
// in one read transaction (a consistent snapshot that writes nothing), and shapes the answer.
import { inOrder, type DbClient, type Tx } from '../db/client.js';
import { ID_PATTERN } from '../model/site-schema.js';
import type { Change, Finding, ImpactRequest, ImpactResponse, Severity } from './change-schema.js';
import { authFindings, type AuthProcedureRow } from './auth-findings.js';
import { combinedFlowFindings, combinedSifFindings, type Shaper } from './combined-findings.js';
import { blockedFlowFindings, exposureFindings, flowInfoFindings, shadowFindings, type Decision, type ExposureRow, type FlowSafety, type ShadowRow } from './firewall-findings.js';
import { Names } from './names.js';
import { normalizeChange, unknownReferences, type NormalizedChange } from './normalize.js';
import { AppError } from '../errors.js';
import { count } from '../plural.js';
import { safetyPathFindings, sifElementFindings, type ElementGroupRow, type SafetyPathRow } from './patch-findings.js';
import { highest, severityRank } from './severity.js';

interface Assessed {
  shape: Shaper;
  ids: string[];
  conduits: string[];
}

/**
 * Every string in the rows that could be an entity id (free text such as a flow's purpose cannot).
 * Rows repeat the same ids many times (an exposure answer can hold thousands of rows naming one
 * conduit), so each distinct string is tested once.
 */
function idsIn(value: unknown, seen = new Set<string>()): string[] {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') seen.add(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return [...seen].filter((s) => ID_PATTERN.test(s));
}

async function flowSafety(tx: Tx, flowIds: string[], conduits: string[] = []): Promise<Map<string, FlowSafety>> {
  const rows = flowIds.length || conduits.length ? ((await tx.run('impact/flow-safety', { flowIds: [...new Set(flowIds)], conduits })) as FlowSafety[]) : [];
  return new Map(rows.map((r) => [r.flow, r]));
}

async function assessOne(tx: Tx, n: NormalizedChange): Promise<Assessed> {
  if (n.kind === 'firewall') {
    const params = { edits: [n.edit] };
    // Independent questions, sent together: one round trip instead of four.
    const [decisions, shadows, exposures, safety] = await inOrder([
      tx.run('impact/firewall-flow-decisions', { ...params, flowIds: [] }) as Promise<Decision[]>,
      tx.run('impact/firewall-rule-shadowing', params) as Promise<ShadowRow[]>,
      tx.run('impact/firewall-exposure', params) as Promise<ExposureRow[]>,
      flowSafety(tx, [], [n.edit.conduit]),
    ]);
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
    const [groups, paths] = await inOrder([
      tx.run('impact/patch-sif-elements', { targets: n.targets }) as Promise<ElementGroupRow[]>,
      tx.run('impact/patch-safety-paths', { targets: n.targets }) as Promise<SafetyPathRow[]>,
    ]);
    const safety = await flowSafety(tx, paths.map((p) => p.flow));
    return {
      ids: idsIn([groups, paths, [...safety.values()]]),
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

/** Every change normalised; unknown references of all the changes reported together. */
async function normalizeAll(tx: Tx, changes: Change[], single: boolean): Promise<NormalizedChange[]> {
  const settled = await Promise.allSettled(changes.map((change, i) => normalizeChange(tx, change, i, single ? 'change' : `changes[${i}]`)));
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length === 0) return settled.map((s) => (s as PromiseFulfilledResult<NormalizedChange>).value);
  const missing = failures.filter((f): f is AppError => f instanceof AppError && f.code === 'INTERLOCK_NOT_FOUND');
  if (missing.length === failures.length && missing.length > 1) throw unknownReferences(missing.flatMap((m) => m.errors ?? []));
  throw failures[0];
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function assessImpact(db: DbClient, request: ImpactRequest): Promise<ImpactResponse> {
  const changes = request.change ? [request.change] : request.changes!;
  return db.readTx(async (tx) => {
    // What was checked does not depend on the change: asked first, read last.
    const checkedCounts = tx.run('impact/checked-counts');
    checkedCounts.catch(() => {}); // awaited below; a failure elsewhere must not leave it unhandled
    const normalized = await normalizeAll(tx, changes, !!request.change);
    // A set's combined queries need only the normalised changes: they go out with the singles'.
    const [assessed, combined] = await inOrder([
      inOrder(normalized.map((n) => assessOne(tx, n))),
      normalized.length > 1 ? inOrder([combinedFlowFindings(tx, normalized), combinedSifFindings(tx, normalized)]) : Promise.resolve([]),
    ]);

    // Names are looked up only for the ids the wording uses, and, as ever, only for ids the rows
    // carry: a dry run of the shaping with a recorder says which.
    const recorder = Names.recorder();
    for (const shape of [...assessed.map((a) => a.shape), ...combined]) shape(recorder);
    const carried = new Set(assessed.flatMap((a) => a.ids));
    const names = await Names.load(tx, recorder.asked.filter((id) => carried.has(id)));
    const findings = assessed.flatMap((a) => a.shape(names));
    // In a set, the same finding may come from two changes: the index keeps ids unique.
    if (normalized.length > 1) for (const f of findings) f.id = `${f.id}@${f.changes[0]}`;
    findings.push(...combined.flatMap((shape) => shape(names)));
    const [checked] = await checkedCounts;
    return answer(sortFindings(findings), { ...(checked as { sifs: number; flows: number; procedures: number }), conduits: new Set(assessed.flatMap((a) => a.conduits)).size });
  });
}

function answer(findings: Finding[], checked: { sifs: number; flows: number; procedures: number; conduits: number }): ImpactResponse {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 } as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  const maxSeverity = highest(findings.map((f) => f.severity));
  const touched = findings.some((f) => f.severity !== 'INFO');
  const scope = `${count(checked.sifs, 'SIF')}, ${count(checked.flows, 'safety-required flow')} and ${count(checked.procedures, 'procedure')}`;
  return {
    findings,
    summary: {
      maxSeverity,
      safetyPathTouched: touched,
      counts,
      checked,
      message: touched
        ? `${count(findings.length - counts.INFO, 'finding')} on safety paths, highest ${maxSeverity}; checked ${scope}.`
        : `No safety path touched: checked ${scope}${counts.INFO ? `; ${count(counts.INFO, 'informational line')}` : ''}.`,
    },
  };
}
