// The one description of every collection a site document holds: its graph label, how messages
// name one of it, and every reference it makes to other entities — the document field the ids
// stand in, the collections they may name and the relationship each becomes. Validation wording,
// canonical ordering, the load/link/read queries, the dependency reads of incremental edits,
// counts and the constraint checks all derive from here; test/collections.test.ts fails when a
// relationship used in cypher/ or a label is missing from it.
import type { z } from 'zod';
import { Asset, Conduit, Control, Evidence, Flow, Framework, Mapping, Procedure, Profile, Requirement, Risk, Role, Sif, Zone, type SiteDocument } from './site-schema.js';

export const COLLECTION_NAMES = [
  'zones', 'conduits', 'assets', 'flows', 'sifs', 'procedures', 'roles',
  'frameworks', 'requirements', 'mappings', 'profiles', 'controls', 'evidence', 'risks',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
/** The document type of one entity of a collection. */
export type EntityOf<C extends CollectionName> = SiteDocument[C][number];

export interface Reference {
  /**
   * Where the ids stand in an entity's document: a dotted path in which `[]` walks a list and
   * `{}` the keys of a record (a profile's targets: requirement id → rating).
   */
  field: string;
  /** The collections an id there may name. */
  targets: readonly CollectionName[];
  /**
   * The relationship it becomes, from the entity to the target. None for a firewall rule's
   * endpoint: that is a property of the rule (srcAsset, dstZone …) beside its integer range.
   */
  relationship?: string;
  /**
   * Document order matters, and is kept on the relationship under this property (the position in
   * the list); without it the list is a set.
   */
  order?: 'seq' | 'end';
}

export interface Collection {
  name: CollectionName;
  label: string;
  /** How messages name one: "an asset", "a SIF". */
  kind: string;
  schema: z.ZodType<{ id: string }>;
  references: readonly Reference[];
  /**
   * Fields other entities' validity depends on, and the references through which they depend on
   * them: an edit changing such a field re-validates those referrers (an asset's new IP must still
   * suit the rules naming it; a zone's new CIDR must still hold its assets …).
   */
  dependents?: Readonly<Record<string, readonly string[]>>;
}

const ref = (field: string, targets: CollectionName[], relationship?: string, order?: 'seq' | 'end'): Reference =>
  ({ field, targets, ...(relationship ? { relationship } : {}), ...(order ? { order } : {}) });
const ruleEnd = (side: 'src' | 'dst'): Reference[] =>
  [ref(`rules[].${side}.asset`, ['assets']), ref(`rules[].${side}.zone`, ['zones'])];

/** A conduit whose rule names the entity as source or destination (not a relationship: rule properties). */
export const RULE_ENDPOINT = 'RULE_ENDPOINT';

const table: Record<CollectionName, Omit<Collection, 'name'>> = {
  zones: { label: 'Zone', kind: 'zone', schema: Zone, references: [], dependents: { cidr: ['IN_ZONE', RULE_ENDPOINT] } },
  // (:Conduit)-[:CONNECTS {end}]->(:Zone) ×2, -[:ENFORCED_BY {seq}]->(:Asset), -[:HAS_RULE]->(:FirewallRule)
  conduits: {
    label: 'Conduit', kind: 'conduit', schema: Conduit,
    references: [ref('zones[]', ['zones'], 'CONNECTS', 'end'), ref('firewalls[]', ['assets'], 'ENFORCED_BY', 'seq'), ...ruleEnd('src'), ...ruleEnd('dst')],
    dependents: { zones: ['VIA'] },
  },
  // (:Asset)-[:IN_ZONE]->(:Zone)
  assets: {
    label: 'Asset', kind: 'asset', schema: Asset, references: [ref('zone', ['zones'], 'IN_ZONE')],
    dependents: { zone: ['FROM', 'TO'], ip: [RULE_ENDPOINT, 'FROM', 'TO'], type: ['ENFORCED_BY'] },
  },
  // (:Flow)-[:FROM]->(:Asset), -[:TO]->(:Asset), -[:VIA {seq}]->(:Conduit), -[:ROUTES_THROUGH {seq}]->(:Asset)
  flows: {
    label: 'Flow', kind: 'flow', schema: Flow,
    references: [ref('from', ['assets'], 'FROM'), ref('to', ['assets'], 'TO'), ref('via[]', ['conduits'], 'VIA', 'seq'), ref('routesThrough[]', ['assets'], 'ROUTES_THROUGH', 'seq')],
  },
  // (:SIF)-[:HAS_ELEMENT {role, group, voting, groupSeq, seq}]->(:Asset), -[:DEPENDS_ON]->(:Flow)
  sifs: { label: 'SIF', kind: 'SIF', schema: Sif, references: [ref('groups[].elements[]', ['assets'], 'HAS_ELEMENT', 'seq'), ref('dependsOn[]', ['flows'], 'DEPENDS_ON')] },
  // (:Procedure)-[:USES]->(:Asset), -[:DEPENDS_ON]->(:Flow), -[:PERFORMED_BY]->(:Role), -[:BACKS_UP]->(:SIF)
  procedures: {
    label: 'Procedure', kind: 'procedure', schema: Procedure,
    references: [ref('uses[]', ['assets'], 'USES'), ref('dependsOn[]', ['flows'], 'DEPENDS_ON'), ref('performedBy[]', ['roles'], 'PERFORMED_BY'), ref('backsUp[]', ['sifs'], 'BACKS_UP')],
  },
  roles: { label: 'Role', kind: 'role', schema: Role, references: [ref('accesses[]', ['assets'], 'ACCESSES')] },
  frameworks: { label: 'Framework', kind: 'framework', schema: Framework, references: [] },
  // (:Requirement)-[:PART_OF]->(:Framework), -[:CHILD_OF]->(:Requirement) (CAF objective → principle → outcome; 62443 FR → SR → RE)
  requirements: {
    label: 'Requirement', kind: 'requirement', schema: Requirement,
    references: [ref('framework', ['frameworks'], 'PART_OF'), ref('parent', ['requirements'], 'CHILD_OF')],
    dependents: { framework: ['CHILD_OF'], assessable: ['SATISFIES'] },
  },
  // (:Mapping)-[:MAPS_FROM]->(:Requirement), -[:MAPS_TO]->(:Requirement): a typed mapping is an entity
  // of its own (relationship, strength, rationale, basis), versioned and journalled like the rest.
  mappings: {
    label: 'Mapping', kind: 'mapping', schema: Mapping,
    references: [ref('from', ['requirements'], 'MAPS_FROM'), ref('to', ['requirements'], 'MAPS_TO')],
  },
  // (:Profile)-[:PROFILE_OF]->(:Framework), -[:TARGETS {rating}]->(:Requirement)
  profiles: {
    label: 'Profile', kind: 'profile', schema: Profile,
    references: [ref('framework', ['frameworks'], 'PROFILE_OF'), ref('targets{}', ['requirements'], 'TARGETS')],
  },
  // (:Control)-[:SATISFIES]->(:Requirement), -[:APPLIES_TO]->(:Asset|:Zone|:Conduit), -[:MITIGATES]->(:Risk)
  controls: {
    label: 'Control', kind: 'control', schema: Control,
    references: [ref('satisfies[]', ['requirements'], 'SATISFIES'), ref('appliesTo[]', ['assets', 'zones', 'conduits'], 'APPLIES_TO'), ref('mitigates[]', ['risks'], 'MITIGATES')],
    dependents: { domain: ['SUPPORTS'] },
  },
  // (:Evidence)-[:SUPPORTS]->(:Control)
  evidence: { label: 'Evidence', kind: 'evidence record', schema: Evidence, references: [ref('supports[]', ['controls'], 'SUPPORTS')] },
  // (:Risk)-[:AFFECTS]->(:Asset|:Zone)
  risks: { label: 'Risk', kind: 'risk', schema: Risk, references: [ref('affects[]', ['assets', 'zones'], 'AFFECTS')] },
};

export const COLLECTIONS: Readonly<Record<CollectionName, Collection>> = Object.freeze(
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, Object.freeze({ name, ...table[name] })])) as Record<CollectionName, Collection>,
);

