// Every test file starts from an empty database. Files run one after another against the one
// Neo4j of the run, and loading a site replaces only the site: Interlock's own records (accounts,
// sessions, change requests, the audit chain) would otherwise carry from one file into the next,
// and a file's answers would depend on which files happened to run before it.
import { afterAll, beforeAll } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { testDb, wipe } from '../helpers/db.js';

let db: DbClient | undefined;

beforeAll(async () => {
  db = await testDb();
  await wipe(db);
});

afterAll(async () => {
  await db?.close();
});
