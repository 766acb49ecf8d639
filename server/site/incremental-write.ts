// Writes some entities of a site — a merge import, or one create, update or delete — reading and
// validating only what they touch: the entities themselves, the stored entities whose validity
// depends on the fields they change, and stubs of what all of these name. Runs inside the caller's
// write transaction, right after site/begin-write took the site's write lock, so what it reads is
// what it writes on.
import type { Tx } from '../db/client.js';
import { COLLECTIONS, RULE_ENDPOINT, SITE_RELATIONSHIPS, type CollectionName } from '../model/collections.js';
import { referencesOf, ruleIdsOf } from '../model/references.js';
import { docHash } from './canonical.js';
import { applyGraphWrite, flowsToDerive, type EntityWrite } from './graph-write.js';
import { changedFields, type EntityChange } from './journal.js';
import { siteBlockChange } from './site-block.js';
import { partialErrors, type CheckedEntity, type Stubs } from './partial-check.js';
import { assetsAtIps, lookup, referrers, storedDocs, type Doc, type Lookup } from './stored.js';
import { addressBook, type Props } from './to-graph.js';

export interface Upsert {
  collection: CollectionName;
  doc: Doc;
  /** How validation errors name it (`assets[3]` in the client's document, or `assets[id=x]`). */
  name: string;
}

export interface WriteRequest {
  upserts: Upsert[];
  deletes: Array<{ collection: CollectionName; id: string }>;
  /** A merge import's site block, replacing the stored one. */
  site?: Props;
  /** Checks on what is stored before anything is read further (exists, version): throws to refuse. */
  precondition?: (known: ReadonlyMap<string, Lookup>) => void;
}

export interface WriteOutcome {
  changes: EntityChange[];
  /** entity id → its version after the write, for every entity the request named. */
  versions: Map<string, number>;
  nodes: number;
  relationships: number;
}

/** The write cannot be made: what and why, for the caller to word as 400, 404, 409 or 412. */
export class WriteRefused extends Error {
  constructor(
    readonly reason: 'invalid' | 'still-referenced',
    readonly errors: Array<{ path: string; message: string }>,
    readonly total: number,
  ) {
    super(`${total} problem${total === 1 ? '' : 's'}`);
  }
}

const ALL_REFERENCES = [...SITE_RELATIONSHIPS, RULE_ENDPOINT];

function stubOf(found: Lookup): { collection: CollectionName; doc: Doc } | undefined {
  switch (found.collection) {
    case 'rule': return undefined; // a rule's id is claimed through its conduit's stub
    case 'assets': return { collection: 'assets', doc: { id: found.id, zone: found.zone, ip: found.ip ?? undefined, type: found.type } };
    case 'zones': return { collection: 'zones', doc: { id: found.id, cidr: found.cidr ?? undefined } };
    case 'conduits': return { collection: 'conduits', doc: { id: found.id, zones: found.zones } };
    case 'requirements': return { collection: 'requirements', doc: { id: found.id, framework: found.framework, assessable: found.assessable ?? undefined } };
    case 'controls': return { collection: 'controls', doc: { id: found.id, domain: found.domain } };
    default: return { collection: found.collection, doc: { id: found.id } };
  }
}

/** The referrers whose validity depends on the fields an update changes. */
function dependentTypes(collection: CollectionName, before: Doc, after: Doc): string[] {
  const dependents = COLLECTIONS[collection].dependents ?? {};
  const diff = changedFields(before, after);
  const fields = new Set([...Object.keys(diff.before), ...Object.keys(diff.after)]);
  return [...new Set([...fields].flatMap((field) => dependents[field] ?? []))];
}

