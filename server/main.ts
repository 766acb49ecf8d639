// Starts Interlock: the database (embedded and supervised unless NEO4J_URI is set), the reference
// plant when the graph is empty, and the HTTP server; closes all three gracefully on
// SIGINT/SIGTERM, and stops (exit code 1) when the embedded Neo4j keeps dying.
import closeWithGrace from 'close-with-grace';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { logLine as log } from './log-line.js';
import { importSite, isGraphEmpty } from './site/site-store.js';
import { warmUp } from './warm-up.js';

export const REFERENCE_PLANT = fileURLToPath(new URL('../fixtures/reference-plant.yaml', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  let gaveUp: Error | undefined;
  let closer: { close(): void } | undefined;
  const database = await openDatabase(config, log, {
    onGiveUp: (error) => {
      gaveUp = error;
      closer?.close();
    },
  });

  if (config.INTERLOCK_LOAD_FIXTURE === 'auto' && (await isGraphEmpty(database.client))) {
    const result = await importSite(database.client, parseYaml(readFileSync(REFERENCE_PLANT, 'utf8')), 'replace');
    log(`Loaded the reference plant: ${result.nodes} nodes, ${result.relationships} relationships.`);
  }

  const app = await buildApp({ db: database.client, logger: { level: config.LOG_LEVEL } });
  app.server.requestTimeout = 120_000;
  app.server.keepAliveTimeout = 10_000;

  // close-with-grace ends with exit code 1 when the callback throws; its logger says why.
  const logger = { error: (e: unknown) => log(`Interlock stopped: ${e instanceof Error ? e.message : String(e)}`) };
  closer = closeWithGrace({ delay: 20_000, logger }, async ({ err, signal }) => {
    // Supervision first: the JVM stopping now is meant, not a crash to restart.
    database.embedded?.unsupervise();
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal: signal ?? 'embedded Neo4j gave up' }, 'closing');
    await app.close();
    await database.close();
    if (gaveUp) throw gaveUp;
  });
  if (gaveUp) closer.close();

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  // Listening first keeps /api/health answering while the query plans warm up.
  log('Warming up the graph and what-if queries (a cold JVM plans each query shape once)...');
  const warm = await warmUp(app, database.client).catch((error: Error) => ({ ms: 0, requests: [], error }));
  if ('error' in warm) log(`Warm-up skipped: ${warm.error.message}`);
  else {
    const odd = warm.requests.filter((r) => r.status !== 200).map((r) => `${r.what} answered ${r.status}`);
    log(`Warmed up in ${(warm.ms / 1000).toFixed(1)} s (${warm.requests.length} requests${odd.length ? `; ${odd.join(', ')}` : ''}).`);
  }
  log(`Interlock is up: ${address}/ (web explorer), ${address}/docs (API documentation)`);
}

main().catch((error: Error) => {
  process.stderr.write(`Interlock could not start.\n${error.message}\n`);
  process.exit(1);
});
