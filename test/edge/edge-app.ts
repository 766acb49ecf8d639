// An app with a chosen edge (budgets, shedding, hosts) over the run's Neo4j and the mini plant,
// for the tests of the edge itself; every other test uses the unthrottled one of helpers/app.ts.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../../server/app.js';
import type { DbClient } from '../../server/db/client.js';
import { loadSite, testDb } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';
import { actAsAdminByDefault } from '../helpers/acting.js';

export function useEdgeApp(edge: AppOptions['edge'], extend?: (app: FastifyInstance) => void): { app: FastifyInstance; db: DbClient } {
  const ctx = {} as { app: FastifyInstance; db: DbClient };
  beforeAll(async () => {
    ctx.db = await testDb();
    await loadSite(ctx.db, miniSite());
    ctx.app = await buildApp({ db: ctx.db, clientDir: '/nonexistent', edge });
    actAsAdminByDefault(ctx.app);
    extend?.(ctx.app);
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.close();
  });
  return ctx;
}
