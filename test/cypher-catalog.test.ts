import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { catalog, parseQueryFile } from '../server/db/query-catalog.js';
import { testDb } from './helpers/db.js';

let db: DbClient;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => db.close());

describe('Cypher catalog', () => {
  it('loads every query with a complete header', () => {
    const queries = [...catalog().values()];
    expect(queries.length).toBeGreaterThan(40);
    for (const q of queries) {
      expect(q.description.length, q.name).toBeGreaterThan(10);
      expect(['read', 'write', 'schema'], q.name).toContain(q.mode);
    }
  });

  it('refuses a header that does not declare a parameter the query uses', () => {
    expect(() => parseQueryFile('x/bad', '// description: broken on purpose\n// mode: read\n// returns:\n//   n: node\nMATCH (n {id: $id}) RETURN n'))
      .toThrow('cypher/x/bad.cypher: uses $id but its header does not declare it under "params:"');
    expect(() => parseQueryFile('x/bad', '// description: no mode\n// returns: nothing\nRETURN 1'))
      .toThrow('header needs "// mode: read|write|schema"');
    expect(() => parseQueryFile('x/bad', '// description: extra\n// mode: read\n// params:\n//   $x: string — unused\n// returns: nothing\nRETURN 1'))
      .toThrow('declares $x but never uses it');
  });

  it('every query is accepted by Neo4j (EXPLAIN, nothing runs)', async () => {
    for (const q of catalog().values()) {
      const statements = q.mode === 'schema' ? q.text.split(';').map((s) => s.replace(/\/\/.*$/gm, '').trim()).filter(Boolean) : [q.text];
      const params = Object.fromEntries(q.params.map((p) => [p, null]));
      for (const statement of statements) {
        await expect(db.driver.executeQuery(`EXPLAIN ${statement}`, params, { database: db.database }), q.name).resolves.toBeDefined();
      }
    }
  });
});
