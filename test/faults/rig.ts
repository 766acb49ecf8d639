// The bench for fault tests: the app over its own supervised embedded Neo4j (never the test run's
// shared one: it gets killed), the mini site loaded, and the means to kill the JVM, time answers
// and wait for the database to come back. Used by the vitest suite and by `npm run faults`, so it
// imports nothing from vitest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/app.js';
import { DbClient } from '../../server/db/client.js';
import { startEmbeddedNeo4j } from '../../server/db/embedded-neo4j.js';
import { hasClassArchive } from '../../server/db/jvm-class-archive.js';
import { buildLauncher } from '../../server/db/neo4j-launcher-build.js';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from '../../server/db/neo4j-supervisor.js';
import { applySchema } from '../../server/db/schema.js';
import { importSite } from '../../server/site/import-site.js';
import { miniSite } from '../helpers/mini-site.js';
import { everyRoute, SWEEP_ACCOUNT } from './routes.js';
import { actAsAdminByDefault } from '../helpers/acting.js';
import { createUser } from '../../server/identity/accounts.js';

/** The bounds the issue sets: a 503 within 2 s while Neo4j is down, back within 30 s. */
export const ANSWER_WHILE_DOWN_MS = 2_000;
export const RECOVERY_WITHIN_MS = 30_000;
// How long to keep waiting past the bound, so a slow recovery is measured rather than cut off.
const RECOVERY_WAIT_MS = 120_000;

export interface Rig {
  app: FastifyInstance;
  db: DbClient;
  neo4j: SupervisedNeo4j;
  routes: InjectOptions[];
  /** The supervisor's and the client's lines, in order. */
  logs: string[];
  close(): Promise<void>;
}

export interface Answer {
  what: string;
  status: number;
  retryAfter?: string;
  body: string;
  startedAt: number;
  answeredAt: number;
}

export async function startRig(print?: (line: string) => void): Promise<Rig> {
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    print?.(line);
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'interlock-faults-neo4j-'));
  // Restarts load their classes from the archive a first clean stop writes (jvm-class-archive.ts):
  // on a fresh checkout, make it here, or the first restarts measure a slower path than any later.
  const embedded = { dataDir, heapMb: 768, pageCacheMb: 128, log };
  if (!hasClassArchive(await buildLauncher(log))) await (await startEmbeddedNeo4j(embedded)).stop();
  // Every kill here is deliberate and each JVM served requests first, so none counts towards
  // giving up (stableAfterMs 0); the give-up rule has a test of its own.
  const neo4j = await superviseEmbeddedNeo4j({ ...embedded, policy: { stableAfterMs: 0 } });
  const db = new DbClient({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j', log });
  await applySchema(db);
  await importSite(db, miniSite(), 'replace', { actor: 'test' });
  await createUser(db, { username: 'test' }, { username: SWEEP_ACCOUNT, roles: ['admin'] });
  // A sweep asks every route many times a second: the rate limit is off (it is tested on its own).
  const app = await buildApp({ db, clientDir: '/nonexistent', edge: { rateLimitScale: 0, pressure: false } });
  actAsAdminByDefault(app);
  await app.ready();
  return {
    app, db, neo4j, logs,
    routes: everyRoute(app),
    async close() {
      await app.close();
      await db.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** kill -9 of the JVM running now; returns when it was killed. */
export function killNeo4j(rig: Rig): number {
  process.kill(rig.neo4j.pid, 'SIGKILL');
  return performance.now();
}

export async function ask(rig: Rig, request: InjectOptions): Promise<Answer> {
  const startedAt = performance.now();
  const res = await rig.app.inject(request);
  const retryAfter = res.headers['retry-after'];
  return {
    what: `${request.method} ${request.url}`,
    status: res.statusCode,
    retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
    body: res.body,
    startedAt,
    answeredAt: performance.now(),
  };
}

/** Every route once, one after another: while Neo4j is down each must answer 503. */
export async function sweep(rig: Rig): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const request of rig.routes) answers.push(await ask(rig, request));
  return answers;
}

/** Milliseconds from the kill until /api/health answers 200 again (Infinity: not in 2 min). */
export async function waitForRecovery(rig: Rig, killedAt: number): Promise<number> {
  while (performance.now() - killedAt < RECOVERY_WAIT_MS) {
    if ((await ask(rig, { method: 'GET', url: '/api/health' })).status === 200) return performance.now() - killedAt;
    await sleep(250);
  }
  return Infinity;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
