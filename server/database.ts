// Connects to the configured Neo4j, or starts the embedded one when NEO4J_URI is not set, and
// applies the schema. Shared by the server and the CLIs so they behave the same way.
import { Graph } from './db/graph.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './db/embedded-neo4j.js';
import type { Config } from './config.js';
import { applySchema } from './site/site-store.js';

export interface Database {
  graph: Graph;
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
  const graph = new Graph({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  try {
    await applySchema(graph);
  } catch (error) {
    await graph.close();
    await embedded?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return {
    graph,
    embedded,
    async close() {
      await graph.close();
      await embedded?.stop();
    },
  };
}
