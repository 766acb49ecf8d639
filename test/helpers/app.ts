// The app under test, built around the test run's real Neo4j; never listens. Its inject acts as an
// admin by default (an in-process credential, so wiping the database does not sign it out);
// permission tests choose the caller with `as(...)`, or none with `anonymous(...)`.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { DbClient } from '../../server/db/client.js';
import type { Actor } from '../../server/identity/actor.js';
import type { AppRole } from '../../server/identity/roles.js';
import type { IdentitySettings } from '../../server/identity/settings.js';
import { loadSite, testDb } from './db.js';

/**
 * Tests fire hundreds of requests a minute from one address, and a heavy request (a large import)
 * would make the next one shed: budgets and shedding are off here and tested on their own
 * (test/edge-*.test.ts). The Host allow-list and the headers stay on.
 */
export const UNTHROTTLED = { rateLimitScale: 0, pressure: false } as const;

export const TEST_ADMIN = 'test-admin';

const uninjected = new WeakMap<FastifyInstance, (options: InjectOptions) => Promise<LightMyRequestResponse>>();

const testActor = (username: string, roles: readonly AppRole[]): Actor =>
  ({ kind: 'user', id: `id-${username}`, username, displayName: username, roles, via: 'internal' });

/** Headers that make an injected request act as a user holding these roles. */
export function as(app: FastifyInstance, roles: readonly AppRole[], username = roles.join('+') || 'nobody'): Record<string, string> {
  return { authorization: `Bearer ${app.identity.internal.grant(testActor(username, roles))}` };
}

/** An injected request with no credentials at all. */
export function anonymous(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  return uninjected.get(app)!(options);
}

/** Makes the app's inject act as an admin unless the request names its own credentials. */
export function actAsAdminByDefault(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const admin = as(app, ['admin'], TEST_ADMIN);
  uninjected.set(app, inject);
  app.inject = ((options: InjectOptions | string) => {
    const o = typeof options === 'string' ? { url: options } : options;
    const named = Object.keys(o.headers ?? {}).map((h) => h.toLowerCase());
    if (named.includes('authorization') || named.includes('cookie')) return inject(o);
    return inject({ ...o, headers: { ...o.headers, ...admin } });
  }) as FastifyInstance['inject'];
}

export async function build(identity?: Partial<IdentitySettings>): Promise<{ app: FastifyInstance; db: DbClient }> {
  const db = await testDb();
  const app = await buildApp({ db, clientDir: '/nonexistent', edge: UNTHROTTLED, ...(identity ? { identity } : {}) });
  actAsAdminByDefault(app);
  await app.ready();
  return { app, db };
}

/**
 * Registers beforeAll/afterAll for a test file: the app, with `site()` loaded into the db.
 * The returned object is filled in before the first test runs.
 */
export function useApp(site: () => unknown, identity?: Partial<IdentitySettings>): { app: FastifyInstance; db: DbClient } {
  const ctx = {} as { app: FastifyInstance; db: DbClient };
  beforeAll(async () => {
    Object.assign(ctx, await build(identity));
    await loadSite(ctx.db, site());
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.db.close();
  });
  return ctx;
}
