// The database schema (constraints and indexes) from cypher/schema.cypher, applied at every
// start, and the two nodes writes lock: the site's revision head and the audit chain's head.
import { GENESIS } from '../audit/chain.js';
import type { DbClient } from './client.js';
import { query } from './query-catalog.js';

/** Applies cypher/schema.cypher statement by statement; harmless when run again. */
export async function applySchema(db: DbClient): Promise<void> {
  const statements = query('schema').text.split(';').map((s) => s.replace(/\/\/.*$/gm, '').trim()).filter(Boolean);
  for (const statement of statements) await db.schema(statement);
  await db.write('site/ensure-revision-head');
  await db.write('audit/ensure-head', { genesis: GENESIS });
}
