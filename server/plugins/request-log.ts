// Fastify logs each request as it comes and goes; the server's own warm-up requests are not
// logged: they are the server talking to itself, and their JSON lines buried the start-up status
// lines a person reads.
import { randomBytes } from 'node:crypto';
import { LogController } from 'fastify';

/** A per-process secret the warm-up sends, so no client can switch its own logging off. */
export const QUIET_HEADER = 'x-interlock-warm-up';
export const QUIET_TOKEN = randomBytes(16).toString('hex');

export function requestLogController(): LogController {
  return new LogController({ disableRequestLogging: (request) => request.headers[QUIET_HEADER] === QUIET_TOKEN });
}
