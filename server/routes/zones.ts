import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { ZoneDetail, ZoneView } from '../model/api-schemas.js';
import { readList } from '../site/read-entities.js';
import { registerEntityRoutes } from './entity-routes.js';

// Neo4j's map projection gives null for a missing property; the API leaves the field out.
const withoutNulls = (assets: Array<Record<string, unknown>>) =>
  assets.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null)));

export async function zoneRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/zones', {
    schema: { tags: ['topology'], summary: 'List zones, top of the Purdue model first', response: { 200: z.array(ZoneView) } },
  }, async () => (await readList(app.db, 'zones', 'read/zones')).map((z) => ({ ...z.doc, assetCount: z.extras.assetCount })));

  registerEntityRoutes(app, {
    collection: 'zones', path: '/zones', tag: 'topology', view: ZoneDetail, extras: 'read/zone',
    readSummary: 'One zone with its assets and conduits',
    toView: (z) => ({ ...z.doc, assets: withoutNulls(z.extras.assets), conduits: z.extras.conduits }),
  });
}
