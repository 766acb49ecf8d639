// Shapes of API responses that are not plain site-document entities. Shared with the client.
import { z } from 'zod';
import { Asset, Conduit, Flow, Id, Sif, Zone } from './site-schema.js';
import { queryNumber } from './primitives.js';

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.string().describe('stable error code, e.g. INTERLOCK_NOT_FOUND'),
  message: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional()
    .describe('every problem found, each with the path of the offending field (a site document: the first 1,000)'),
  total: z.number().int().optional().describe('how many problems there are in all, when more than are listed could exist'),
});

export const IntegrityReport = z.object({
  ok: z.boolean(),
  revision: z.number().int().describe('the site revision the check saw'),
  checkedAt: z.string(),
  problems: z.array(z.object({ invariant: z.string(), id: z.string(), detail: z.string() })).describe('the first problems of each broken invariant'),
  total: z.number().int().describe('how many problems in all'),
});
export const Health = z.object({
  status: z.enum(['ok', 'unavailable', 'graph-in-doubt']),
  neo4j: z.enum(['up', 'down']),
  integrity: IntegrityReport.optional().describe('with ?deep=true: the invariants checked now'),
});
export const HealthQuery = z.object({
  deep: z.enum(['true', 'false']).default('false').describe('also check the graph\'s invariants (a few seconds on a large estate)'),
});

export const IdParams = z.object({ id: Id });

export const ImportQuery = z.object({
  mode: z.enum(['replace', 'merge']).default('replace')
    .describe('replace: the document becomes the whole site; merge: entities are added or replaced by id'),
});
export const ImportResult = z.object({
  mode: z.enum(['replace', 'merge']),
  revision: z.number().int().describe('the site revision this import wrote'),
  counts: z.record(z.string(), z.number().int()).describe('entities per collection in the document, and its firewall rules'),
  changed: z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), unchanged: z.number().int() })
    .describe('what the import changed in the stored site, entity by entity'),
  nodes: z.number().int().describe('nodes written (only what changed)'),
  relationships: z.number().int().describe('relationships written (only what changed)'),
  ms: z.number().int(),
});
export const ExportQuery = z.object({ format: z.enum(['json', 'yaml']).default('json') });

export const ZoneView = Zone.extend({ assetCount: z.number().int() });
export const ZoneDetail = Zone.extend({
  assets: z.array(z.object({ id: Id, name: z.string(), type: z.string(), ip: z.string().optional() })),
  conduits: z.array(z.object({ id: Id, name: z.string(), otherZone: Id })),
});

export const AssetQuery = z.object({
  zone: Id.optional(),
  type: Asset.shape.type.optional(),
  domain: z.enum(['IT', 'OT']).optional(),
  q: z.string().min(1).max(200).optional().describe('id, name (substring) or IP (exact or prefix)'),
  limit: queryNumber(z.coerce.number().int().min(1).max(5000).default(500)),
});
export const AssetDetail = Asset.extend({
  flows: z.array(z.object({ id: Id, direction: z.enum(['from', 'to', 'routes']) })),
  sifs: z.array(z.object({ id: Id, sil: z.number().int(), role: z.string(), group: z.string() })),
  enforces: z.array(Id),
});

export const SifRef = z.object({ id: Id, sil: z.number().int() });
export const FlowView = Flow.extend({
  safetyRequired: z.boolean(),
  sifs: z.array(SifRef),
  procedures: z.array(Id),
});

export const SifSummary = Sif.omit({ groups: true, dependsOn: true }).extend({
  groups: z.array(z.object({ id: z.string(), role: z.string(), voting: z.string(), size: z.number().int() })),
  flowCount: z.number().int(),
});
export const SafetyPath = z.object({
  elements: z.array(z.object({
    asset: Id, name: z.string(), type: z.string(), zone: Id, role: z.string(), group: z.string(), voting: z.string(),
  })),
  flows: z.array(z.object({
    id: Id, from: Id, to: Id, protocol: z.string(), port: z.number().int().nullable(),
    via: z.array(Id), routesThrough: z.array(Id), viaProcedure: Id.nullable(),
  })),
  conduits: z.array(z.object({ id: Id, zones: z.array(Id), firewalls: z.array(Id) })),
  procedures: z.array(Id),
  zones: z.array(Id),
});
export const SifDetail = Sif.extend({ safetyPath: SafetyPath });

export { Asset, Conduit, Flow, Sif, Zone };
