// Connects to the configured Neo4j, or starts (and supervises) the embedded one when NEO4J_URI
// is not set, and applies the schema. Shared by the server and the CLIs so they behave the same
// way.
import type { Config } from '../config.js';
import { DatabaseUnavailableError } from '../errors.js';
import { DbClient } from './client.js';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from './neo4j-supervisor.js';
import { applySchema } from './schema.js';
import { splitUriCredentials } from './uri-credentials.js';

export interface Database {
  client: DbClient;
  embedded?: SupervisedNeo4j;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The embedded Neo4j kept dying and will not be restarted again. */
  onGiveUp?: (error: Error) => void;
}

export async function openDatabase(config: Config, log: (line: string) => void, options: OpenOptions = {}): Promise<Database> {
  let embedded: SupervisedNeo4j | undefined;
  let credentials = { user: config.NEO4J_USER, password: config.NEO4J_PASSWORD };
  let uri = config.NEO4J_URI;
  if (!uri) {
    embedded = await superviseEmbeddedNeo4j({
      dataDir: config.INTERLOCK_DATA_DIR,
      heapMb: config.INTERLOCK_NEO4J_HEAP_MB,
      pageCacheMb: config.INTERLOCK_NEO4J_PAGECACHE_MB,
      log,
      onGiveUp: options.onGiveUp,
    });
    uri = embedded.uri;
    credentials = { user: embedded.user, password: embedded.password };
  }
  const db = new DbClient({ uri, ...credentials, database: config.NEO4J_DATABASE, log });
  const close = async () => {
    embedded?.unsupervise();
    await db.close();
    await embedded?.stop();
  };
  try {
    await applySchema(db);
  } catch (error) {
    await close();
    const reason = error instanceof DatabaseUnavailableError ? error.reason : (error as Error).message;
    throw new Error(`Cannot reach Neo4j at ${splitUriCredentials(uri).uri}: ${reason}`);
  }
  return { client: db, embedded, close };
}
