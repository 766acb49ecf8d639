// A Neo4j that cannot be started again is not restarted for ever: after maxFastFailures failures
// in a row the supervisor gives up, says so, and tells the app (which then stops, main.ts). Every
// restart here fails at once, because the data folder's password file no longer holds a usable
// password.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boltPasswordFile } from '../../server/db/bolt-password.js';
import { superviseEmbeddedNeo4j } from '../../server/db/neo4j-supervisor.js';
import { isAlive } from './rig.js';

const dataDir = mkdtempSync(join(tmpdir(), 'interlock-give-up-neo4j-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the Neo4j supervisor', () => {
  it('gives up loudly after the allowed fast failures in a row, and tells the app', async () => {
    const logs: string[] = [];
    let tellApp!: (error: Error) => void;
    const gaveUp = new Promise<Error>((done) => (tellApp = done));
    const neo4j = await superviseEmbeddedNeo4j({
      dataDir, heapMb: 512, pageCacheMb: 64,
      log: (line) => logs.push(line),
      policy: { maxFastFailures: 2, firstDelayMs: 50 },
      onGiveUp: (error) => tellApp(error),
    });
    const pid = neo4j.pid;
    writeFileSync(boltPasswordFile(dataDir), 'short\n');
    process.kill(pid, 'SIGKILL');

    expect((await gaveUp).message).toMatch(/^Embedded Neo4j failed 2 times in a row \(last: the restart failed .*\); giving up/);
    expect(logs.filter((line) => line.startsWith('Embedded Neo4j stopped'))).toEqual([
      expect.stringMatching(/: the JVM exited \(signal SIGKILL\)\. Restarting it in .* \(fast failure 1 of 2 /),
      expect.stringMatching(/: the restart failed \(.*holds no usable password.*\)\. Restarting it in .* \(fast failure 2 of 2 /),
    ]);
    expect(logs.filter((line) => line.startsWith('ERROR: Embedded Neo4j failed 2 times in a row'))).toHaveLength(1);
    expect(isAlive(pid)).toBe(false);
    expect(neo4j.restarts).toBe(0);
    await neo4j.stop();
  }, 240_000);
});
