// Connects to the configured Neo4j, or starts the embedded one when NEO4J_URI is not set, and
// applies the schema. Shared by the server and the CLIs so they behave the same way.
import type { Config } from '../config.js';
import { DbClient } from './client.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { applySchema } from './schema.js';

export interface Database {
  client: DbClient;
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri) {
    embedded = await startEmbeddedNeo4j({
      dataDir: config.INTERLOCK_DATA_DIR,
      heapMb: config.INTERLOCK_NEO4J_HEAP_MB,
      pageCacheMb: config.INTERLOCK_NEO4J_PAGECACHE_MB,
      log,
    });
    uri = embedded.uri;
  }
  const db = new DbClient({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  try {
    await applySchema(db);
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return {
    client: db,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}
