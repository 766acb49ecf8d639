// The shared-system triage of an advisory's affected assets (DOMAIN.md §5.5): is each a shared
// system, which risks and registers cover it and who owns them, which controls are involved. The
// assurance engine answers it (server/assurance/triage.ts); the advisory answer carries it beside
// its own patch what-if.
import type { DbClient } from '../../db/client.js';
import { asOfToday } from '../../assurance/as-of.js';
import { TriageItems, type TriageItemsT } from '../../assurance/triage-schema.js';
import { triageItems } from '../../assurance/triage.js';

export const Triage = TriageItems;
export type Triage = TriageItemsT;

/** Triage as of today (UTC) for the matched assets, which exist: they were read from the graph. */
export async function triageFor(db: DbClient, assetIds: ReadonlyArray<string>): Promise<Triage> {
  return db.readTx((tx) => triageItems(tx, [...assetIds], asOfToday()));
}
