// Starts Interlock: the database (embedded and supervised unless NEO4J_URI is set), the reference
// plant when the graph is empty, and the HTTP server; closes all three gracefully on
// SIGINT/SIGTERM, and stops (exit code 1) when the embedded Neo4j keeps dying.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { announceServer, runningServer } from './cli/running-server.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { SYSTEM_NAME } from './identity/actor.js';
import { ensureFirstAdmin } from './identity/first-admin.js';
import { identitySettings } from './identity/settings.js';
import { edgeOptions } from './plugins/edge.js';
import { logLine as log } from './log-line.js';
import { count } from './plural.js';
import { hasSite, importSite } from './site/import-site.js';
import { referencePlant } from './site/reference-plant.js';
import { warmUp } from './warm-up.js';

/** The invariants are checked again this often while the server runs (and after every import). */
const INTEGRITY_EVERY_MS = 10 * 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const other = config.NEO4J_URI ? undefined : runningServer(config.INTERLOCK_DATA_DIR);
  if (other) throw new Error(`Interlock is already running on ${other.url} (pid ${other.pid}) with the data in ${config.INTERLOCK_DATA_DIR}.`);
  let gaveUp: Error | undefined;
  let closer: { close(): void } | undefined;
  const database = await openDatabase(config, log, {
    onGiveUp: (error) => {
      gaveUp = error;
      closer?.close();
    },
  });
  // Never open to whoever reaches the port: a fresh database gets its admin before the server listens.
  await ensureFirstAdmin(database.client, { password: config.INTERLOCK_ADMIN_PASSWORD, file: config.INTERLOCK_ADMIN_PASSWORD_FILE, say: log });

  if (config.INTERLOCK_LOAD_FIXTURE === 'auto' && !(await hasSite(database.client))) {
    log('The graph is empty: loading the reference plant (fixtures/reference-plant.yaml, catalogues/, fixtures/governance/)…');
    const result = await importSite(database.client, referencePlant(), 'replace', {
      actor: SYSTEM_NAME,
      onProgress: (p) => p.done === p.total && log(`  ${p.step}: ${p.total}`),
    });
    log(`Loaded the reference plant: ${count(result.nodes, 'node')}, ${count(result.relationships, 'relationship')}.`);
  }

  const app = await buildApp({ db: database.client, logger: { level: config.LOG_LEVEL }, edge: edgeOptions(config), identity: identitySettings(config) });
  app.server.requestTimeout = 120_000;
  app.server.keepAliveTimeout = 10_000;
  let forget = () => {};

  // close-with-grace ends with exit code 1 when the callback throws; its logger says why.
  const logger = { error: (e: unknown) => log(`Interlock stopped: ${e instanceof Error ? e.message : String(e)}`) };
  closer = closeWithGrace({ delay: 20_000, logger }, async ({ err, signal }) => {
    // Supervision first: the JVM stopping now is meant, not a crash to restart.
    database.embedded?.unsupervise();
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal: signal ?? 'embedded Neo4j gave up' }, 'closing');
    forget();
    await app.close();
    await database.close();
    if (gaveUp) throw gaveUp;
  });
  if (gaveUp) closer.close();

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  if (!config.NEO4J_URI) forget = announceServer(config.INTERLOCK_DATA_DIR, address);
  const integrity = app.integrity.last;
  if (integrity && !integrity.ok) log(`Warning: the graph fails its integrity check (${count(integrity.total, 'problem')}); what-ifs answer 503 until it is repaired (npm run check shows why).`);
  setInterval(() => void app.integrity.check().catch(() => {}), INTEGRITY_EVERY_MS).unref();

  // Listening first keeps /api/health answering while the query plans warm up.
  log('Warming up the graph and what-if queries (a cold JVM plans each query shape once)…');
  const warm = await warmUp(app, database.client, (r) => log(`  ${r.what}: ${r.status} in ${(r.ms / 1000).toFixed(1)} s`))
    .catch((error: Error) => ({ ms: 0, requests: [], error }));
  if ('error' in warm) log(`Warm-up skipped: ${warm.error.message}`);
  else {
    const odd = warm.requests.filter((r) => r.status !== 200).map((r) => `${r.what} answered ${r.status}`);
    log(`Warmed up in ${(warm.ms / 1000).toFixed(1)} s (${count(warm.requests.length, 'request')}${odd.length ? `; ${odd.join(', ')}` : ''}).`);
  }
  log(`Interlock is up: ${address}/ (web explorer: sign in), ${address}/docs (API documentation; use an API token)`);
}

main().catch((error: Error) => {
  process.stderr.write(`Interlock could not start.\n${error.message}\n`);
  process.exit(1);
});
