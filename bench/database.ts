// The database the benchmark measures: NEO4J_URI when set (that server is wiped by the run),
// otherwise a throw-away embedded Neo4j in a temporary directory, with heap and page cache
// sized for the largest estate of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import { memoryForEstate, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded-neo4j.js';
import { DbClient } from '../server/db/client.js';
import { applySchema } from '../server/db/schema.js';
import { log } from './progress.js';

export interface BenchDatabase {
  client: DbClient;
  settings: Record<string, string | number>;
  close(): Promise<void>;
}

export async function openBenchDatabase(largestEstate: number): Promise<BenchDatabase> {
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let settings: BenchDatabase['settings'];
  let uri = config.NEO4J_URI;
  let credentials = { user: config.NEO4J_USER, password: config.NEO4J_PASSWORD };
  if (uri) {
    settings = { server: uri, note: 'external server (NEO4J_URI): its own memory settings apply' };
  } else {
    const memory = memoryForEstate(largestEstate);
    dataDir = mkdtempSync(join(tmpdir(), 'interlock-bench-neo4j-'));
    embedded = await startEmbeddedNeo4j({ dataDir, ...memory, log });
    uri = embedded.uri;
    credentials = embedded;
    settings = { server: 'embedded Neo4j 5.26 Community', heapMb: memory.heapMb, pageCacheMb: memory.pageCacheMb, gc: 'G1' };
  }
  const db = new DbClient({ uri, user: credentials.user, password: credentials.password, database: config.NEO4J_DATABASE });
  await applySchema(db);
  return {
    client: db,
    settings: { ...settings, driverPool: 'default (50); requests are sequential' },
    async close() {
      await db.close();
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