/** Every node of a site carries this label too: one uniqueness constraint makes ids unique across kinds. */
export const ENTITY_LABEL = 'SiteEntity';
/** A conduit's rules are nodes of their own, owned by it: (:Conduit)-[:HAS_RULE]->(:FirewallRule). */
export const RULE = { label: 'FirewallRule', kind: 'firewall rule', relationship: 'HAS_RULE' } as const;
/** The document's `site` block: at most one node. */
export const SITE_LABEL = 'Site';

/** The labels a site document owns: a replace import rewrites them, export reads them, nothing else. */
export const SITE_LABELS: readonly string[] = [...COLLECTION_NAMES.map((n) => COLLECTIONS[n].label), RULE.label, SITE_LABEL, ENTITY_LABEL];

/** Every relationship type a site document becomes. */
export const SITE_RELATIONSHIPS: readonly string[] = [
  ...new Set([...COLLECTION_NAMES.flatMap((n) => COLLECTIONS[n].references.flatMap((r) => (r.relationship ? [r.relationship] : []))), RULE.relationship]),
];

const byLabel = new Map(COLLECTION_NAMES.map((n) => [COLLECTIONS[n].label, n]));
export function collectionOfLabel(label: string): CollectionName | undefined {
  return byLabel.get(label);
}

/** Fields holding an unordered list of ids: canonical form sorts and de-duplicates them. */
export function setFields(collection: CollectionName): string[] {
  return COLLECTIONS[collection].references
    .filter((r) => !r.order && /^[A-Za-z]+\[\]$/.test(r.field))
    .map((r) => r.field.slice(0, -2));
}
