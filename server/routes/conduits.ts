import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { Conduit } from '../model/site-schema.js';
import { conduitFromRow } from '../site/from-graph.js';
import { registerCrud } from './crud.js';

export async function conduitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/conduit', { id });
    if (!row) throw notFound('conduit', id);
    return conduitFromRow(row);
  };

  app.get('/conduits', {
    schema: { tags: ['topology'], summary: 'List conduits with their rules in order', response: { 200: z.array(Conduit) } },
  }, async () => (await app.db.read('export/conduits')).map(conduitFromRow));

  app.get('/conduits/:id', {
    schema: { tags: ['topology'], summary: 'One conduit with its ordered rules and default action', params: IdParams, response: { 200: Conduit, 404: ErrorBody } },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'conduits', path: '/conduits', schema: Conduit, tag: 'topology', load, view: Conduit });
}
