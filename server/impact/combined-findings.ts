// Findings that arise only from a change set's combination (DOMAIN.md §4, "Beyond a single
// change"): a safety flow that loses every route — its own and its redundant alternatives — to
// the set's rule changes and reboots together though no single change takes them all, and a SIF
// voting group emptied by several patches though no single patch empties it. Graph logic stays
// in the queries; this file only combines their answers across changes.
import { inOrder, type Tx } from '../db/client.js';
import type { Finding } from './change-schema.js';
import type { Decision, FlowSafety } from './firewall-findings.js';
import { silList, type Names } from './names.js';
import { mergeEdits, type ConduitEdit, type NormalizedChange } from './normalize.js';
import type { ElementGroupRow } from './patch-findings.js';
import { flowSeverity, severityFromSil } from './severity.js';

interface Scenario {
  edits: ConduitEdit[];
  down: string[];
}

const isDown = (n: NormalizedChange) => n.kind === 'patch' && (n.change.requiresReboot || n.change.downtimeMinutes > 0);

function scenarioOf(changes: ReadonlyArray<NormalizedChange>): Scenario {
  return {
    edits: mergeEdits(changes.flatMap((n) => (n.kind === 'firewall' ? [n.edit] : []))),
    down: [...new Set(changes.flatMap((n) => (isDown(n) && n.kind === 'patch' ? n.targets : [])))],
  };
}

/** Members of each route group that are unusable under a scenario: denied, or touched by a reboot. */
async function unusable(tx: Tx, members: string[], s: Scenario): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const [decisions, touched] = await inOrder([
    s.edits.length ? tx.run('impact/firewall-flow-decisions', { edits: s.edits, flowIds: members }) as Promise<Decision[]> : Promise.resolve([]),
    s.down.length ? tx.run('impact/flows-touched-by-assets', { flowIds: members, targets: s.down }) : Promise.resolve([]),
  ]);
  for (const d of decisions) {
    if (!members.includes(d.flow) || d.allowedAfter) continue;
    const deny = d.crossings.find((c) => c.after.action === 'deny')!;
    out.set(d.flow, `denied on ${deny.conduit}`);
  }
  for (const row of touched) {
    if ((row.touchedBy as string[]).length && !out.has(row.flow)) out.set(row.flow, `interrupted by the patch of ${(row.touchedBy as string[]).join(', ')}`);
  }
  return out;
}

/** Findings are worded once the names are known: the queries run first, the shaper after. */
export type Shaper = (names: Names) => Finding[];
const none: Shaper = () => [];

export async function combinedFlowFindings(tx: Tx, changes: ReadonlyArray<NormalizedChange>): Promise<Shaper> {
  const all = scenarioOf(changes);
  if (!all.edits.length && !all.down.length) return none;
  const candidates = new Set<string>();
  const [denied, carried] = await inOrder([
    all.edits.length ? tx.run('impact/firewall-flow-decisions', { edits: all.edits, flowIds: [] }) as Promise<Decision[]> : Promise.resolve([]),
    all.down.length ? tx.run('impact/patch-safety-paths', { targets: all.down }) : Promise.resolve([]),
  ]);
  for (const d of denied) if (d.safetyRequired && !d.allowedAfter) candidates.add(d.flow);
  for (const r of carried) candidates.add(r.flow);
  if (!candidates.size) return none;

  const safety = new Map(((await tx.run('impact/flow-safety', { flowIds: [...candidates], conduits: [] })) as FlowSafety[]).map((s) => [s.flow, s]));
  const groups = new Map<string, string[]>();
  for (const flow of candidates) {
    const members = [flow, ...(safety.get(flow)?.alternates ?? [])].sort();
    groups.set(members.join('|'), members);
  }
  const members = [...new Set([...groups.values()].flat())];
  // The transaction still runs these one by one; sent together they cost one round trip.
  const [combined, ...singles] = await inOrder([unusable(tx, members, all), ...changes.map((c) => unusable(tx, members, scenarioOf([c])))]);

  const lostGroups = [...groups.values()].filter((group) =>
    group.every((m) => combined.has(m)) && !singles.some((single) => group.every((m) => single.has(m))));
  return (names) => lostGroups.map((group) => {
    const key = group.find((m) => safety.has(m))!;
    const s = safety.get(key)!;
    const contributing = changes.filter((_, i) => group.some((m) => singles[i]!.has(m))).map((c) => c.index);
    return {
      id: `COMBINED-SAFETY-FLOW-LOST:${group.join('+')}`,
      rule: 'COMBINED-SAFETY-FLOW-LOST',
      severity: flowSeverity(s.sifs, s.procedures.some((p) => p.emergency)),
      title: `Together, the changes leave safety flow ${key} with no route`,
      explanation: `Each change alone leaves at least one route for ${names.of(key)}${s.sifs.length ? `, needed by ${silList(s.sifs, names)}` : ''}, but together: ` +
        `${group.map((m) => `${m} is ${combined.get(m)}`).join('; ')}.`,
      path: { nodes: [], edges: group },
      sifs: s.sifs, flow: key, changes: contributing,
      recommendation: 'Do not run these changes in the same window: finish and verify one route before touching the other.',
    };
  });
}

export async function combinedSifFindings(tx: Tx, changes: ReadonlyArray<NormalizedChange>): Promise<Shaper> {
  const patches = changes.flatMap((c) => (c.kind === 'patch' ? [c] : []));
  if (patches.length < 2) return none;
  const targets = [...new Set(patches.flatMap((p) => p.targets))];
  const rows = (await tx.run('impact/patch-sif-elements', { targets })) as ElementGroupRow[];
  // The voting arithmetic of one patch alone needs no query: its channels down are the row's
  // channels down that it targets.
  const downAlone = (r: ElementGroupRow) => patches.map((p) => r.down.filter((t) => p.targets.includes(t)).length);
  const emptiedOnlyTogether = rows.filter((r) => !r.canTrip && downAlone(r).every((down) => r.n - down >= r.m));
  return (names) => emptiedOnlyTogether.map((r) => ({
    id: `COMBINED-SIF-UNAVAILABLE:${r.sif}:${r.group}`,
    rule: 'COMBINED-SIF-UNAVAILABLE' as const,
    severity: severityFromSil(r.sil),
    title: `Together, the patches leave ${r.sif} (SIL ${r.sil}) unable to trip`,
    explanation: `Each patch alone leaves the ${r.role} group "${r.group}" (${r.voting}) of ${names.of(r.sif)} able to trip, but together they take down ${names.list(r.down)}: ${r.n - r.down.length} of ${r.n} channels remain and ${r.m} are needed.`,
    path: { nodes: [r.sif, ...r.down], edges: [] },
    sifs: [{ id: r.sif, sil: r.sil }], asset: r.down[0],
    changes: patches.filter((p) => p.targets.some((t) => r.down.includes(t))).map((p) => p.index),
    recommendation: 'Sequence the patches: one channel at a time, each verified before the next, or bypass the SIF under management of change in a shutdown window.',
  }));
}
