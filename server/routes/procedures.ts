import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { Procedure } from '../model/site-schema.js';
import { procedureFromRow } from '../site/from-graph.js';
import { registerCrud } from './crud.js';

export async function procedureRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/procedure', { id });
    if (!row) throw notFound('procedure', id);
    return procedureFromRow(row);
  };

  app.get('/procedures', {
    schema: { tags: ['safety'], summary: 'List procedures (operator actions that are layers of protection)', response: { 200: z.array(Procedure) } },
  }, async () => (await app.db.read('export/procedures')).map(procedureFromRow));

  app.get('/procedures/:id', {
    schema: { tags: ['safety'], summary: 'One procedure', params: IdParams, response: { 200: Procedure, 404: ErrorBody } },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'procedures', path: '/procedures', schema: Procedure, tag: 'safety', load, view: Procedure });
}
