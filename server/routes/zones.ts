import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { ErrorBody, IdParams, ZoneDetail, ZoneView } from '../model/api-schemas.js';
import { Zone } from '../model/site-schema.js';
import { zoneFromRow } from '../site/from-graph.js';
import { registerCrud } from './crud.js';

export async function zoneRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/zone', { id });
    if (!row) throw notFound('zone', id);
    return { ...zoneFromRow(row), assets: row.assets, conduits: row.conduits };
  };

  app.get('/zones', {
    schema: { tags: ['topology'], summary: 'List zones, top of the Purdue model first', response: { 200: z.array(ZoneView) } },
  }, async () => (await app.db.read('read/zones')).map((row) => ({ ...zoneFromRow(row), assetCount: row.assetCount })));

  app.get('/zones/:id', {
    schema: { tags: ['topology'], summary: 'One zone with its assets and conduits', params: IdParams, response: { 200: ZoneDetail, 404: ErrorBody } },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'zones', path: '/zones', schema: Zone, tag: 'topology', load, view: ZoneDetail });
}
