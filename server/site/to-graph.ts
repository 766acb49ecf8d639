// Pure transform from a validated entity to what the graph stores: its node (properties, with
// addresses also as integer ranges so rule matching in Cypher is integer comparison), a conduit's
// rule nodes, and its outgoing relationships, all derived from the collection registry. The
// symbolic form (asset, zone, CIDR text) is kept beside the ranges so export is lossless.
import { COLLECTIONS, ENTITY_LABEL, RULE, SITE_LABELS, SITE_RELATIONSHIPS, type CollectionName } from '../model/collections.js';
import { addressRange, parseCidr, parseIpv4, type IntRange } from '../model/ipv4.js';
import { parsePorts } from '../model/ports.js';
import { referencesOf } from '../model/references.js';
import type { AssetT, ConduitT, Endpoint, FirewallRuleT, SifT, ZoneT } from '../model/site-schema.js';

export type Props = Record<string, unknown>;
export interface NodeRow { label: string; props: Props }
export interface LinkRow { from: string; type: string; to: string; props: Props }
/** One entity as graph rows: its node and, for a conduit, its rule nodes; its outgoing relationships. */
export interface EntityGraph { nodes: NodeRow[]; links: LinkRow[] }

/** Drops undefined so Neo4j stores no property rather than a null. */
function clean(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

export interface AddressBook {
  assetIp(id: string): number | undefined;
  zoneRange(id: string): IntRange | undefined;
}

export function addressBook(assets: Iterable<Pick<AssetT, 'id' | 'ip'>>, zones: Iterable<Pick<ZoneT, 'id' | 'cidr'>>): AddressBook {
  const ips = new Map<string, number>();
  for (const a of assets) if (a.ip) ips.set(a.id, parseIpv4(a.ip)!);
  const ranges = new Map<string, IntRange>();
  for (const z of zones) if (z.cidr) ranges.set(z.id, parseCidr(z.cidr)!);
  return { assetIp: (id) => ips.get(id), zoneRange: (id) => ranges.get(id) };
}

/** A rule endpoint as stored: its symbolic form and its resolved integer range. */
export function endpointProps(side: 'src' | 'dst', endpoint: Endpoint, book: AddressBook): Props {
  let range: IntRange | undefined;
  let symbolic: Props;
  if (typeof endpoint === 'string') {
    range = addressRange(endpoint) ?? undefined;
    symbolic = { [side]: endpoint };
  } else if ('asset' in endpoint) {
    const ip = book.assetIp(endpoint.asset);
    range = ip === undefined ? undefined : { lo: ip, hi: ip };
    symbolic = { [`${side}Asset`]: endpoint.asset };
  } else {
    range = book.zoneRange(endpoint.zone);
    symbolic = { [`${side}Zone`]: endpoint.zone };
  }
  if (!range) throw new Error(`rule ${side} ${JSON.stringify(endpoint)} does not resolve to an address range`);
  return { ...symbolic, [`${side}Lo`]: range.lo, [`${side}Hi`]: range.hi };
}

export function ruleProps(rule: FirewallRuleT, conduit: string, book: AddressBook): Props {
  const ports = parsePorts(rule.ports)!;
  return clean({
    id: rule.id,
    conduit,
    seq: rule.seq,
    action: rule.action,
    protocol: rule.protocol,
    ports: rule.ports,
    portLo: ports.lo,
    portHi: ports.hi,
    description: rule.description,
    ...endpointProps('src', rule.src, book),
    ...endpointProps('dst', rule.dst, book),
  });
}

/** The document fields a collection keeps as relationships (or, for a conduit, as rule nodes). */
export function referenceFields(collection: CollectionName): Set<string> {
  return new Set(COLLECTIONS[collection].references.map((r) => r.field.split(/[.[{]/)[0]!));
}

/** Properties the graph derives or keeps for its own bookkeeping; never part of a document. */
export const DERIVED_PROPS = new Set(['cidrLo', 'cidrHi', 'ipInt', 'safetyRequired', 'entityVersion', 'docHash', 'latestCollectedOn', 'latestSha256']);

/** A field whose value Neo4j cannot hold as a property (objects, lists of objects) is kept as JSON text under `<field>Json`. */
export const JSON_SUFFIX = 'Json';
const scalarOrScalars = (v: unknown) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));

/** A control's per-domain assessment as scalar properties: itStatus, itMaturity, itAssessor, itAssessedOn, ot… */
export const ASSESSMENT_FIELDS = ['status', 'maturity', 'assessor', 'assessedOn'] as const;
export const assessmentProp = (domain: 'IT' | 'OT', field: string) => `${domain.toLowerCase()}${field[0]!.toUpperCase()}${field.slice(1)}`;

function flattenAssessment(assessment: Partial<Record<'IT' | 'OT', Record<string, unknown>>> | undefined): Props {
  const out: Props = {};
  for (const domain of ['IT', 'OT'] as const) for (const field of ASSESSMENT_FIELDS) out[assessmentProp(domain, field)] = assessment?.[domain]?.[field];
  return out;
}

/** The revision that decides an evidence item's currency: the latest collection (the last listed of equal dates). */
export function latestRevision<R extends { collectedOn: string }>(revisions: readonly R[]): R | undefined {
  return revisions.reduce<R | undefined>((best, r) => (!best || r.collectedOn >= best.collectedOn ? r : best), undefined);
}

/** The entity's own node properties: its scalar fields plus what the graph derives from them. */
export function entityProps(collection: CollectionName, entity: { id: string }): Props {
  const skip = referenceFields(collection);
  const own: Props = Object.fromEntries(Object.entries(entity).filter(([k]) => !skip.has(k) && !(collection === 'controls' && k === 'assessment'))
    .map(([k, v]) => (scalarOrScalars(v) ? [k, v] : [`${k}${JSON_SUFFIX}`, JSON.stringify(v)])));
  if (collection === 'zones') {
    const range = (entity as ZoneT).cidr ? parseCidr((entity as ZoneT).cidr!) : null;
    return clean({ ...own, cidrLo: range?.lo, cidrHi: range?.hi });
  }
  if (collection === 'assets') {
    const ip = (entity as AssetT).ip;
    return clean({ ...own, ipInt: ip ? parseIpv4(ip)! : undefined });
  }
  // A control's per-domain assessment is flattened, so the projection queries read it as properties.
  if (collection === 'controls') return clean({ ...own, ...flattenAssessment((entity as { assessment?: Record<string, Record<string, unknown>> }).assessment) });
  if (collection === 'evidence') {
    const latest = latestRevision((entity as { revisions?: Array<{ collectedOn: string; sha256: string }> }).revisions ?? []);
    return clean({ ...own, latestCollectedOn: latest?.collectedOn, latestSha256: latest?.sha256 });
  }
  return clean(own);
}

/** Position indexes in a reference path: `groups[1].elements[2]` → [1, 2]. */
const indexes = (path: string) => [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

function linkProps(type: string, entity: { id: string }, path: string, order?: 'seq' | 'end'): Props {
  const at = indexes(path);
  if (type === 'TARGETS') return { rating: (entity as unknown as { targets: Record<string, string> }).targets[path.slice('targets.'.length)] };
  if (type === 'HAS_ELEMENT') {
    // Voting needs the group with every element: role, group id, voting and both positions.
    const group = (entity as SifT).groups[at[0]!]!;
    return { role: group.role, group: group.id, voting: group.voting, groupSeq: at[0], seq: at[1] };
  }
  return order ? { [order]: at.at(-1) } : {};
}

export function entityGraph(collection: CollectionName, entity: { id: string }, book: AddressBook): EntityGraph {
  const { label } = COLLECTIONS[collection];
  const nodes: NodeRow[] = [{ label, props: entityProps(collection, entity) }];
  const links: LinkRow[] = [];
  for (const found of referencesOf(collection, entity)) {
    const { relationship, order } = found.reference;
    if (relationship) links.push({ from: entity.id, type: relationship, to: found.id, props: linkProps(relationship, entity, found.path, order) });
  }
  if (collection === 'conduits') {
    for (const rule of (entity as ConduitT).rules) {
      nodes.push({ label: RULE.label, props: ruleProps(rule, entity.id, book) });
      links.push({ from: entity.id, type: RULE.relationship, to: rule.id, props: {} });
    }
  }
  // Labels and types reach Cypher as values ($(row.label)), so each must come from the fixed lists.
  for (const n of nodes) if (!SITE_LABELS.includes(n.label) || n.label === ENTITY_LABEL) throw new Error(`not a site label: ${n.label}`);
  for (const l of links) if (!SITE_RELATIONSHIPS.includes(l.type)) throw new Error(`not a site relationship: ${l.type}`);
  return { nodes, links };
}
