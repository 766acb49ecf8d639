import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { ErrorBody, FlowView, IdParams } from '../model/api-schemas.js';
import { Flow } from '../model/site-schema.js';
import { flowFromRow } from '../site/from-graph.js';
import type { Row } from '../db/client.js';
import { registerCrud } from './crud.js';

function flowView(row: Row) {
  const sifs: Array<{ id: string; sil: number }> = row.sifs;
  const procedures: string[] = row.procedures;
  return { ...flowFromRow(row), safetyRequired: sifs.length + procedures.length > 0, sifs, procedures };
}

export async function flowRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/flow', { id });
    if (!row) throw notFound('flow', id);
    return flowView(row);
  };

  app.get('/flows', {
    schema: { tags: ['safety'], summary: 'List flows, with whether each is safety-required and what depends on it', response: { 200: z.array(FlowView) } },
  }, async () => (await app.db.read('read/flows')).map(flowView));

  app.get('/flows/:id', {
    schema: { tags: ['safety'], summary: 'One flow', params: IdParams, response: { 200: FlowView, 404: ErrorBody } },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'flows', path: '/flows', schema: Flow, tag: 'safety', load, view: FlowView });
}
