// The app on a loopback port, for measurements over real HTTP (as a client would see it). The
// benchmarks call it as a pipeline would: with an API token, of an admin account because they
// edit and import as well as ask what-ifs.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import type { DbClient } from '../server/db/client.js';
import { createUser, findUser } from '../server/identity/accounts.js';
import { issueToken } from '../server/identity/tokens.js';

export interface Served { base: string; app: FastifyInstance; close(): Promise<void> }

const BENCH_USER = 'bench';
let credentials: Record<string, string> = {};

/** The Authorization header of the last served app's benchmark token. */
export const benchCredentials = (): Record<string, string> => credentials;

/** `pluginTimeout`: start-up's integrity check of a 100,000-asset estate takes minutes. */
export async function serve(db: DbClient, options: { pluginTimeout?: number } = {}): Promise<Served> {
  const app = await buildApp({ db, clientDir: '/nonexistent', logger: false, edge: { rateLimitScale: 0, pressure: false }, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const actor = { username: BENCH_USER };
  if (!(await findUser(db, BENCH_USER))) await createUser(db, actor, { username: BENCH_USER, roles: ['admin'] });
  credentials = { authorization: `Bearer ${(await issueToken(db, actor, BENCH_USER, 'benchmark run', 1)).token}` };
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, app, close: () => app.close() };
}

/** A JSON request with the benchmark's token; the answer's status, ETag, site revision and body,
 *  and the milliseconds from sending it to having read the whole answer. */
export async function call(base: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...credentials, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await res.json() as Record<string, unknown>;
  return { status: res.status, etag: res.headers.get('etag') ?? '', revision: Number(res.headers.get('x-interlock-revision') ?? NaN), body: answer, ms: performance.now() - started };
}
