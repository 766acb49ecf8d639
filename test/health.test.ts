// /api/health must tell a dead database quickly: a second, private embedded Neo4j is started and
// stopped under the app (the run's shared Neo4j is never touched).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded-neo4j.js';
import { DbClient } from '../server/db/client.js';
import { UNTHROTTLED } from './helpers/app.js';

// The route pings with a 2 s timeout; the bound is generous so a slow CI machine does not flake,
// while a health check that hangs on a dead connection still fails.
const ANSWER_WITHIN_MS = 5_000;

let dataDir: string;
let neo4j: EmbeddedNeo4j;
let db: DbClient;
let app: FastifyInstance;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'interlock-health-neo4j-'));
  neo4j = await startEmbeddedNeo4j({ dataDir, heapMb: 512, pageCacheMb: 64, log: () => {} });
  db = new DbClient({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' });
  app = await buildApp({ db, clientDir: '/nonexistent', edge: UNTHROTTLED });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await neo4j?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const health = async () => {
  const started = performance.now();
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'], ms: performance.now() - started };
};

describe('GET /api/health', () => {
  it('answers 200 up while Neo4j runs, and 503 down soon after it stops', async () => {
    const up = await health();
    expect({ status: up.status, body: up.body }).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });

    await neo4j.stop();
    const down = await health();
    expect({ status: down.status, body: down.body }).toEqual({ status: 503, body: { status: 'unavailable', neo4j: 'down' } });
    expect(down.retryAfter).toBe('5');
    expect(down.ms).toBeLessThan(ANSWER_WITHIN_MS);

    // Asked again (the pool now holds only dead connections), it still answers promptly.
    const again = await health();
    expect(again.status).toBe(503);
    expect(again.ms).toBeLessThan(ANSWER_WITHIN_MS);
  });
});
