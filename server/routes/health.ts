import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { DATABASE_RETRY_AFTER_SECONDS } from '../errors.js';
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
    // ping() probes with a 1.5 s bound, so a dead database answers 503 quickly instead of hanging.
    const up = await app.db.ping();
    if (!up) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', neo4j: up ? 'up' : 'down' });
  });
}