export async function writeEntities(tx: Tx, request: WriteRequest): Promise<WriteOutcome> {
  const upserts = new Map(request.upserts.map((u) => [u.doc.id, u]));
  const deleted = new Set(request.deletes.map((d) => d.id));
  const known = await lookup(tx, [...upserts.keys(), ...deleted, ...request.upserts.filter((u) => u.collection === 'conduits').flatMap((u) => ruleIdsOf(u.doc))]);
  request.precondition?.(known);

  const hashes = new Map([...upserts.values()].map((u) => [u.doc.id, docHash(u.collection, u.doc)]));
  const stored = (u: Upsert) => (known.get(u.doc.id)?.collection === u.collection ? known.get(u.doc.id) : undefined);
  // From the request's list, not the map: an id given twice must meet its duplicate in validation.
  const changed = request.upserts.filter((u) => stored(u)?.hash !== hashes.get(u.doc.id));
  const updated = changed.filter((u) => stored(u));
  const before = await storedDocs(tx, [...updated.map((u) => u.doc.id), ...deleted]);

  // What depends on the entities: everything that names a deleted one; for an update, what
  // depends on the fields it changes.
  if (deleted.size) {
    const users = (await referrers(tx, deleted, ALL_REFERENCES)).filter((r) => !deleted.has(r.referrer));
    if (users.length) throw await stillReferenced(tx, users.map((r) => r.referrer), deleted);
  }
  const wanted = new Map(updated.map((u) => [u.doc.id, dependentTypes(u.collection, before.get(u.doc.id)!.doc, u.doc)]));
  const dependentRows = (await referrers(tx, [...wanted.keys()].filter((id) => wanted.get(id)!.length), [...new Set([...wanted.values()].flat())]))
    .filter((r) => wanted.get(r.id)!.includes(r.via) && !upserts.has(r.referrer));
  const dependents = await storedDocs(tx, dependentRows.map((r) => r.referrer));

  const stubs = await readStubs(tx, [...changed.map((u) => ({ collection: u.collection, doc: u.doc })), ...dependents.values()], known, upserts, new Set([...changed.map((u) => u.doc.id), ...dependents.keys()]));
  const checked: CheckedEntity[] = [
    ...[...dependents.values()].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1)).map((d) => ({ ...d, name: `${d.collection}[id=${d.doc.id}]`, note: '(stored entity) ' })),
    ...changed.map((u) => ({ collection: u.collection, doc: u.doc, name: u.name })),
  ];
  const problems = partialErrors(stubs, checked);
  if (problems.total) throw new WriteRefused('invalid', problems.errors, problems.total);

  // A conduit whose rule names an asset or zone whose address changed holds stale ranges: it is
  // written again, unchanged as a document (no new version, no journal entry).
  const rewrites = [...dependents.values()].filter((d) => dependentRows.some((r) => r.referrer === d.doc.id && r.via === RULE_ENDPOINT));
  const versionOf = (id: string) => known.get(id)?.version ?? 0;
  const writes: EntityWrite[] = [
    ...changed.map((u) => ({ collection: u.collection, doc: u.doc, version: stored(u) ? versionOf(u.doc.id) + 1 : 1, hash: hashes.get(u.doc.id)!, existed: !!stored(u) })),
    ...rewrites.map((d) => ({ collection: d.collection, doc: d.doc, version: d.version, hash: d.hash, existed: true })),
  ];
  const docs = [...writes.map((w) => w.doc), ...[...stubs.values()].map((s) => s.doc)];
  const book = addressBook(docs.filter((d) => typeof d.ip === 'string') as Array<{ id: string; ip: string }>, docs.filter((d) => typeof d.cidr === 'string') as Array<{ id: string; cidr: string }>);
  const changes: EntityChange[] = [
    ...changed.map((u) => (stored(u)
      ? { collection: u.collection, id: u.doc.id, op: 'update' as const, before: before.get(u.doc.id)!.doc, after: u.doc }
      : { collection: u.collection, id: u.doc.id, op: 'create' as const, after: u.doc })),
    ...request.deletes.map((d) => ({ collection: d.collection, id: d.id, op: 'delete' as const, before: before.get(d.id)?.doc })),
  ];
  const flows = flowsToDerive([...changed.map((u) => ({ collection: u.collection, doc: u.doc, before: before.get(u.doc.id)?.doc })), ...request.deletes.map((d) => ({ collection: d.collection, before: before.get(d.id)?.doc }))]);
  const block = request.site ? await siteBlockChange(tx, request.site) : {};
  if (block.change) changes.unshift(block.change);
  const counts = await applyGraphWrite(tx, { writes, deletes: [...deleted], flows, ...('write' in block ? { site: block.write } : {}) }, book);

  const versions = new Map<string, number>();
  for (const u of upserts.values()) versions.set(u.doc.id, writes.find((w) => w.doc.id === u.doc.id)?.version ?? versionOf(u.doc.id));
  return { changes, versions, ...counts };
}

