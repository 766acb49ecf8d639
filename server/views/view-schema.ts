// Shapes of the graph views: Cytoscape element JSON, ready to hand to cy.add(). Shared with the
// web explorer, which parses every response with these same schemas.
//
// Id convention (the impact findings rely on it): a node's id is its entity id (zone, asset),
// a conduit edge's id is the conduit id, a flow edge's id is the flow id.
import { z } from 'zod';
import { commaIds, queryNumber } from '../model/primitives.js';
import { Action, AssetType, Domain, ELEMENT_ROLES, FlowProtocol, Id, Sif } from '../model/site-schema.js';

export const SifRef = z.object({ id: Id, sil: z.number().int() });
export type SifRefT = z.infer<typeof SifRef>;

export const ZoneData = z.object({
  id: z.string(),
  label: z.string(),
  summaryLabel: z.string().describe('the label to show when the explorer collapses the zone itself'),
  kind: z.literal('zone'),
  name: z.string(),
  purdueLevel: z.number(),
  domain: Domain,
  slTarget: z.number().int(),
  slAchieved: z.number().int(),
  safety: z.boolean(),
  belowTarget: z.boolean().describe('SL-A below SL-T'),
  cidr: z.string().optional(),
  description: z.string().optional(),
  assetCount: z.number().int(),
  typeCounts: z.record(z.string(), z.number().int()).describe('assets per type, for summaries'),
  summary: z.boolean().describe('true when the zone is collapsed: its assets are not in the view'),
  sifs: z.array(SifRef).describe('SIFs whose safety path touches an asset in this zone'),
});

export const SafetyRole = z.object({ role: z.enum(ELEMENT_ROLES), group: z.string(), voting: z.string() });

export const AssetData = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.literal('asset'),
  parent: z.string().describe('zone id'),
  name: z.string(),
  type: AssetType,
  domain: Domain,
  ip: z.string().optional(),
  vendor: z.string().optional(),
  model: z.string().optional(),
  version: z.string().optional(),
  manned: z.boolean(),
  sifElement: z.boolean().describe('an element (sensor, logic solver, final element) of some SIF'),
  sifs: z.array(SifRef).describe('SIFs whose safety path includes this asset'),
  safetyRoles: z.array(SafetyRole).optional().describe('in a SIF view: its roles in that SIF'),
});

export const ConduitData = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.literal('conduit'),
  source: z.string(),
  target: z.string(),
  name: z.string(),
  slTarget: z.number().int(),
  defaultAction: Action,
  ruleCount: z.number().int(),
  rules: z.array(z.string()).describe('rule ids in seq order'),
  firewalls: z.array(z.string()),
  purdueSpan: z.number().int().describe('Purdue boundaries crossed (DMZ counts as a level)'),
  crossesLevels: z.boolean().describe('purdueSpan above 1'),
  bypassesDmz: z.boolean(),
  safety: z.boolean().describe('one end is a safety zone'),
  sifs: z.array(SifRef),
});

export const FlowData = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.literal('flow'),
  source: z.string(),
  target: z.string(),
  name: z.string().optional(),
  protocol: FlowProtocol,
  port: z.number().int().optional(),
  purpose: z.string(),
  via: z.array(z.string()),
  routesThrough: z.array(z.string()),
  safetyRequired: z.boolean(),
  sifs: z.array(SifRef),
});

const element = <G extends 'nodes' | 'edges', D extends z.ZodType>(group: G, data: D) =>
  z.object({ group: z.literal(group), data, classes: z.string() });

export const ZoneElement = element('nodes', ZoneData);
export const AssetElement = element('nodes', AssetData);
export const ConduitElement = element('edges', ConduitData);
export const FlowElement = element('edges', FlowData);
// Most elements are assets, then flows: zod tries the options in order, so this order is the fast one.
export const GraphElement = z.union([AssetElement, FlowElement, ConduitElement, ZoneElement]);

export type GraphElementT = z.infer<typeof GraphElement>;
export type ZoneElementT = z.infer<typeof ZoneElement>;
export type AssetElementT = z.infer<typeof AssetElement>;
export type ConduitElementT = z.infer<typeof ConduitElement>;
export type FlowElementT = z.infer<typeof FlowElement>;

export const COLLAPSE_MODES = ['auto', 'none', 'all'] as const;
export type CollapseMode = (typeof COLLAPSE_MODES)[number];

export const GraphView = z.object({
  elements: z.array(GraphElement),
  collapsed: z.array(z.string()).describe('zones shown as summaries (their assets and flows are left out)'),
  counts: z.object({
    zones: z.number().int(),
    assets: z.number().int().describe('assets shown, plus those summarised inside collapsed zones'),
    conduits: z.number().int(),
    flows: z.number().int().describe('flows returned'),
    elements: z.number().int().describe('elements returned'),
  }),
  truncated: z.boolean().describe('a neighbourhood hit its size bound; deeper neighbours are left out'),
});
export type GraphViewT = z.infer<typeof GraphView>;

const zoneList = commaIds('zone', 500);

export const TopologyQuery = z.object({
  collapse: z.enum(COLLAPSE_MODES).default('auto')
    .describe('auto: zones become summaries when the view is above the threshold; none: never; all: always'),
  expand: zoneList.optional().describe('comma-separated zone ids kept expanded whatever the collapse mode'),
});

export const NeighbourhoodQuery = z.object({
  depth: queryNumber(z.coerce.number().int('depth must be a whole number').min(1, 'depth must be 1–3').max(3, 'depth must be 1–3').default(1))
    .describe('hops over flows (and the firewalls enforcing the conduits they cross)'),
});

export const SifGraph = z.object({
  sif: Sif.extend({ procedures: z.array(Id).describe('procedures backing it up') }),
  elements: z.array(GraphElement),
});
export type SifGraphT = z.infer<typeof SifGraph>;

/** Bounds one locate request: a path or a neighbourhood is far smaller. */
export const LOCATE_MAX_IDS = 2000;

export const LocateBody = z.strictObject({
  ids: z.array(Id).min(1, 'list at least one id').max(LOCATE_MAX_IDS, `list at most ${LOCATE_MAX_IDS.toLocaleString('en')} ids`)
    .describe('asset or zone ids, e.g. the members of a path that the view does not show'),
});

export const LocateResult = z.object({
  zones: z.record(z.string(), z.string())
    .describe('zone id by id asked for: an asset gives its zone, a zone itself; other and unknown ids are left out'),
});
export type LocateResultT = z.infer<typeof LocateResult>;
