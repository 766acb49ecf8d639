// Export of the stored site as a site document in canonical form, read in one transaction (one
// consistent snapshot) a batch of entities at a time.
import { TIMEOUTS, type DbClient, type Tx } from '../db/client.js';
import { collectionOfLabel, COLLECTION_NAMES } from '../model/collections.js';
import type { SiteDocument } from '../model/site-schema.js';
import { canonicalSite } from './canonical.js';
import { withoutDerived } from './from-graph.js';
import { storedDocs } from './stored.js';
import type { Props } from './to-graph.js';

export async function exportIn(tx: Tx): Promise<SiteDocument> {
  const [index, [info]] = await Promise.all([tx.run('site/entity-index'), tx.run('site/site-info')]);
  const docs = await storedDocs(tx, index.filter((r) => collectionOfLabel(r.label as string)).map((r) => r.id as string));
  const doc: Record<string, unknown> = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, []]));
  if (info) doc.site = withoutDerived(info.props as Props);
  for (const { collection, doc: entity } of docs.values()) (doc[collection] as unknown[]).push(entity);
  return canonicalSite(doc as unknown as SiteDocument);
}

export async function exportSite(db: DbClient): Promise<SiteDocument> {
  return db.readTx(exportIn, { timeoutMs: TIMEOUTS.bulk });
}
