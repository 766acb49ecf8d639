// One log line per request, at its end (method, URL without secrets, status, time), instead of
// Fastify's two. The server's own warm-up requests are not logged: they are the server talking to
// itself, and their JSON lines buried the start-up status lines a person reads.
import { randomBytes } from 'node:crypto';
import { type FastifyInstance, LogController } from 'fastify';
import { loggableUrl } from '../identity/secrets.js';

/** A per-process secret the warm-up sends, so no client can switch its own logging off. */
export const QUIET_HEADER = 'x-interlock-warm-up';
export const QUIET_TOKEN = randomBytes(16).toString('hex');

/** Fastify's own request lines are off: they would print an OIDC callback's code in the URL. */
export function requestLogController(): LogController {
  return new LogController({ disableRequestLogging: true });
}

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers[QUIET_HEADER] === QUIET_TOKEN) return;
    request.log.info({ method: request.method, url: loggableUrl(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}
