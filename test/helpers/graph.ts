// The test run's real Neo4j (see global-setup.ts), as a Graph with the schema applied.
import { inject } from 'vitest';
import { Graph } from '../../server/db/graph.js';
import { applySchema, importSite } from '../../server/site/site-store.js';

export async function testGraph(): Promise<Graph> {
  const graph = new Graph({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword') || undefined,
    database: inject('neo4jDatabase'),
  });
  await applySchema(graph);
  return graph;
}

/** Replaces the whole graph with a site document (throws on invalid input). */
export async function loadSite(graph: Graph, doc: unknown): Promise<void> {
  await importSite(graph, doc, 'replace');
}

/** Every node and relationship, as sorted strings: for "the graph is exactly as it was". */
export async function snapshot(graph: Graph): Promise<string[]> {
  const nodes = await graph.read('diagnostics/all-nodes');
  const rels = await graph.read('diagnostics/all-relationships');
  return [
    ...nodes.map((r) => JSON.stringify([r.labels, sortKeys(r.props as Record<string, unknown>)])),
    ...rels.map((r) => JSON.stringify([r.a, r.type, sortKeys(r.props as Record<string, unknown>), r.b])),
  ].sort();
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
