// The test run's real Neo4j (see global-setup.ts), as a Graph with the schema applied.
import { inject } from 'vitest';
import { DbClient } from '../../server/db/client.js';
import { applySchema } from '../../server/db/schema.js';
import { importSite } from '../../server/site/import-site.js';

export async function testDb(): Promise<DbClient> {
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
  await importSite(db, doc, 'replace', { actor: 'test' });
}

/**
 * Every node and relationship, as sorted strings: for "the graph is exactly as it was". `site`
 * keeps only the site's own nodes and the relationships between them (no journal, no revision).
 */
export async function snapshot(db: DbClient, only?: 'site'): Promise<string[]> {
  const site = (labels: string[]) => labels.includes('SiteEntity') || labels.includes('Site');
  const nodes = (await db.read('diagnostics/all-nodes')).filter((r) => !only || site(r.labels as string[]));
  const rels = (await db.read('diagnostics/all-relationships')).filter((r) => !only || (site(r.aLabels as string[]) && site(r.bLabels as string[])));
  return [
    ...nodes.map((r) => JSON.stringify([r.labels, sortKeys(r.props as Record<string, unknown>)])),
    ...rels.map((r) => JSON.stringify([r.a, r.type, sortKeys(r.props as Record<string, unknown>), r.b])),
  ].sort();
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/** An empty database with the schema and a fresh revision head: every entity starts at version 1. */
export async function wipe(db: DbClient): Promise<void> {
  await db.write('diagnostics/delete-everything');
  await applySchema(db);
}
