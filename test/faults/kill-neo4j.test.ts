// kill -9 of the embedded Neo4j during reads, during edits and during an import: every route
// answers 503 with Retry-After within 2 s while it is down, the supervisor brings it back within
// 30 s without anyone acting, and the graph is then exactly the last committed state (an import
// cut off half-way leaves nothing). `npm run faults -- --repeat 50` runs the same cycles many times.
// A Neo4j that hangs (SIGSTOP) rather than dies is declared down once it has been silent for 5 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle, SCENARIOS } from './cycles.js';
import { snapshot } from '../helpers/db.js';
import { ANSWER_WHILE_DOWN_MS, ask, isAlive, RECOVERY_WITHIN_MS, startRig, waitForRecovery, type Rig } from './rig.js';

let rig: Rig;
let closed = false;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  if (rig && !closed) await rig.close();
});

const restartLines = () => rig.logs.filter((line) => line.startsWith('Embedded Neo4j stopped'));

describe('the embedded Neo4j killed with kill -9', () => {
  it.each(SCENARIOS)('during %s: every route 503 within 2 s, back within 30 s, the last committed graph', async (scenario) => {
    const result = await runCycle(rig, scenario);
    expect(result.problems).toEqual([]);
    expect(result.unavailable).toBeGreaterThanOrEqual(rig.routes.length);
    expect(result.maxMsTo503).toBeLessThan(ANSWER_WHILE_DOWN_MS);
    expect(result.recoveryMs).toBeLessThan(RECOVERY_WITHIN_MS);
    expect(result.stateEqual).toBe(true);
  }, 180_000);

  it('says so in the log each time: gone, restarting, back', () => {
    expect(restartLines()).toHaveLength(SCENARIOS.length);
    expect(rig.logs.filter((line) => line.startsWith('Embedded Neo4j is back'))).toHaveLength(SCENARIOS.length);
    expect(rig.logs.filter((line) => line.startsWith('Neo4j is not reachable'))).toHaveLength(SCENARIOS.length);
    expect(rig.logs.filter((line) => line.startsWith('Neo4j is reachable again'))).toHaveLength(SCENARIOS.length);
  });

  it('answers 503 once a hung Neo4j (SIGSTOP) has been silent for 5 s, then at once, and is back when it answers', async () => {
    const before = await snapshot(rig.db);
    const pid = rig.neo4j.pid;
    process.kill(pid, 'SIGSTOP');
    let stoppedAt: number;
    try {
      // Waits on the stopped JVM until the probes have met 5 s of silence.
      const first = await ask(rig, { method: 'GET', url: '/api/zones' });
      expect({ status: first.status, retryAfter: first.retryAfter }).toEqual({ status: 503, retryAfter: '5' });
      const next = await ask(rig, { method: 'GET', url: '/api/zones' });
      expect(next.status).toBe(503);
      expect(next.answeredAt - next.startedAt).toBeLessThan(ANSWER_WHILE_DOWN_MS);
    } finally {
      stoppedAt = performance.now();
      process.kill(pid, 'SIGCONT');
    }
    expect(await waitForRecovery(rig, stoppedAt)).toBeLessThan(RECOVERY_WITHIN_MS);
    expect(await snapshot(rig.db)).toEqual(before);
    expect(restartLines()).toHaveLength(SCENARIOS.length);
  }, 60_000);

  it('is not restarted when the app closes: supervision ends before the JVM is stopped', async () => {
    const pid = rig.neo4j.pid;
    await rig.close();
    closed = true;
    expect(isAlive(pid)).toBe(false);
    expect(restartLines()).toHaveLength(SCENARIOS.length);
  });
});
