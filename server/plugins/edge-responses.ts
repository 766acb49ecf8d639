// The statuses the edge can answer on any route — before the route's own code runs — declared
// once here for every documented route, so the OpenAPI document lists every status a route can
// answer without each route file repeating them. A route's own declaration of a status wins.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ErrorBody } from '../model/api-schemas.js';

const EDGE = {
  400: ErrorBody.describe('the request does not match this operation\'s schema (each problem with its path), or is malformed'),
  421: ErrorBody.describe('the Host header names no name this server answers to (INTERLOCK_MISDIRECTED)'),
  429: ErrorBody.describe('over this route\'s request budget for one address (INTERLOCK_RATE_LIMITED); Retry-After says when to try again'),
  503: ErrorBody.describe('the server is shedding load (INTERLOCK_OVERLOADED), the database is unreachable, or the request needed more time or memory in it than allowed; Retry-After says when to try again'),
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
const withBody = (limit: number) => ({
  413: ErrorBody.describe(`the body is larger than this route's ${mib(limit)} (INTERLOCK_BODY_TOO_LARGE)`),
  415: ErrorBody.describe('the body\'s content type is not one this route reads (INTERLOCK_UNSUPPORTED_MEDIA_TYPE)'),
});

/** Registered before the routes; routes hidden from the document are left as they are. */
export function registerEdgeResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as (RouteOptions['schema'] & { hide?: boolean; response?: Record<string, unknown> }) | undefined;
    if (!schema || schema.hide) return;
    const methods = [route.method].flat().map((m) => m.toUpperCase());
    const takesBody = methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH');
    const edge: Record<string, unknown> = { ...EDGE, ...(takesBody ? withBody(route.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024) : {}) };
    const declared = schema.response ?? {};
    schema.response = { ...edge, ...declared };
  });
}
