// The pages Interlock prints are its own: the browser never reaches the network. Every request
// the page makes is answered in-process by the app's inject, acting as the caller (an internal
// credential, valid on injected requests only), so the PDF shows exactly what that person may see,
// and no port, proxy or cookie is involved.
import type { FastifyInstance } from 'fastify';
import type { Route } from 'playwright-core';
import type { Actor } from '../identity/actor.js';

/** The pages' origin: never resolved, every request is routed to inject. */
const ORIGIN = 'http://localhost';

export const inProcessUrl = (path: string) => `${ORIGIN}${path}`;

export function asCaller(app: FastifyInstance, actor: Actor): (route: Route) => Promise<void> {
  const bearer = app.identity.internal.grant(actor);
  return async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.origin !== ORIGIN) return route.abort();
    const res = await app.inject({
      method: req.method() as 'GET', url: `${url.pathname}${url.search}`,
      headers: { ...req.headers(), host: 'localhost', authorization: `Bearer ${bearer}` },
      ...(req.postDataBuffer() ? { payload: req.postDataBuffer()! } : {}),
    });
    const headers = Object.fromEntries(Object.entries(res.headers).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    await route.fulfill({ status: res.statusCode, headers, body: res.rawPayload });
  };
}
