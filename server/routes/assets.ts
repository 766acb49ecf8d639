import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { AssetDetail, AssetQuery, ErrorBody } from '../model/api-schemas.js';
import { Asset } from '../model/site-schema.js';
import { readList } from '../site/read-entities.js';
import { registerEntityRoutes } from './entity-routes.js';

export async function assetRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/assets', {
    schema: {
      tags: ['topology'],
      summary: 'List assets; filter by zone, type, domain; search by id, name or IP',
      querystring: AssetQuery,
      response: { 200: z.array(Asset), 400: ErrorBody },
    },
  }, async (request) => {
    const { zone, type, domain, q, limit } = request.query;
    const params = { zone: zone ?? null, type: type ?? null, domain: domain ?? null, q: q?.toLowerCase() ?? null, limit };
    return (await readList(app.db, 'assets', 'read/assets', params)).map((a) => a.doc);
  });

  registerEntityRoutes(app, {
    collection: 'assets', path: '/assets', tag: 'topology', view: AssetDetail, extras: 'read/asset',
    readSummary: 'One asset with its flows, SIF roles and enforced conduits',
    toView: (a) => ({ ...a.doc, flows: a.extras.flows, sifs: a.extras.sifs, enforces: a.extras.enforces }),
  });
}
