// A replace import: the document becomes the whole site. It is compared with what is stored by
// fingerprint (each entity's docHash), so only created, changed and deleted entities are written
// and versioned, and an unchanged entity keeps its version. Runs inside a site write (the lock is
// held), after the whole document has been validated.
import type { Tx } from '../db/client.js';
import { COLLECTION_NAMES, collectionOfLabel, type CollectionName } from '../model/collections.js';
import { referencesOf } from '../model/references.js';
import type { SiteDocument } from '../model/site-schema.js';
import { docHash, stableJson } from './canonical.js';
import { siteBlockChange } from './site-block.js';
import { applyGraphWrite, flowsToDerive, type EntityWrite, type WriteProgress } from './graph-write.js';
import type { EntityChange } from './journal.js';
import { storedDocs, type Doc } from './stored.js';
import { addressBook, type Props } from './to-graph.js';

interface Indexed { collection: CollectionName | undefined; version: number; hash: string }

export interface ReplaceOutcome {
  changes: EntityChange[];
  unchanged: number;
  rewritten: number;
  nodes: number;
  relationships: number;
}

/**
 * `repair`: write every entity again, changed or not (versions of unchanged ones kept), and drop
 * rules no conduit holds — for a graph that failed its integrity check, where an unchanged entity
 * may still carry a duplicated relationship or a stale range.
 */
export async function replaceSite(tx: Tx, site: SiteDocument, onProgress?: (p: WriteProgress) => void, repair = false): Promise<ReplaceOutcome> {
  const [indexRows, block] = await Promise.all([tx.run('site/entity-index'), siteBlockChange(tx, (site.site as Props | undefined) ?? null)]);
  const stored = new Map<string, Indexed>(indexRows.map((r) => [r.id as string, { collection: collectionOfLabel(r.label as string), version: Number(r.version ?? 0), hash: r.hash as string }]));
  const incoming = COLLECTION_NAMES.flatMap((collection) => (site[collection] as Doc[]).map((doc) => ({ collection, doc, hash: docHash(collection, doc) })));
  const incomingKind = new Map(incoming.map((e) => [e.doc.id, e.collection]));

  const same = (e: (typeof incoming)[number]) => stored.get(e.doc.id)?.collection === e.collection;
  const changed = incoming.filter((e) => !same(e) || stored.get(e.doc.id)!.hash !== e.hash);
  const deletedIds = [...stored].filter(([id, s]) => incomingKind.get(id) !== s.collection).map(([id]) => id);
  const before = await storedDocs(tx, [...changed.filter(same).map((e) => e.doc.id), ...deletedIds]);

  // Rules hold their endpoints' addresses as integer ranges: an unchanged conduit whose rule names
  // an asset or zone whose address changed (or that came or went) is written again.
  const addressOf = (d: Doc) => stableJson([d.ip, d.cidr]);
  const moved = new Set(deletedIds);
  for (const e of changed) if (!same(e) || addressOf(before.get(e.doc.id)!.doc) !== addressOf(e.doc)) moved.add(e.doc.id);
  const changedIds = new Set(changed.map((e) => e.doc.id));
  const rewrites = incoming.filter((e) => !changedIds.has(e.doc.id) && (repair || (e.collection === 'conduits'
    && referencesOf('conduits', e.doc).some((r) => !r.reference.relationship && moved.has(r.id)))));
  if (repair) await tx.run('site/delete-orphan-rules');

  const writes: EntityWrite[] = [
    ...changed.map((e) => ({ collection: e.collection, doc: e.doc, hash: e.hash, version: same(e) ? stored.get(e.doc.id)!.version + 1 : 1, existed: same(e) })),
    ...rewrites.map((e) => ({ collection: e.collection, doc: e.doc, hash: e.hash, version: stored.get(e.doc.id)!.version, existed: true })),
  ];
  const changes: EntityChange[] = [
    ...changed.map((e) => (same(e)
      ? { collection: e.collection, id: e.doc.id, op: 'update' as const, before: before.get(e.doc.id)!.doc, after: e.doc }
      : { collection: e.collection, id: e.doc.id, op: 'create' as const, after: e.doc })),
    ...deletedIds.map((id) => ({ collection: before.get(id)!.collection, id, op: 'delete' as const, before: before.get(id)!.doc })),
  ];
  const written = await applyGraphWrite(tx, {
    writes,
    deletes: deletedIds,
    flows: flowsToDerive(changes.map((c) => ({ collection: c.collection, doc: c.after, before: c.before }))),
    ...('write' in block ? { site: block.write } : {}),
  }, addressBook(site.assets, site.zones), onProgress);
  return { changes: block.change ? [block.change, ...changes] : changes, unchanged: incoming.length - changed.length, rewritten: rewrites.length, ...written };
}
