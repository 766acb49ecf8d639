// Writes a planned set of entity changes to the graph inside the caller's transaction, touching
// only those entities: stale rules and deleted entities go first, written entities lose their
// outgoing relationships, then every node is upserted and every relationship created (nodes
// before relationships, so no order among collections is needed), and derived flags follow.
import type { Tx } from '../db/client.js';
import type { CollectionName } from '../model/collections.js';
import { ruleIdsOf } from '../model/references.js';
import type { Doc } from './stored.js';
import { entityGraph, type AddressBook, type LinkRow, type NodeRow, type Props } from './to-graph.js';

// Rows per UNWIND. Measured on a 100,000-asset estate (2 cores): 2,000–20,000 are within noise
// of each other once pipelined; 10,000 keeps a batch's parameters around 5 MB.
export const BATCH_SIZE = 10_000;
const PIPELINE_DEPTH = 3;

export interface EntityWrite {
  collection: CollectionName;
  doc: Doc;
  version: number;
  hash: string;
  /** Stored before this write: its old relationships go first. */
  existed: boolean;
}

export interface GraphWrite {
  writes: EntityWrite[];
  deletes: string[];
  /** Flows whose safety-required flag must be derived again, beyond the written flows (always re-derived). */
  flows: string[];
  /** A replace import's site block: props, or null to remove it; absent leaves it alone. */
  site?: Props | null;
}

export interface WriteProgress {
  step: string;
  done: number;
  total: number;
}

/**
 * Queries of one transaction with up to PIPELINE_DEPTH in flight. The driver runs them in order
 * on the transaction's connection, so order is kept, while Node serialises the next batch as
 * Neo4j executes the current one: on two cores this overlap is most of what batching can gain.
 */
function pipeline(tx: Tx) {
  const inflight: Array<Promise<void>> = [];
  return {
    async send(name: string, params: Record<string, unknown>, after?: () => void): Promise<void> {
      const run = tx.run(name, params).then(() => after?.());
      // Awaited below or in drain(); until then a failure must not count as unhandled.
      run.catch(() => {});
      inflight.push(run);
      while (inflight.length >= PIPELINE_DEPTH) await inflight.shift();
    },
    async drain(): Promise<void> {
      while (inflight.length) await inflight.shift();
    },
  };
}

export async function applyGraphWrite(tx: Tx, write: GraphWrite, book: AddressBook, onProgress?: (p: WriteProgress) => void): Promise<{ nodes: number; relationships: number }> {
  const nodes: NodeRow[] = [];
  const links: LinkRow[] = [];
  for (const w of write.writes) {
    const graph = entityGraph(w.collection, w.doc, book);
    graph.nodes[0]!.props = { ...graph.nodes[0]!.props, entityVersion: w.version, docHash: w.hash };
    nodes.push(...graph.nodes);
    links.push(...graph.links);
  }
  const queue = pipeline(tx);
  const rewritten = write.writes.filter((w) => w.existed);
  const conduits = rewritten.filter((w) => w.collection === 'conduits');
  if (conduits.length) {
    const keep = write.writes.filter((w) => w.collection === 'conduits').flatMap((w) => ruleIdsOf(w.doc));
    await queue.send('site/delete-stale-rules', { conduits: conduits.map((w) => w.doc.id), keep });
  }
  const batches = async (name: string, step: string, ids: unknown[], key: 'ids' | 'rows') => {
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      const done = Math.min(i + BATCH_SIZE, ids.length);
      await queue.send(name, { [key]: ids.slice(i, i + BATCH_SIZE) }, () => onProgress?.({ step, done, total: ids.length }));
    }
  };
  await batches('site/delete-entities', 'delete', write.deletes, 'ids');
  await batches('site/unlink-entities', 'unlink', rewritten.map((w) => w.doc.id), 'ids');
  await batches('site/upsert-entities', 'nodes', nodes, 'rows');
  await batches('site/link-entities', 'relationships', links, 'rows');
  if (write.site !== undefined) await queue.send('site/write-site-info', { props: write.site });
  // A written flow's properties were replaced whole, its flag with them.
  const flows = new Set([...write.flows, ...write.writes.filter((w) => w.collection === 'flows').map((w) => w.doc.id)]);
  await batches('site/derive-flow-safety', 'flow safety', [...flows], 'ids');
  await queue.drain();
  return { nodes: nodes.length + (write.site ? 1 : 0), relationships: links.length };
}

/** The flows whose safety-required flag a change of SIFs and procedures may change: what they depend on, before or after. */
export function flowsToDerive(entities: Array<{ collection: CollectionName | 'site'; doc?: Doc; before?: Doc }>): string[] {
  const flows = new Set<string>();
  for (const e of entities) {
    if (e.collection !== 'sifs' && e.collection !== 'procedures') continue;
    for (const d of [e.doc, e.before]) for (const id of (d?.dependsOn as string[] | undefined) ?? []) flows.add(id);
  }
  return [...flows];
}

