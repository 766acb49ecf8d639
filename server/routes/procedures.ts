import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { Procedure } from '../model/site-schema.js';
import { readList } from '../site/read-entities.js';
import { registerEntityRoutes } from './entity-routes.js';

export async function procedureRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/procedures', {
    schema: { tags: ['safety'], summary: 'List procedures (operator actions that are layers of protection)', response: { 200: z.array(Procedure) } },
  }, async () => (await readList(app.db, 'procedures', 'read/procedures')).map((p) => p.doc));

  registerEntityRoutes(app, { collection: 'procedures', path: '/procedures', tag: 'safety', view: Procedure, readSummary: 'One procedure' });
}
