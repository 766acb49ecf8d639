// The edge: everything a request meets before its route, in the order it meets it. The Host
// allow-list first (a request for another name gets no further), then the security headers, load
// shedding and the rate limit; and, for the router and the OpenAPI document, 405 for undeclared
// methods and the edge's statuses declared on every route.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { registerEdgeResponses } from './edge-responses.js';
import { registerHostAllowList, type HostRules } from './host-allow-list.js';
import { DEFAULT_PRESSURE, registerLoadShedding, type PressureLimits } from './load-shedding.js';
import { registerMethodNotAllowed } from './method-not-allowed.js';
import { registerRateLimit } from './rate-limit.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface EdgeOptions {
  hosts?: HostRules;
  /** Multiplies every request budget; 0 turns the rate limit off. Default 1. */
  rateLimitScale?: number;
  /** When to shed load; false turns shedding off. */
  pressure?: PressureLimits | false;
}

/** What the environment asks for (server/config.ts). */
export function edgeOptions(config: Config): EdgeOptions {
  return {
    hosts: { port: config.PORT, publicHosts: config.INTERLOCK_PUBLIC_HOSTS },
    rateLimitScale: config.INTERLOCK_RATE_LIMIT_SCALE,
    pressure: config.INTERLOCK_SHED_EVENT_LOOP_MS === 0
      ? false
      : { maxEventLoopDelayMs: config.INTERLOCK_SHED_EVENT_LOOP_MS, maxHeapFraction: config.INTERLOCK_SHED_HEAP_PERCENT / 100 },
  };
}

/** Registered before any route: the onRoute hooks must see every route. */
export async function registerEdge(app: FastifyInstance, options: EdgeOptions = {}): Promise<void> {
  registerHostAllowList(app, options.hosts ?? {});
  await registerSecurityHeaders(app);
  registerMethodNotAllowed(app);
  registerEdgeResponses(app);
  if (options.pressure !== false) await registerLoadShedding(app, options.pressure ?? DEFAULT_PRESSURE);
  await registerRateLimit(app, options.rateLimitScale ?? 1);
}
