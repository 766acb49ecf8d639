// Reference (a): the what-if answered by the straightforward Cypher of cypher/bench/*.cypher
// (variable-length path search from the changed element to every SIF and procedure), turned
// into comparable findings by the same §4 rules as the in-process reference. Input handling
// (resolving rule endpoints to address ranges, patch selectors to assets) reuses the product's
// normalisation: it is not what is being compared. FW-SHADOWED and FW-EXPOSES-SAFETY-ZONE are
// not computed here, so comparisons with (a) leave them out (see NAIVE_SCOPE).
import type { DbClient, Row, Tx } from '../server/db/client.js';
import type { ImpactRequest } from '../server/impact/change-schema.js';
import { normalizeChange, type NormalizedChange } from '../server/impact/normalize.js';
import {
  authComparables, combinedComparables, firewallComparables, patchComparables,
  type Comparable, type FlowFacts, type GroupFacts, type PathFacts, type RouteGroupFacts, type SetGroupFacts, type SifSil,
} from '../server/oracle/finding-rules.js';

/** Finding ids reference (a) answers for; the others are compared between the engine and (b) only. */
export const NAIVE_SCOPE = (id: string) => !id.startsWith('FW-SHADOWED:') && !id.startsWith('FW-EXPOSES-SAFETY-ZONE:');

const uniqueSifs = (sifs: SifSil[]) => [...new Map(sifs.map((s) => [s.id, s])).values()];

interface Single { comparables: Comparable[]; flows: FlowFacts[]; groups: GroupFacts[]; paths: PathFacts[] }

async function firewall(tx: Tx, n: Extract<NormalizedChange, { kind: 'firewall' }>): Promise<Single> {
  const { conduit, replaced, rules, defaultAction } = n.edit;
  const rows = await tx.run('bench/naive-firewall', { conduit, replaced, proposed: rules, defaultAction });
  const flows: FlowFacts[] = rows.map((r: Row) => ({
    flow: r.flow, safety: r.safety, sifs: uniqueSifs(r.sifs), emergency: r.emergency,
    before: r.crossings.every((c: Row) => c.before === 'allow'),
    after: r.crossings.every((c: Row) => c.after === 'allow'),
    beforeRule: r.crossings.find((c: Row) => c.conduit === conduit)?.beforeRule ?? null,
  }));
  return { comparables: firewallComparables({ conduit, flows, shadows: [], exposures: [] }), flows, groups: [], paths: [] };
}

async function patchFacts(tx: Tx, targets: string[]): Promise<{ groups: GroupFacts[]; paths: PathFacts[] }> {
  const rows = await tx.run('bench/naive-patch', { targets });
  const groups = new Map<string, GroupFacts>();
  for (const g of rows.flatMap((r: Row) => r.groups as Row[])) {
    groups.set(`${g.sif}|${g.group}`, { sif: g.sif, group: g.group, sil: g.sil, canTrip: g.n - g.down >= Number(String(g.voting).split('oo')[0]) });
  }
  const paths = rows.flatMap((r: Row) => (r.paths as Row[]).map((p) => ({ target: r.target, flow: p.flow, sifs: uniqueSifs(p.sifs), emergency: p.emergency, redundant: p.redundant })));
  return { groups: [...groups.values()], paths };
}

async function single(tx: Tx, n: NormalizedChange): Promise<Single> {
  if (n.kind === 'firewall') return firewall(tx, n);
  if (n.kind === 'patch') {
    const { groups, paths } = await patchFacts(tx, n.targets);
    const gentle = !n.change.requiresReboot && n.change.downtimeMinutes === 0;
    return { comparables: patchComparables({ gentle, groups, paths }), flows: [], groups, paths };
  }
  const rows = await tx.run('bench/naive-auth', { zones: n.zones, assets: n.assets, roles: n.roles });
  const procedures = rows.map((r: Row) => ({ procedure: r.procedure, emergency: r.emergency, nominalSeconds: r.nominalSeconds, maxSeconds: r.maxSeconds, sifs: r.sifs, mannedConsoleInScope: r.manned }));
  const c = n.change;
  return { comparables: authComparables(procedures, { mfaSeconds: c.mfa?.addedSeconds, lockout: c.lockoutThreshold !== undefined, sessionTimeout: c.sessionTimeoutMinutes !== undefined }), flows: [], groups: [], paths: [] };
}

