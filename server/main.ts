// Starts Interlock: the database (embedded unless NEO4J_URI is set), the reference plant when the
// graph is empty, and the HTTP server; closes all three gracefully on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildApp } from './app.js';
import { announceServer, runningServer } from './cli/running-server.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { SYSTEM_NAME } from './identity/actor.js';
import { ensureFirstAdmin } from './identity/first-admin.js';
import { identitySettings } from './identity/settings.js';
import { logLine as log } from './log-line.js';
import { count } from './plural.js';
import { hasSite, importSite } from './site/import-site.js';
import { warmUp } from './warm-up.js';

export const REFERENCE_PLANT = fileURLToPath(new URL('../fixtures/reference-plant.yaml', import.meta.url));
/** The invariants are checked again this often while the server runs (and after every import). */
const INTEGRITY_EVERY_MS = 10 * 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const other = config.NEO4J_URI ? undefined : runningServer(config.INTERLOCK_DATA_DIR);
  if (other) throw new Error(`Interlock is already running on ${other.url} (pid ${other.pid}) with the data in ${config.INTERLOCK_DATA_DIR}.`);
  const database = await openDatabase(config, log);
  // Never open to whoever reaches the port: a fresh database gets its admin before the server listens.
  await ensureFirstAdmin(database.client, { password: config.INTERLOCK_ADMIN_PASSWORD, file: config.INTERLOCK_ADMIN_PASSWORD_FILE, say: log });

  if (config.INTERLOCK_LOAD_FIXTURE === 'auto' && !(await hasSite(database.client))) {
    log('The graph is empty: loading the reference plant (fixtures/reference-plant.yaml)…');
    const result = await importSite(database.client, parseYaml(readFileSync(REFERENCE_PLANT, 'utf8')), 'replace', {
      actor: SYSTEM_NAME,
      onProgress: (p) => p.done === p.total && log(`  ${p.step}: ${p.total}`),
    });
    log(`Loaded the reference plant: ${count(result.nodes, 'node')}, ${count(result.relationships, 'relationship')}.`);
  }

  const app = await buildApp({ db: database.client, logger: { level: config.LOG_LEVEL }, identity: identitySettings(config) });
  app.server.requestTimeout = 120_000;
  app.server.keepAliveTimeout = 10_000;
  let forget = () => {};

  closeWithGrace({ delay: 20_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    forget();
    await app.close();
    await database.close();
  });

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
