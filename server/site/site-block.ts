// The document's `site` block (name and description of the site) is one node, outside the
// collections: written only when it differs from the stored one, and journalled like an entity.
import type { Tx } from '../db/client.js';
import { stableJson } from './canonical.js';
import { withoutDerived } from './from-graph.js';
import type { EntityChange } from './journal.js';
import type { Doc } from './stored.js';
import type { Props } from './to-graph.js';

/** What to write for the site block (props, null to remove it, undefined: leave it) and the journal entry. */
export async function siteBlockChange(tx: Tx, incoming: Props | null): Promise<{ write?: Props | null; change?: EntityChange }> {
  const [row] = await tx.run('site/site-info');
  const stored = row ? (withoutDerived(row.props as Props) as Doc) : null;
  if (stableJson(stored) === stableJson(incoming)) return {};
  const id = String((incoming ?? stored)!.id);
  const op = !stored ? 'create' : !incoming ? 'delete' : 'update';
  return { write: incoming, change: { collection: 'site', id, op, ...(stored ? { before: stored } : {}), ...(incoming ? { after: incoming as Doc } : {}) } };
}
