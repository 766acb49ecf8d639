// A method a known path does not declare is 405 with an Allow header naming the ones it does
// (RFC 9110 §15.5.6), not 404: the path exists, and a client learns what it may do there. Fastify's
// router answers "no route" for both, so the routes are collected here as they are declared, and
// a request that matched none is answered 405 at once, before its body is read or parsed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

const known = new WeakMap<FastifyInstance, Map<string, KnownPath>>();

/** `/api/zones/:id` → a regular expression over the request's path; `*` matches the rest. */
function patternOf(url: string): RegExp {
  const source = url.split('/').map((segment) => {
    if (segment.startsWith(':')) return '[^/]+';
    return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  }).join('/');
  return new RegExp(`^${source}$`);
}

/** Registered on the root instance before any route, so every route of every plugin is seen. */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  const paths = new Map<string, KnownPath>();
  known.set(app, paths);
  app.addHook('onRoute', (route) => {
    const entry = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
    paths.set(route.url, entry);
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) methodNotAllowed(app, request, reply);
  });
}

/** The methods declared for the request's path; empty when no route has that path. */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  const methods = new Set<string>();
  const paths = known.get(app) ?? new Map<string, KnownPath>();
  // A path declared as it is wins over a pattern that also matches it, as in the router:
  // /api/reviews/pack.pdf is not /api/reviews/:id.
  const exact = paths.get(path);
  for (const { pattern, methods: declared } of exact ? [exact] : paths.values()) {
    if (pattern.test(path)) for (const m of declared) methods.add(m);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Answers 405 when the path is known under other methods; false leaves the 404 to the not-found handler. */
function methodNotAllowed(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): boolean {
  const path = request.url.split('?')[0] ?? '/';
  const allow = allowedMethods(app, path);
  if (allow.length === 0 || allow.includes(request.method)) return false;
  reply.code(405).header('allow', allow.join(', ')).send({
    statusCode: 405, code: 'INTERLOCK_METHOD_NOT_ALLOWED',
    message: `${request.method} is not allowed on ${path}; it allows ${allow.join(', ')}.`,
  });
  return true;
}
