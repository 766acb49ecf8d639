// Which zone each id sits in: lets the explorer light up a zone summarised by the server in place
// of path members that the view leaves out.
import type { DbClient } from '../db/client.js';
import type { LocateResultT } from './view-schema.js';

export async function locate(db: DbClient, ids: readonly string[]): Promise<LocateResultT> {
  const rows = await db.read('views/locate', { ids: [...new Set(ids)] });
  return { zones: Object.fromEntries(rows.map((r) => [String(r.id), String(r.zone)])) };
}
