// Pure transform from stored rows back to an entity's document: the inverse of to-graph.ts,
// driven by the same collection registry. Every query that returns entities returns them in one
// shape ({props, out, rules}: the node's properties, its outgoing relationships to other site
// entities, a conduit's rule nodes), so one function rebuilds any of them.
import { COLLECTIONS, type CollectionName, type Reference } from '../model/collections.js';
import type { Endpoint } from '../model/site-schema.js';
import { ASSESSMENT_FIELDS, assessmentProp, DERIVED_PROPS, JSON_SUFFIX, type Props } from './to-graph.js';

export interface StoredLink { type: string; to: string; props: Props }
export interface StoredEntity {
  props: Props;
  out: StoredLink[];
  /** A conduit's rules, as stored. */
  rules?: Props[];
}

function ownFields(collection: CollectionName, props: Props): Props {
  const own = Object.fromEntries(Object.entries(withoutDerived(props))
    .map(([k, v]) => (k.endsWith(JSON_SUFFIX) && typeof v === 'string' ? [k.slice(0, -JSON_SUFFIX.length), JSON.parse(v)] : [k, v])));
  if (collection !== 'controls') return own;
  const assessment: Props = {};
  for (const domain of ['IT', 'OT'] as const) {
    const fields = Object.fromEntries(ASSESSMENT_FIELDS.flatMap((f) => (own[assessmentProp(domain, f)] === undefined ? [] : [[f, own[assessmentProp(domain, f)]]])));
    for (const f of ASSESSMENT_FIELDS) delete own[assessmentProp(domain, f)];
    if (fields.status !== undefined) assessment[domain] = fields;
  }
  return { ...own, assessment };
}

const byId = (a: StoredLink, b: StoredLink) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);

function endpoint(rule: Props, side: 'src' | 'dst'): Endpoint {
  if (rule[`${side}Asset`] !== undefined) return { asset: rule[`${side}Asset`] as string };
  if (rule[`${side}Zone`] !== undefined) return { zone: rule[`${side}Zone`] as string };
  return rule[side] as Endpoint;
}

function ruleFromProps(rule: Props): Props {
  const { id, seq, action, protocol, ports, description } = rule;
  return Object.fromEntries(Object.entries({ id, seq, action, protocol, src: endpoint(rule, 'src'), dst: endpoint(rule, 'dst'), ports, description })
    .filter(([, v]) => v !== undefined));
}

/** A SIF's voting groups from its HAS_ELEMENT relationships (each carries its group and positions). */
function groupsFromElements(links: StoredLink[]) {
  const groups: Array<{ id: string; role: unknown; voting: unknown; elements: string[] }> = [];
  const ordered = [...links].sort((a, b) => (a.props.groupSeq as number) - (b.props.groupSeq as number) || (a.props.seq as number) - (b.props.seq as number));
  for (const link of ordered) {
    const at = link.props.groupSeq as number;
    groups[at] ??= { id: link.props.group as string, role: link.props.role, voting: link.props.voting, elements: [] };
    groups[at].elements.push(link.to);
  }
  return groups.filter(Boolean);
}

function fieldValue(reference: Reference, links: StoredLink[]): unknown {
  const field = reference.field;
  if (field === 'groups[].elements[]') return groupsFromElements(links);
  if (field.endsWith('{}')) return Object.fromEntries([...links].sort(byId).map((l) => [l.to, l.props.rating]));
  if (!field.endsWith('[]')) return links[0]?.to;
  const order = reference.order;
  const sorted = order ? [...links].sort((a, b) => (a.props[order] as number) - (b.props[order] as number)) : [...links].sort(byId);
  return sorted.map((l) => l.to);
}

export function entityFromStored(collection: CollectionName, row: StoredEntity): Record<string, unknown> & { id: string } {
  const doc = ownFields(collection, row.props);
  for (const reference of COLLECTIONS[collection].references) {
    if (!reference.relationship) continue; // a rule endpoint: rebuilt from the rule's own properties
    const links = row.out.filter((l) => l.type === reference.relationship);
    doc[reference.field.split(/[.[{]/)[0]!] = fieldValue(reference, links);
  }
  if (collection === 'conduits') doc.rules = [...(row.rules ?? [])].sort((a, b) => (a.seq as number) - (b.seq as number)).map(ruleFromProps);
  return doc as Record<string, unknown> & { id: string };
}

/** A node's properties without what the graph derives or keeps for itself (the Site block, list views). */
export function withoutDerived(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !DERIVED_PROPS.has(k)));
}
