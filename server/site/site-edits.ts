// Create, update and delete of single entities, each one incremental site write: only the entity,
// what it names and what depends on it are read and validated (incremental-write.ts), and only
// the entity is written. Versions make concurrent editing safe: If-Match refuses an edit made
// from a version someone else has since replaced (412), never losing their work silently.
import { AppError, conflict, notFound } from '../errors.js';
import { count } from '../plural.js';
import type { DbClient, Tx } from '../db/client.js';
import { COLLECTIONS, RULE, type CollectionName } from '../model/collections.js';
import { withArticle } from '../model/validate-site.js';
import { writeEntities, WriteRefused, type WriteRequest } from './incremental-write.js';
import { siteWrite } from './site-write.js';
import type { Doc, Lookup } from './stored.js';

export interface EditOptions<V = unknown> {
  /** The version the client last read (If-Match); absent: apply to whatever is current. */
  ifMatch?: number;
  /** Who edits: the username the journal and the audit log record (no write happens without one). */
  actor: string;
  /** Reads what the answer shows, in the write's own transaction: it is exactly what was written. */
  readBack?: (tx: Tx) => Promise<V>;
}

export interface EditResult<V = unknown> {
  revision: number;
  /** The entity's version after the edit (0 once deleted). */
  version: number;
  view?: V;
}

const kindOf = (collection: CollectionName) => COLLECTIONS[collection].kind;

export const preconditionFailed = (collection: CollectionName, id: string, current: number, expected: number) =>
  new AppError('INTERLOCK_PRECONDITION_FAILED',
    `${kindOf(collection)} "${id}" is at version ${current}, not ${expected}: it was changed since you read it. Read it again, redo your edit on it, and send If-Match: "${current}".`,
    [{ path: 'headers.if-match', message: `the current version is ${current}` }], { etag: `"${current}"` });

function existing(known: ReadonlyMap<string, Lookup>, collection: CollectionName, id: string, ifMatch?: number): Lookup {
  const found = known.get(id);
  if (!found || found.collection !== collection) throw notFound(kindOf(collection), id);
  if (ifMatch !== undefined && found.version !== ifMatch) throw preconditionFailed(collection, id, found.version, ifMatch);
  return found;
}

async function edit<V>(db: DbClient, action: string, collection: CollectionName, id: string, request: WriteRequest, refused: string, options: EditOptions<V>): Promise<EditResult<V>> {
  try {
    const result = await siteWrite(db, () => ({ action, actor: options.actor, summary: `${action} ${kindOf(collection)} ${id}`, target: `${collection}/${id}` }), async (tx) => {
      const outcome = await writeEntities(tx, request);
      return { ...outcome, view: await options.readBack?.(tx) };
    });
    return { revision: result.revision, version: result.versions.get(id) ?? 0, view: result.view };
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
    const message = error.reason === 'still-referenced'
      ? `${kindOf(collection)} "${id}" is still used by ${error.total === 1 ? 'one entity' : count(error.total, 'entity', 'entities')}; remove or change those references first.`
      : refused;
    throw conflict(message, error.errors);
  }
}

export async function createEntity<V>(db: DbClient, collection: CollectionName, item: Doc, options: EditOptions<V>): Promise<EditResult<V>> {
  const taken = (known: ReadonlyMap<string, Lookup>) => {
    const holder = known.get(item.id);
    if (!holder) return;
    const message = `id "${item.id}" is already used by ${withArticle(holder.collection === 'rule' ? RULE.kind : kindOf(holder.collection))}.`;
    throw conflict(message, [{ path: 'body.id', message }]);
  };
  return edit(db, 'create', collection, item.id, { upserts: [{ collection, doc: item, name: `${collection}[id=${item.id}]` }], deletes: [], precondition: taken },
    `The new ${kindOf(collection)} "${item.id}" would leave the site inconsistent.`, options);
}

export async function updateEntity<V>(db: DbClient, collection: CollectionName, id: string, item: Doc, options: EditOptions<V>): Promise<EditResult<V>> {
  // One field against the URL: a rule the schema cannot state, so 422, not 400.
  if (item.id !== id) throw new AppError('INTERLOCK_UNPROCESSABLE', `body.id "${item.id}" differs from the id in the URL "${id}".`, [{ path: 'body.id', message: `must equal the id in the URL ("${id}")` }]);
  return edit(db, 'update', collection, id, {
    upserts: [{ collection, doc: item, name: `${collection}[id=${id}]` }], deletes: [],
    precondition: (known) => existing(known, collection, id, options.ifMatch),
  }, `Updating ${kindOf(collection)} "${id}" would leave the site inconsistent.`, options);
}

export async function deleteEntity(db: DbClient, collection: CollectionName, id: string, options: EditOptions): Promise<EditResult> {
  return edit(db, 'delete', collection, id, {
    upserts: [], deletes: [{ collection, id }],
    precondition: (known) => existing(known, collection, id, options.ifMatch),
  }, '', options);
}
