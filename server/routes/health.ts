import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { DATABASE_RETRY_AFTER_SECONDS } from '../errors.js';
import { ErrorBody, Health, HealthQuery } from '../model/api-schemas.js';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'Is the API up, can it reach Neo4j, and (deep) does the graph keep its invariants?',
      description: 'Without deep, also 503 when the last integrity check (after start-up, an import, or a deep health call) failed.',
      querystring: HealthQuery,
      response: { 200: Health, 400: ErrorBody, 503: Health },
    },
  }, async (request, reply) => {
    // ping() probes with a 1.5 s bound, so a dead database answers 503 quickly instead of hanging.
    const up = await app.db.ping();
    if (!up) return reply.code(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).send({ status: 'unavailable', neo4j: 'down' });
    const report = request.query.deep === 'true' ? await app.integrity.check() : app.integrity.last;
    const sound = report?.ok !== false;
    return reply.code(sound ? 200 : 503).send({
      status: sound ? 'ok' : 'graph-in-doubt', neo4j: 'up',
      ...(request.query.deep === 'true' || !sound ? { integrity: report } : {}),
    });
  });
}
