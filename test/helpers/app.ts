// The app under test, built around the test run's real Neo4j; never listens. Its inject acts as an
// admin by default (an in-process credential, so wiping the database does not sign it out);
// permission tests choose the caller with `as(...)`, or none with `anonymous(...)`.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { DbClient } from '../../server/db/client.js';
import type { IdentitySettings } from '../../server/identity/settings.js';
import { actAsAdminByDefault } from './acting.js';
import { loadSite, testDb } from './db.js';

export { actAsAdminByDefault, anonymous, as, TEST_ADMIN } from './acting.js';

/**
 * Tests fire hundreds of requests a minute from one address, and a heavy request (a large import)
 * would make the next one shed: budgets and shedding are off here and tested on their own
 * (test/edge-*.test.ts). The Host allow-list and the headers stay on.
 */
export const UNTHROTTLED = { rateLimitScale: 0, pressure: false } as const;

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
