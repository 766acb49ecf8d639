// The test run's real Neo4j (see global-setup.ts), as a Graph with the schema applied.
import { inject } from 'vitest';
import { DbClient } from '../../server/db/client.js';
import { applySchema } from '../../server/db/schema.js';
import { importSite } from '../../server/site/site-store.js';

export async function testGraph(): Promise<DbClient> {
  const db = new DbClient({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword') || undefined,
    database: inject('neo4jDatabase'),
  });
  await applySchema(db);
  return db;
}

/** Replaces the whole graph with a site document (throws on invalid input). */
export async function loadSite(db: DbClient, doc: unknown): Promise<void> {
  await importSite(db, doc, 'replace');
}

/** Every node and relationship, as sorted strings: for "the graph is exactly as it was". */
export async function snapshot(db: DbClient): Promise<string[]> {
  const nodes = await db.read('diagnostics/all-nodes');
  const rels = await db.read('diagnostics/all-relationships');
  return [
    ...nodes.map((r) => JSON.stringify([r.labels, sortKeys(r.props as Record<string, unknown>)])),
    ...rels.map((r) => JSON.stringify([r.a, r.type, sortKeys(r.props as Record<string, unknown>), r.b])),
  ].sort();
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
