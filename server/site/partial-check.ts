// Validation of an incremental write without reading the site: a small document is made of the
// entities being written, the stored entities whose validity depends on what changes, and stubs of
// everything they name (only the fields the checks read: an asset's zone, IP and type, a zone's
// CIDR, a conduit's zones). The whole-document validator runs over it — the same rules and the
// same words as a full import — and only errors on the checked entities are kept.
import { COLLECTION_NAMES, type CollectionName } from '../model/collections.js';
import { ErrorList, MAX_ERRORS, referentialErrors, type ValidationError } from '../model/validate-site.js';
import type { Doc } from './stored.js';

export interface CheckedEntity {
  collection: CollectionName;
  doc: Doc;
  /** How errors name it: `assets[3]` (its place in the client's document) or `assets[id=ls1]`. */
  name: string;
  /** Prefix of its errors' messages, e.g. "(stored entity) ". */
  note?: string;
}

export type Stubs = Map<string, { collection: CollectionName; doc: Doc }>;

export function partialErrors(stubs: Stubs, checked: CheckedEntity[], cap = MAX_ERRORS): { errors: ValidationError[]; total: number } {
  const doc: Record<string, Doc[]> = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, []]));
  // Stubs first: a duplicate id or IP is reported on the later entity, so on the one being written.
  for (const { collection, doc: stub } of stubs.values()) doc[collection]!.push(stub);
  const at = new Map<string, CheckedEntity>();
  for (const entity of checked) {
    const list = doc[entity.collection]!;
    at.set(`${entity.collection}[${list.length}]`, entity);
    list.push(entity.doc);
  }
  const owner = (path: string) => at.get(/^[a-z]+\[\d+\]/.exec(path)?.[0] ?? '');
  const found = new ErrorList(cap, (path) => owner(path) !== undefined);
  referentialErrors(doc, found);
  const errors = found.errors.map((e) => {
    const entity = owner(e.path)!;
    return { path: entity.name + e.path.slice(e.path.indexOf(']') + 1), message: `${entity.note ?? ''}${e.message}` };
  });
  return { errors, total: found.total };
}
