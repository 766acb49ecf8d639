import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { createReadStream, existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { assessTraffic } from '../importers/zeek/assess-traffic.js';
import { TrafficAnswer, TrafficQuery } from '../importers/zeek/traffic-answer.js';
import { AppError, invalidRequest } from '../errors.js';
import { ErrorBody } from '../model/api-schemas.js';

// A day of conn.log from a busy OT sensor is a few hundred megabytes; the body is streamed and
// summarised as it arrives, so the limit bounds the time of a request, not its memory.
export const TRAFFIC_MAX_BYTES = 2 * 1024 ** 3;

/** The synthetic one-hour capture shipped for the reference plant: the explorer's "Use the demo capture". */
export const DEMO_CAPTURE = fileURLToPath(new URL('../../fixtures/traffic/reference-plant-conn.log', import.meta.url));

export async function trafficRoutes(fastify: FastifyInstance): Promise<void> {
  // In this plugin only (Fastify encapsulates parsers): the body is handed over as the raw
  // stream, whatever its content type (text/plain for TSV, application/x-ndjson or JSON lines).
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/traffic', {
    schema: {
      tags: ['importers'],
      summary: 'Compare a Zeek conn.log (TSV or JSON lines) with the declared flows and the stored firewall rules',
      description: 'Send the log itself as the body (any content type; it is streamed, up to 2 GiB). It is summarised into observed ' +
        'communications and compared with the model: undeclared traffic into a safety zone or to a SIF element, undeclared traffic across ' +
        'conduits, safety-required flows never seen, and traffic the stored rules would deny. Nothing is written.',
      querystring: TrafficQuery,
      // Documents the body; the route reads it as a stream, so at run time anything passes here.
      body: z.unknown().meta({ type: 'string', minLength: 1, description: 'the conn.log: Zeek TSV (with its #fields header) or JSON lines' }),
      consumes: ['text/plain', 'application/x-ndjson', 'application/octet-stream'],
      response: { 200: TrafficAnswer, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody.describe('the log is not a Zeek conn.log, or holds more communications than maxCommunications') },
    },
  }, async (request) => {
    const body = request.body as Readable | undefined;
    if (!body || typeof body[Symbol.asyncIterator] !== 'function') throw invalidRequest('body', [{ path: 'body', message: 'send the conn.log itself as the request body' }]);
    return assessTraffic(app.db, body, { maxBytes: TRAFFIC_MAX_BYTES, maxCommunications: request.query.maxCommunications });
  });

  app.get('/traffic/demo-capture', {
    schema: {
      tags: ['importers'],
      summary: 'The shipped synthetic conn.log of the reference plant (Zeek TSV), to try the traffic comparison without a capture of your own',
      description: 'Read-only: the file as shipped, streamed as text/plain. Posting it to /api/traffic compares it with the site loaded; ' +
        'its findings are those described in docs/importers.md only when that site is the reference plant.',
      response: {
        200: z.string().describe('the conn.log, Zeek TSV with its header'),
        404: ErrorBody.describe('this installation does not hold the demo capture'),
      },
      alsoAnswers: { 200: ['text/plain'] },
    },
  }, async (_request, reply) => {
    if (!existsSync(DEMO_CAPTURE)) throw new AppError('INTERLOCK_NOT_FOUND', 'The demo capture is not installed here (fixtures/traffic/reference-plant-conn.log).');
    // A stream is sent as it is (not serialised): the file's bytes are the string the schema describes.
    return reply.type('text/plain; charset=utf-8').send(createReadStream(DEMO_CAPTURE) as unknown as string);
  });
}
