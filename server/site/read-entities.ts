// Entity documents for the read API, always from the one query every document comes from
// (site/entities), with each entity's version for ETag / If-Match, plus whatever extras a route
// reads beside them in the same transaction (one consistent snapshot).
import type { DbClient, Row, Tx } from '../db/client.js';
import { notFound } from '../errors.js';
import { COLLECTIONS, type CollectionName, type EntityOf } from '../model/collections.js';
import { storedDocs } from './stored.js';

export interface Versioned<T> { doc: T; version: number }

/** Documents of a collection in the order of `ids`; ids of other kinds or of nothing are left out. */
export async function readDocs<C extends CollectionName>(tx: Tx, collection: C, ids: string[]): Promise<Array<Versioned<EntityOf<C>>>> {
  const found = await storedDocs(tx, ids);
  return ids.flatMap((id) => {
    const hit = found.get(id);
    return hit && hit.collection === collection ? [{ doc: hit.doc as unknown as EntityOf<C>, version: hit.version }] : [];
  });
}

/**
 * One entity and, optionally, a query of extras about it; 404 when it does not exist. In the
 * caller's transaction: a write answers with what it wrote, read before it commits.
 */
export async function readOneIn<C extends CollectionName>(tx: Tx, collection: C, id: string, extras?: string): Promise<Versioned<EntityOf<C>> & { extras: Row }> {
  const [[entity], rows] = await Promise.all([readDocs(tx, collection, [id]), extras ? tx.run(extras, { id }) : Promise.resolve([{}])]);
  if (!entity) throw notFound(COLLECTIONS[collection].kind, id);
  return { ...entity, extras: rows[0] ?? {} };
}

export async function readOne<C extends CollectionName>(db: DbClient, collection: C, id: string, extras?: string): Promise<Versioned<EntityOf<C>> & { extras: Row }> {
  return db.readTx((tx) => readOneIn(tx, collection, id, extras));
}

/** A list query returning `id` plus extras per row, joined to the documents in its order. */
export async function readList<C extends CollectionName>(db: DbClient, collection: C, list: string, params: Row = {}): Promise<Array<Versioned<EntityOf<C>> & { extras: Row }>> {
  return db.readTx(async (tx) => {
    const rows = await tx.run(list, params);
    const docs = new Map((await readDocs(tx, collection, rows.map((r) => r.id as string))).map((v) => [v.doc.id, v]));
    return rows.flatMap((r) => (docs.has(r.id as string) ? [{ ...docs.get(r.id as string)!, extras: r }] : []));
  });
}
