// Every transaction runs with a timeout (db/client.ts TIMEOUTS): Neo4j ends one that outlives it,
// with its locks and memory, and the API answers 503 INTERLOCK_QUERY_TIMEOUT with Retry-After
// rather than hanging or answering 500. The transaction here idles past a 500 ms timeout between
// two queries; Neo4j's monitor ends it within a few seconds.
import { describe, expect, it } from 'vitest';
import { TIMEOUTS } from '../server/db/client.js';
import { useEdgeApp } from './edge/edge-app.js';

const outlive = (ms: number) => new Promise((done) => setTimeout(done, ms));
const ctx = useEdgeApp({ rateLimitScale: 0, pressure: false }, (app) => {
  app.get('/test-slow', async () => app.db.readTx(async (tx) => {
    await tx.run('journal/head');
    await outlive(4_000);
    return tx.run('journal/head');
  }, { timeoutMs: 500 }));
});

describe('transaction timeouts', () => {
  it('bounds requests well below the HTTP timeout and whole-site work in minutes', () => {
    expect(TIMEOUTS).toEqual({ read: 30_000, write: 60_000, bulk: 600_000 });
  });

  it('a transaction past its timeout is ended by Neo4j, and the API answers 503 with Retry-After', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/test-slow' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.json()).toEqual({
      statusCode: 503, code: 'INTERLOCK_QUERY_TIMEOUT',
      message: 'The request needed more time or memory in the graph database than it is allowed; narrow it, or try again when the server is less busy.',
    });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 30_000);
});
