import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { Health } from '../model/api-schemas.js';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'Is the API up, and can it reach Neo4j?',
      response: { 200: Health, 503: Health },
    },
  }, async (_request, reply) => {
    // ping() gives up after 2 s, so a dead database answers 503 quickly instead of hanging.
    const up = await app.db.ping();
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', neo4j: up ? 'up' : 'down' });
  });
}
