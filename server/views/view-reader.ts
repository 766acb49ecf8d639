// The I/O half of the graph views: reads rows in one read transaction (one consistent snapshot)
// and hands them to the pure shaping in build-view.ts.
import type { DbClient, Row, Tx } from '../db/client.js';
import { notFound } from '../errors.js';
import type { SafetyPath } from '../model/api-schemas.js';
import { readDocs } from '../site/read-entities.js';
import { buildView, collapsedZones, type ViewRows } from './build-view.js';
import type { AssetRow, ConduitRow, FlowRow, ZoneRow } from './elements.js';
import type { CollapseMode, GraphViewT, SifGraphT } from './view-schema.js';
import { safetyIndex, type SafetyIndex, type SifDependencyRow } from './safety-index.js';
import type { z } from 'zod';

/** A neighbourhood stops growing past this many assets, so a hub (a core firewall) stays readable. */
export const NEIGHBOURHOOD_MAX_ASSETS = 250;
const FLOWS_PER_HOP = 400;

const readSafety = async (tx: Tx): Promise<SafetyIndex> =>
  safetyIndex((await tx.run('views/safety-dependencies')) as SifDependencyRow[]);

export async function readTopology(db: DbClient, mode: CollapseMode, expand: string[] = []): Promise<GraphViewT> {
  return db.readTx(async (tx) => {
    const zones = (await tx.run('views/zones', { ids: null })) as ZoneRow[];
    const conduits = (await tx.run('views/conduits', { ids: null })) as ConduitRow[];
    const collapsed = collapsedZones(mode, zones, conduits.length, expand);
    const open = collapsed.length === 0 ? null : zones.map((z) => String(z.props.id)).filter((id) => !collapsed.includes(id));
    const [assets, flows] = open?.length === 0
      ? [[], []]
      : [await tx.run('views/assets', { zones: open, ids: null }), await tx.run('views/flows', { ids: null, zones: open })];
    return buildView({ zones, conduits, assets: assets as AssetRow[], flows: flows as FlowRow[] }, await readSafety(tx), collapsed);
  });
}

/** Rows for a chosen set of assets and flows, with every zone and conduit they need. */
async function subgraphRows(tx: Tx, assetIds: string[], flowIds: string[], extraConduits: string[] = []): Promise<ViewRows> {
  const assets = (await tx.run('views/assets', { zones: null, ids: assetIds })) as AssetRow[];
  const flows = flowIds.length ? ((await tx.run('views/flows', { ids: flowIds, zones: null })) as FlowRow[]) : [];
  const conduitIds = [...new Set([...flows.flatMap((f) => f.via), ...extraConduits])];
  const conduits = conduitIds.length ? ((await tx.run('views/conduits', { ids: conduitIds })) as ConduitRow[]) : [];
  const zoneIds = [...new Set([...assets.map((a) => a.zone), ...conduits.flatMap((c) => c.zones)])];
  const zones = (await tx.run('views/zones', { ids: zoneIds })) as ZoneRow[];
  return { zones, assets, conduits, flows };
}

export async function readSifGraph(db: DbClient, id: string): Promise<SifGraphT> {
  return db.readTx(async (tx) => {
    const [sif] = await readDocs(tx, 'sifs', [id]);
    if (!sif) throw notFound('SIF', id);
    const [path] = (await tx.run('read/sif-safety-path', { id })) as [z.infer<typeof SafetyPath>];
    const assetIds = [...new Set([
      ...path.elements.map((e) => e.asset),
      ...path.flows.flatMap((f) => [f.from, f.to, ...f.routesThrough]),
      ...path.conduits.flatMap((c) => c.firewalls),
    ])];
    const rows = await subgraphRows(tx, assetIds, path.flows.map((f) => f.id), path.conduits.map((c) => c.id));
    const view = buildView(rows, await readSafety(tx));
    const roles = new Map<string, Array<{ role: 'SENSOR' | 'LOGIC' | 'FINAL_ELEMENT'; group: string; voting: string }>>();
    for (const e of path.elements) {
      roles.set(e.asset, [...(roles.get(e.asset) ?? []), { role: e.role as 'SENSOR', group: e.group, voting: e.voting }]);
    }
    const elements = view.elements.map((el) => {
      const safetyRoles = el.data.kind === 'asset' ? roles.get(el.data.id) : undefined;
      if (!safetyRoles) return el;
      const role = safetyRoles[0]!.role.toLowerCase().replace('_', '-');
      return { ...el, data: { ...el.data, safetyRoles }, classes: `${el.classes} role-${role}` } as typeof el;
    });
    return { sif: { ...sif.doc, procedures: path.procedures }, elements };
  });
}

export async function readNeighbourhood(db: DbClient, id: string, depth: number): Promise<GraphViewT> {
  return db.readTx(async (tx) => {
    const [root] = await tx.run('views/assets', { zones: null, ids: [id] });
    if (!root) throw notFound('asset', id);
    const assets = new Set([id]);
    const flows = new Set<string>();
    let frontier = [id];
    let truncated = false;
    for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop += 1) {
      const rows = (await tx.run('views/asset-neighbours', { ids: frontier, limit: FLOWS_PER_HOP })) as Row[];
      if (rows.length >= FLOWS_PER_HOP) truncated = true;
      const next: string[] = [];
      for (const r of [...rows].sort((a, b) => String(a.flow).localeCompare(String(b.flow)))) {
        const added = (r.assets as string[]).filter((a) => !assets.has(a));
        if (assets.size + added.length > NEIGHBOURHOOD_MAX_ASSETS) {
          truncated = true;
          break;
        }
        flows.add(String(r.flow));
        for (const a of added) {
          assets.add(a);
          next.push(a);
        }
      }
      frontier = next;
    }
    const rows = await subgraphRows(tx, [...assets], [...flows]);
    return buildView(rows, await readSafety(tx), [], truncated);
  });
}
