// Under event-loop or memory pressure the server sheds requests with 503 + Retry-After instead of
// taking more work, and /api/health keeps answering. Pressure is made for real: for 2.5 s the
// event loop runs only in 300 ms blocks (its mean delay over a 1 s sample is far above a 100 ms
// threshold); memory by a threshold below what the heap holds.
import { describe, expect, it } from 'vitest';
import { SHED_RETRY_AFTER_SECONDS } from '../../server/plugins/load-shedding.js';
import { useEdgeApp } from './edge-app.js';

const block = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* starving the event loop is the point */ }
};
const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));
async function lag(totalMs: number, blockMs: number): Promise<void> {
  const end = Date.now() + totalMs;
  while (Date.now() < end) {
    block(blockMs);
    await new Promise((done) => setImmediate(done));
  }
}

describe('load shedding on event-loop delay', () => {
  const ctx = useEdgeApp({ rateLimitScale: 0, pressure: { maxEventLoopDelayMs: 100, maxHeapFraction: 1 } });

  it('sheds with 503, Retry-After and the stable body while the loop lags; health answers; then recovers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones' })).statusCode).toBe(200);
    await lag(2500, 300);
    const shed = await ctx.app.inject({ method: 'GET', url: '/api/zones' });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe(String(SHED_RETRY_AFTER_SECONDS));
    expect(shed.json()).toEqual({ statusCode: 503, code: 'INTERLOCK_OVERLOADED', message: `The server is overloaded (event loop); try again in ${SHED_RETRY_AFTER_SECONDS} s.` });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // The next samples (every second) see a quiet loop again.
    await settle(2500);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/zones' })).statusCode).toBe(200);
  });
});

describe('load shedding on memory', () => {
  const ctx = useEdgeApp({ rateLimitScale: 0, pressure: { maxEventLoopDelayMs: 60_000, maxHeapFraction: 0.001 } });

  it('sheds every route but health once the heap is over its threshold', async () => {
    await settle(1200);
    const shed = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: { change: { kind: 'patch', targets: ['hmi'] } } });
    expect(shed.statusCode).toBe(503);
    expect(shed.json().code).toBe('INTERLOCK_OVERLOADED');
    expect(shed.json().message).toContain('(memory)');
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', neo4j: 'up' });
  });
});
