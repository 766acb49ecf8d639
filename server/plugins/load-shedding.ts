// Under pressure the server says "not now" (503 with Retry-After) instead of taking more work
// until it dies: when the event loop lags (a long synchronous piece of work is starving every
// other request) or the heap nears V8's limit (the heap exhaustion a 2 MiB hostile body once
// caused). /api/health keeps answering, so a supervisor can tell "busy" from "dead".
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { getHeapStatistics } from 'node:v8';
import { AppError } from '../errors.js';

export interface PressureLimits {
  /** Mean event-loop delay over a sample (1 s) above which requests are shed. */
  maxEventLoopDelayMs: number;
  /** Share of V8's heap limit above which requests are shed. */
  maxHeapFraction: number;
}

export const DEFAULT_PRESSURE: PressureLimits = { maxEventLoopDelayMs: 1000, maxHeapFraction: 0.85 };
export const SHED_RETRY_AFTER_SECONDS = 10;

const EXEMPT = new Set(['/api/health']);

export async function registerLoadShedding(app: FastifyInstance, limits: PressureLimits): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * limits.maxHeapFraction),
    retryAfter: SHED_RETRY_AFTER_SECONDS,
    pressureHandler: async (request, _reply, type) => {
      if (EXEMPT.has(request.routeOptions.url ?? '')) return;
      request.log.warn({ type, url: request.url }, 'shedding load');
      throw new AppError('INTERLOCK_OVERLOADED', `The server is overloaded (${type === 'heapUsedBytes' ? 'memory' : 'event loop'}); try again in ${SHED_RETRY_AFTER_SECONDS} s.`,
        undefined, { 'retry-after': String(SHED_RETRY_AFTER_SECONDS) });
    },
  });
}
