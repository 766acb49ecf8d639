// Reads of the stored site that writes need, batched by id: what exists (kind, version,
// fingerprint and the fields others' validity depends on), whole documents, who references what,
// and who holds an address. Only the entities a write touches are read, never the whole site.
import type { Tx } from '../db/client.js';
import { collectionOfLabel, RULE, type CollectionName } from '../model/collections.js';
import { parseIpv4 } from '../model/ipv4.js';
import { entityFromStored, type StoredEntity } from './from-graph.js';

/** Ids per query: a batch's parameters stay a few MB even for a 100,000-asset estate. */
export const READ_BATCH = 10_000;

export interface Lookup {
  id: string;
  /** The collection, or 'rule' for a conduit's firewall rule. */
  collection: CollectionName | 'rule';
  version: number;
  hash: string | null;
  ip: string | null;
  type: string | null;
  cidr: string | null;
  zone: string | null;
  zones: string[];
  /** For a rule: its conduit. */
  conduit: string | null;
  /** For a requirement: its framework and whether it is assessed. */
  framework: string | null;
  assessable: boolean | null;
  /** For a control: IT, OT or BOTH. */
  domain: string | null;
}

export type Doc = Record<string, unknown> & { id: string };
export interface StoredDoc { collection: CollectionName; doc: Doc; version: number; hash: string }

async function batched<T>(ids: Iterable<string>, read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const all = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += READ_BATCH) out.push(...(await read(all.slice(i, i + READ_BATCH))));
  return out;
}

function collectionOf(label: string): CollectionName | 'rule' {
  if (label === RULE.label) return 'rule';
  const name = collectionOfLabel(label);
  if (!name) throw new Error(`stored node with unknown label ${label}`);
  return name;
}

export async function lookup(tx: Tx, ids: Iterable<string>): Promise<Map<string, Lookup>> {
  const rows = await batched(ids, (batch) => tx.run('site/lookup', { ids: batch }));
  return new Map(rows.map((r) => [r.id as string, { ...(r as Lookup), collection: collectionOf(r.label as string), version: Number(r.version ?? 0) }]));
}

/** Whole documents of stored entities, by id. */
export async function storedDocs(tx: Tx, ids: Iterable<string>): Promise<Map<string, StoredDoc>> {
  const rows = await batched(ids, (batch) => tx.run('site/entities', { ids: batch }));
  const out = new Map<string, StoredDoc>();
  for (const row of rows) {
    const collection = collectionOf(row.label as string) as CollectionName;
    const doc = entityFromStored(collection, row as StoredEntity);
    out.set(doc.id, { collection, doc, version: Number(row.props.entityVersion ?? 0), hash: String(row.props.docHash ?? '') });
  }
  return out;
}

export interface Referrer { id: string; referrer: string; via: string }

/** Who references the given entities through the given relationship types (RULE_ENDPOINT: a conduit's rule). */
export async function referrers(tx: Tx, ids: Iterable<string>, types: readonly string[]): Promise<Referrer[]> {
  if (types.length === 0) return [];
  return (await batched(ids, (batch) => tx.run('site/referrers', { ids: batch, types: [...types] }))) as Referrer[];
}

export interface AddressHolder { id: string; ip: string; zone: string; type: string }

export async function assetsAtIps(tx: Tx, ips: Iterable<string>): Promise<AddressHolder[]> {
  const ints = [...new Set(ips)].map(parseIpv4).filter((n): n is number => n !== null);
  if (ints.length === 0) return [];
  return (await tx.run('site/assets-at-ips', { ips: ints })) as AddressHolder[];
}
