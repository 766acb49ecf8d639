// The app under test, built around the test run's real Neo4j; never listens.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { Graph } from '../../server/db/graph.js';
import { testGraph } from './graph.js';

export async function build(): Promise<{ app: FastifyInstance; graph: Graph }> {
  const graph = await testGraph();
  const app = await buildApp({ graph, clientDir: '/nonexistent' });
  await app.ready();
  return { app, graph };
}
