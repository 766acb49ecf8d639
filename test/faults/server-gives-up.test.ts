// `npm start` over the embedded Neo4j, as a process of its own: it never prints the data folder's
// Bolt password, and when Neo4j dies and cannot be started again it does not linger answering
// 503 for ever: the supervisor gives up after 5 fast failures and the server stops, exit code 1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boltPasswordFile } from '../../server/db/bolt-password.js';
import { startEntry } from '../helpers/run-entry.js';
import { sleep } from './rig.js';

const dataDir = mkdtempSync(join(tmpdir(), 'interlock-server-gives-up-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The server's JVM: its one child named java (tsx has a child of its own, esbuild). */
function javaChildOf(pid: number): number {
  const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' });
  const java = children.split('\n').map((line) => line.trim().split(/\s+/)).filter(([, comm]) => comm === 'java');
  expect(java).toHaveLength(1);
  return Number(java[0]![0]);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(100);
}

describe('the server over the embedded Neo4j', () => {
  it('never prints its Bolt password, and stops with exit code 1 when Neo4j cannot be restarted', async () => {
    const server = startEntry('server/main.ts', { INTERLOCK_DATA_DIR: dataDir, INTERLOCK_NEO4J_HEAP_MB: '512', INTERLOCK_NEO4J_PAGECACHE_MB: '64' });
    try {
      let ended = false;
      void server.exited.then(() => (ended = true));
      await until(() => ended || server.output().includes('Interlock is up'));
      expect(server.output()).toContain('Interlock is up');
      const password = readFileSync(boltPasswordFile(dataDir), 'utf8').trim();
      const jvm = javaChildOf(server.child.pid!);
      writeFileSync(boltPasswordFile(dataDir), 'short\n');
      process.kill(jvm, 'SIGKILL');

      expect(await server.exited).toBe(1);
      const output = server.output();
      expect(output.match(/Embedded Neo4j stopped: /g)).toHaveLength(5);
      expect(output).toMatch(/ERROR: Embedded Neo4j failed 5 times in a row .*giving up/);
      expect(output).toContain('Interlock stopped: Embedded Neo4j failed 5 times in a row');
      expect(output).not.toContain(password);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 180_000);
});
