// The canonical form of a site document: collections ordered by id, set-like lists sorted,
// ordered lists (via, routesThrough, rules, groups, elements, firewalls, conduit ends) kept as
// they are. Export returns this form, and "lossless" means canonical(in) equals export(import(in)).
// An entity's fingerprint (docHash) is taken over its canonical form, so a replace import can
// tell which entities really changed.
import { createHash } from 'node:crypto';
import { COLLECTION_NAMES, setFields, type CollectionName } from '../model/collections.js';
import { SiteDocument } from '../model/site-schema.js';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One entity with its sets sorted and de-duplicated and a conduit's rules in seq order. */
export function canonicalEntity<T extends { id: string }>(collection: CollectionName, entity: T): T {
  const out = { ...entity } as Record<string, unknown>;
  for (const field of setFields(collection)) if (Array.isArray(out[field])) out[field] = [...new Set(out[field] as string[])].sort();
  if (collection === 'conduits' && Array.isArray(out.rules)) out.rules = [...(out.rules as Array<{ seq: number }>)].sort((a, b) => a.seq - b.seq);
  return out as T;
}

export function canonicalSite(input: SiteDocument): SiteDocument {
  const doc = structuredClone(input) as unknown as Record<string, unknown>;
  for (const name of COLLECTION_NAMES) {
    const items = doc[name] as Array<{ id: string }> | undefined;
    if (items) doc[name] = items.map((item) => canonicalEntity(name, item)).sort(byId);
  }
  // Parsing puts keys in schema order and fills defaults, so equal documents serialise equally.
  return SiteDocument.parse(doc);
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

/** SHA-256 of the entity's canonical form: equal exactly when the documents are. */
export function docHash(collection: CollectionName, entity: { id: string }): string {
  return createHash('sha256').update(stableJson(canonicalEntity(collection, entity))).digest('hex');
}
