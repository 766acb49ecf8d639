// A whole Interlock for the scripts that measure it from outside (npm run fuzz, npm run load): a
// throw-away embedded Neo4j in a temporary folder (or NEO4J_URI, whose graph is replaced), the
// reference plant loaded, and the real app listening on a free loopback port.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { buildApp, type AppOptions } from '../../server/app.js';
import { DbClient } from '../../server/db/client.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/db/embedded-neo4j.js';
import { applySchema } from '../../server/db/schema.js';
import { createUser, findUser } from '../../server/identity/accounts.js';
import { issueToken } from '../../server/identity/tokens.js';
import { importSite } from '../../server/site/import-site.js';
import { checkIntegrity } from '../../server/site/integrity.js';

const REFERENCE_PLANT = fileURLToPath(new URL('../../fixtures/reference-plant.yaml', import.meta.url));

export interface LocalStack {
  url: string;
  app: FastifyInstance;
  db: DbClient;
  /** An admin's API token (account `stack-admin`): the scripts call every route, imports included. */
  token: string;
  stop(): Promise<void>;
}

const STACK_ADMIN = 'stack-admin';

export async function startLocalStack(log: (line: string) => void, edge?: AppOptions['edge']): Promise<LocalStack> {
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'interlock-stack-neo4j-'));
    embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 256, log });
    uri = embedded.uri;
  } else log(`Using ${uri}: its graph is replaced by the reference plant.`);
  // The embedded database is behind its data folder's Bolt password (server/db/bolt-password.ts).
  const db = embedded
    ? new DbClient({ uri, user: embedded.user, password: embedded.password, database: 'neo4j' })
    : new DbClient({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD || undefined, database: process.env.NEO4J_DATABASE ?? 'neo4j' });
  const stop = async () => {
    await db.close();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await applySchema(db);
    await importSite(db, parseYaml(readFileSync(REFERENCE_PLANT, 'utf8')), 'replace', { actor: STACK_ADMIN });
    const actor = { username: STACK_ADMIN };
    if (!(await findUser(db, STACK_ADMIN))) await createUser(db, actor, { username: STACK_ADMIN, roles: ['admin'] });
    const { token } = await issueToken(db, actor, STACK_ADMIN, 'local stack', 1);
    // Plans the integrity queries once on the cold JVM, so the app's own check when it gets ready
    // stays within Fastify's plugin timeout on a busy machine.
    await checkIntegrity(db);
    const app = await buildApp({ db, clientDir: '/nonexistent', ...(edge ? { edge } : {}) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return { url, app, db, token, async stop() { await app.close(); await stop(); } };
  } catch (error) {
    await stop();
    throw error;
  }
}
