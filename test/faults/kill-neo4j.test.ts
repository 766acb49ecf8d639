// kill -9 of the embedded Neo4j during reads, during edits and during an import: every route
// answers 503 with Retry-After within 2 s while it is down, the supervisor brings it back within
// 30 s without anyone acting, and the graph is then exactly the last committed state (an import
// cut off half-way leaves nothing). `npm run faults -- --repeat 50` runs the same cycles many times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle, SCENARIOS } from './cycles.js';
import { ANSWER_WHILE_DOWN_MS, isAlive, RECOVERY_WITHIN_MS, startRig, type Rig } from './rig.js';

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

  it('is not restarted when the app closes: supervision ends before the JVM is stopped', async () => {
    const pid = rig.neo4j.pid;
    await rig.close();
    closed = true;
    expect(isAlive(pid)).toBe(false);
    expect(restartLines()).toHaveLength(SCENARIOS.length);
  });
});
