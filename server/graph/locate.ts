// Which zone each id sits in: lets the explorer light up a zone summarised by the server in place
// of path members that the view leaves out.
import type { Graph } from '../db/graph.js';
import type { LocateResultT } from './graph-schema.js';

export async function locate(graph: Graph, ids: readonly string[]): Promise<LocateResultT> {
  const rows = await graph.read('graph/locate', { ids: [...new Set(ids)] });
  return { zones: Object.fromEntries(rows.map((r) => [String(r.id), String(r.zone)])) };
}
