// The app under test, built around the test run's real Neo4j; never listens.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Graph } from '../../server/db/graph.js';
import { loadSite, testGraph } from './graph.js';

export async function build(): Promise<{ app: FastifyInstance; graph: Graph }> {
  const graph = await testGraph();
  const app = await buildApp({ graph, clientDir: '/nonexistent' });
  await app.ready();
  return { app, graph };
}

/**
 * Registers beforeAll/afterAll for a test file: the app, with `site()` loaded into the graph.
 * The returned object is filled in before the first test runs.
 */
export function useApp(site: () => unknown): { app: FastifyInstance; graph: Graph } {
  const ctx = {} as { app: FastifyInstance; graph: Graph };
  beforeAll(async () => {
    Object.assign(ctx, await build());
    await loadSite(ctx.graph, site());
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.graph.close();
  });
  return ctx;
}