const goesDown = (n: NormalizedChange) => n.kind === 'patch' && (n.change.requiresReboot || n.change.downtimeMinutes > 0);

async function combined(tx: Tx, changes: NormalizedChange[], singles: Single[]): Promise<Comparable[]> {
  const edits = changes.filter((c) => c.kind === 'firewall');
  if (edits.length > 1) throw new Error('naive reference: a change set may hold one firewall change');
  const edit = edits[0]?.kind === 'firewall' ? edits[0].edit : null;
  // Stakes of each candidate: safety flows the edit leaves denied, safety flows a reboot touches.
  const stakes = new Map<string, { sifs: SifSil[]; emergency: boolean }>();
  changes.forEach((c, i) => {
    if (c.kind === 'firewall') for (const f of singles[i]!.flows) if (f.safety && !f.after) stakes.set(f.flow, { sifs: f.sifs, emergency: f.emergency });
    if (goesDown(c)) for (const p of singles[i]!.paths) stakes.set(p.flow, { sifs: p.sifs, emergency: p.emergency });
  });
  const downBy = new Map<string, number[]>();
  changes.forEach((c, i) => {
    if (goesDown(c) && c.kind === 'patch') for (const t of c.targets) downBy.set(t, [...(downBy.get(t) ?? []), i]);
  });
  const firewallIndex = changes.findIndex((c) => c.kind === 'firewall');
  const rows = stakes.size ? await tx.run('bench/naive-routes', {
    flowIds: [...stakes.keys()], conduit: edit?.conduit ?? null, replaced: edit?.replaced ?? [], proposed: edit?.rules ?? [],
    defaultAction: edit?.defaultAction ?? null, down: [...downBy.keys()],
  }) : [];
  const routes = new Map<string, RouteGroupFacts>();
  for (const row of rows) {
    const members = (row.routes as Row[]).map((r) => r.flow as string).sort();
    const lead = members.find((m) => stakes.has(m))!;
    const unusableBy = new Map((row.routes as Row[]).map((r) => [r.flow as string, new Set([
      ...(r.denied && firewallIndex >= 0 ? [firewallIndex] : []),
      ...(r.touchedBy as string[]).flatMap((t) => downBy.get(t) ?? []),
    ])]));
    routes.set(members.join('|'), { members, ...stakes.get(lead)!, unusableBy });
  }
  const patches = changes.filter((c) => c.kind === 'patch');
  const groups: SetGroupFacts[] = [];
  if (patches.length >= 2) {
    const alone = new Set(changes.flatMap((c, i) => (c.kind === 'patch' ? singles[i]!.groups.filter((g) => !g.canTrip).map((g) => `${g.sif}|${g.group}`) : [])));
    const all = await patchFacts(tx, [...new Set(patches.flatMap((p) => (p.kind === 'patch' ? p.targets : [])))]);
    for (const g of all.groups) groups.push({ ...g, aloneUnavailable: alone.has(`${g.sif}|${g.group}`) });
  }
  return combinedComparables([...routes.values()], groups);
}

export async function naiveFindings(db: DbClient, request: ImpactRequest): Promise<Comparable[]> {
  const changes = request.change ? [request.change] : request.changes!;
  return db.readTx(async (tx) => {
    const normalized: NormalizedChange[] = [];
    for (const [i, c] of changes.entries()) normalized.push(await normalizeChange(tx, c, i, `changes[${i}]`));
    const singles: Single[] = [];
    for (const n of normalized) singles.push(await single(tx, n));
    if (changes.length === 1) return singles[0]!.comparables;
    return [...singles.flatMap((s, i) => s.comparables.map((f) => ({ ...f, id: `${f.id}@${i}` }))), ...await combined(tx, normalized, singles)];
  });
}
