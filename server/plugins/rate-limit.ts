// Per-route request budgets for each client address, so one client (a script gone wrong, a
// scanner) cannot take the server from everyone else. Each route gets the budget of its kind:
// reads are generous, what-ifs and edits tighter (each is graph work), imports tight (each may
// rewrite the site). A route may name its own budget with `config: { rateBudget: 'sign-in' }`
// (the sign-in route does: guessing passwords must be slow). Over budget: 429 with Retry-After
// and the stable error body.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../errors.js';

export const RATE_BUDGETS = {
  read: { max: 600, minutes: 1, what: 'reads (GET), the explorer and the documentation' },
  'what-if': { max: 120, minutes: 1, what: 'what-ifs and explanations (POST /api/impact, /api/explain/flow, /api/graph/locate)' },
  write: { max: 120, minutes: 1, what: 'edits (POST, PUT, DELETE of zones, conduits, assets, flows, SIFs, procedures)' },
  import: { max: 10, minutes: 1, what: 'imports and importers (POST /api/import, /api/inventory, /api/advisories, /api/traffic, /api/conduits/{id}/import-firewall)' },
  'sign-in': { max: 10, minutes: 15, what: 'sign-in attempts' },
} as const;
export type RateBudget = keyof typeof RATE_BUDGETS;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's budget, instead of the one its method and path give it. */
    rateBudget?: RateBudget;
  }
}

const IMPORTS = /^\/api\/(import|inventory|advisories|traffic|conduits\/:id\/import-firewall)$/;
const WHAT_IFS = /^\/api\/(impact|explain\/flow|graph\/locate)$/;

export function budgetOf(method: string, url: string): RateBudget {
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (IMPORTS.test(url)) return 'import';
  if (WHAT_IFS.test(url)) return 'what-if';
  return 'write';
}

/** `scale` multiplies every budget (an estate with many people behind one address raises it); 0 turns limits off. */
export async function registerRateLimit(app: FastifyInstance, scale: number): Promise<void> {
  if (scale <= 0) return;
  // Before the plugin's own onRoute hook, so it sees each route's budget.
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as NonNullable<RouteOptions['config']> & { rateLimit?: unknown };
    if (config.rateLimit !== undefined) return;
    const method = [route.method].flat()[0]!.toUpperCase();
    const budget = RATE_BUDGETS[config.rateBudget ?? budgetOf(method, route.url)];
    route.config = { ...config, rateLimit: { max: Math.max(1, Math.round(budget.max * scale)), timeWindow: budget.minutes * 60_000 } };
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const window = (request.routeOptions.config as { rateLimit?: { timeWindow?: number } }).rateLimit?.timeWindow ?? 60_000;
      const per = window === 60_000 ? 'a minute' : `${window / 60_000} minutes`;
      return new AppError('INTERLOCK_RATE_LIMITED',
        `Too many requests to ${request.method} ${request.routeOptions.url}: at most ${context.max} in ${per} from one address. Try again in ${seconds} s.`,
        undefined, { 'retry-after': String(seconds) });
    },
  });
}
