import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { AssetDetail, AssetQuery, ErrorBody, IdParams } from '../model/api-schemas.js';
import { Asset } from '../model/site-schema.js';
import { assetFromRow } from '../site/from-graph.js';
import { registerCrud } from './crud.js';

export async function assetRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/asset', { id });
    if (!row) throw notFound('asset', id);
    return { ...assetFromRow(row), flows: row.flows, sifs: row.sifs, enforces: row.enforces };
  };

  app.get('/assets', {
    schema: {
      tags: ['topology'],
      summary: 'List assets; filter by zone, type, domain; search by id, name or IP',
      querystring: AssetQuery,
      response: { 200: z.array(Asset), 400: ErrorBody },
    },
  }, async (request) => {
    const { zone, type, domain, q, limit } = request.query;
    const rows = await app.db.read('read/assets', {
      zone: zone ?? null, type: type ?? null, domain: domain ?? null, q: q?.toLowerCase() ?? null, limit,
    });
    return rows.map(assetFromRow);
  });

  app.get('/assets/:id', {
    schema: { tags: ['topology'], summary: 'One asset with its flows, SIF roles and enforced conduits', params: IdParams, response: { 200: AssetDetail, 404: ErrorBody } },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'assets', path: '/assets', schema: Asset, tag: 'topology', load, view: AssetDetail });
}
