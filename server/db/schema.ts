// The database schema (constraints and indexes) from cypher/schema.cypher, applied at every
// start, and the one node every site write locks (the revision head).
import type { DbClient } from './client.js';
import { query } from './query-catalog.js';

/** Applies cypher/schema.cypher statement by statement; harmless when run again. */
export async function applySchema(db: DbClient): Promise<void> {
  const statements = query('schema').text.split(';').map((s) => s.replace(/\/\/.*$/gm, '').trim()).filter(Boolean);
  for (const statement of statements) await db.schema(statement);
  await db.write('site/ensure-revision-head');
}
