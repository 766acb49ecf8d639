import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { Conduit } from '../model/site-schema.js';
import { readList } from '../site/read-entities.js';
import { registerEntityRoutes } from './entity-routes.js';

export async function conduitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/conduits', {
    schema: { tags: ['topology'], summary: 'List conduits with their rules in order', response: { 200: z.array(Conduit) } },
  }, async () => (await readList(app.db, 'conduits', 'read/conduits')).map((c) => c.doc));

  registerEntityRoutes(app, {
    collection: 'conduits', path: '/conduits', tag: 'topology', view: Conduit,
    readSummary: 'One conduit with its ordered rules and default action',
  });
}