/**
 * Stubs of everything the checked entities name that is not itself being checked, plus the stored
 * entities that could collide with them: the same id for another kind, a rule id another conduit
 * holds, an IP another asset has.
 */
async function readStubs(tx: Tx, entities: Array<{ collection: CollectionName; doc: Doc }>, known: Map<string, Lookup>, upserts: Map<string, Upsert>, checked: Set<string>): Promise<Stubs> {
  const named = new Set(entities.flatMap((e) => referencesOf(e.collection, e.doc).map((r) => r.id)).filter((id) => !checked.has(id)));
  const found = new Map(known);
  for (const [id, l] of await lookup(tx, [...named].filter((id) => !found.has(id) && !upserts.has(id)))) found.set(id, l);
  const stubs: Stubs = new Map();
  const add = (stub: { collection: CollectionName; doc: Doc } | undefined) => stub && !stubs.has(stub.doc.id) && stubs.set(stub.doc.id, stub);
  // An entity the request repeats unchanged stands as itself; a stored one as its stub.
  for (const id of named) add(upserts.has(id) ? upserts.get(id) : found.get(id) && stubOf(found.get(id)!));
  // Ids the write claims that a stored entity of another kind (or another conduit's rule) holds:
  // the stored one is listed first, so the duplicate is reported on the write.
  const claims = entities.flatMap((e) => [{ id: e.doc.id, kind: e.collection as string }, ...(e.collection === 'conduits' ? ruleIdsOf(e.doc).map((id) => ({ id, kind: 'rule' })) : [])]);
  for (const claim of claims) {
    const holder = known.get(claim.id);
    if (!holder) continue;
    if (holder.collection === 'rule') {
      if (holder.conduit && !checked.has(holder.conduit)) addRule(stubs, holder);
    } else if (holder.collection !== claim.kind) add(stubOf(holder));
  }
  // The zones stubbed assets and conduits sit in: a flow's conduit chain is checked against them.
  for (const s of [...stubs.values()]) for (const z of [s.doc.zone, ...((s.doc.zones as string[] | undefined) ?? [])]) if (typeof z === 'string' && !checked.has(z)) add({ collection: 'zones', doc: { id: z } });
  const ips = entities.filter((e) => e.collection === 'assets' && typeof e.doc.ip === 'string').map((e) => e.doc.ip as string);
  for (const holder of await assetsAtIps(tx, ips)) if (!checked.has(holder.id)) add({ collection: 'assets', doc: { id: holder.id, ip: holder.ip, zone: holder.zone, type: holder.type } });
  return stubs;
}

/** A rule id another conduit holds: that conduit's stub claims it. */
function addRule(stubs: Stubs, rule: Lookup): void {
  const owner = stubs.get(rule.conduit!) ?? { collection: 'conduits' as const, doc: { id: rule.conduit!, rules: [] as Array<{ id: string }> } };
  const rules = (owner.doc.rules as Array<{ id: string }> | undefined) ?? [];
  if (!rules.some((r) => r.id === rule.id)) owner.doc.rules = [...rules, { id: rule.id }];
  stubs.set(owner.doc.id, owner);
}

/** A delete refused while anything names the entity: every use, with its path. */
async function stillReferenced(tx: Tx, users: string[], deleted: Set<string>): Promise<WriteRefused> {
  const docs = await storedDocs(tx, users);
  const errors = [...docs.values()]
    .sort((a, b) => a.collection.localeCompare(b.collection) || (a.doc.id < b.doc.id ? -1 : 1))
    .flatMap(({ collection, doc }) => referencesOf(collection, doc).filter((r) => deleted.has(r.id)).map((r) => ({
      path: `${collection}[id=${doc.id}].${r.path}`,
      message: `${COLLECTIONS[collection].kind} "${doc.id}" (${String(doc.name ?? doc.title ?? doc.id)}) uses it here.`,
    })));
  return new WriteRefused('still-referenced', errors, errors.length);
}
