// The app under test, built around the test run's real Neo4j; never listens.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { DbClient } from '../../server/db/client.js';
import { loadSite, testDb } from './db.js';

/**
 * Tests fire hundreds of requests a minute from one address, and a heavy request (a large import)
 * would make the next one shed: budgets and shedding are off here and tested on their own
 * (test/edge-*.test.ts). The Host allow-list and the headers stay on.
 */
export const UNTHROTTLED = { rateLimitScale: 0, pressure: false } as const;

export async function build(): Promise<{ app: FastifyInstance; db: DbClient }> {
  const db = await testDb();
  const app = await buildApp({ db, clientDir: '/nonexistent', edge: UNTHROTTLED });
  await app.ready();
  return { app, db };
}

/**
 * Registers beforeAll/afterAll for a test file: the app, with `site()` loaded into the db.
 * The returned object is filled in before the first test runs.
 */
export function useApp(site: () => unknown): { app: FastifyInstance; db: DbClient } {
  const ctx = {} as { app: FastifyInstance; db: DbClient };
  beforeAll(async () => {
    Object.assign(ctx, await build());
    await loadSite(ctx.db, site());
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.db.close();
  });
  return ctx;
}
