import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Row } from '../db/client.js';
import { FlowView } from '../model/api-schemas.js';
import type { FlowT } from '../model/site-schema.js';
import { readList, type Versioned } from '../site/read-entities.js';
import { registerEntityRoutes } from './entity-routes.js';

function flowView(flow: Versioned<FlowT> & { extras: Row }) {
  const sifs: Array<{ id: string; sil: number }> = flow.extras.sifs;
  const procedures: string[] = flow.extras.procedures;
  return { ...flow.doc, safetyRequired: sifs.length + procedures.length > 0, sifs, procedures };
}

export async function flowRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/flows', {
    schema: { tags: ['safety'], summary: 'List flows, with whether each is safety-required and what depends on it', response: { 200: z.array(FlowView) } },
  }, async () => (await readList(app.db, 'flows', 'read/flows')).map(flowView));

  registerEntityRoutes(app, { collection: 'flows', path: '/flows', tag: 'safety', view: FlowView, extras: 'read/flow', readSummary: 'One flow', toView: flowView });
}
