// The embedded Neo4j's Bolt port is not open to every local process: it requires the data
// folder's password, kept in a file only its owner can read. A private embedded Neo4j is started
// on a temporary folder (the run's shared one is never touched).
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltPasswordFile } from '../server/db/bolt-password.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded-neo4j.js';

let parent: string;
let dataDir: string;
let embedded: EmbeddedNeo4j;
const logged: string[] = [];

const start = () => startEmbeddedNeo4j({ dataDir, heapMb: 512, pageCacheMb: 64, log: (line) => logged.push(line) });

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'interlock-auth-neo4j-'));
  dataDir = join(parent, 'data'); // made by the start itself
  embedded = await start();
});

afterAll(async () => {
  await embedded?.stop();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

/** RETURN 1 over Bolt with these credentials (none: no auth token at all). */
async function returnOne(auth?: AuthToken): Promise<number> {
  const driver = neo4j.driver(embedded.uri, auth, { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' });
    return records[0]!.get('one') as number;
  } finally {
    await driver.close();
  }
}

const UNAUTHORIZED = { code: 'Neo.ClientError.Security.Unauthorized' };

describe('the embedded Neo4j', () => {
  it('keeps a random password for its data folder in a file only its owner can read', () => {
    const file = boltPasswordFile(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(embedded.password);
    expect(embedded.password).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses Bolt without a password, with the default one or a wrong one, and takes the right one', async () => {
    await expect(returnOne()).rejects.toMatchObject(UNAUTHORIZED);
    await expect(returnOne(neo4j.auth.basic('neo4j', 'neo4j'))).rejects.toMatchObject(UNAUTHORIZED);
    await expect(returnOne(neo4j.auth.basic('neo4j', `${embedded.password}x`))).rejects.toMatchObject(UNAUTHORIZED);
    expect(await returnOne(neo4j.auth.basic(embedded.user, embedded.password))).toBe(1);
  });

  it('applies a password written into the file at the next start, refuses the old one, and narrows the file again', async () => {
    const old = embedded.password;
    await embedded.stop();
    writeFileSync(boltPasswordFile(dataDir), 'a-rotated-password-of-enough-length\n');
    chmodSync(boltPasswordFile(dataDir), 0o644);
    embedded = await start();
    expect(embedded.password).toBe('a-rotated-password-of-enough-length');
    await expect(returnOne(neo4j.auth.basic('neo4j', old))).rejects.toMatchObject(UNAUTHORIZED);
    expect(await returnOne(neo4j.auth.basic('neo4j', embedded.password))).toBe(1);
    expect(statSync(boltPasswordFile(dataDir)).mode & 0o777).toBe(0o600);
    // A stop and a start of the JVM: up to a minute each on a loaded 2-core machine.
  }, 180_000);

  it('never prints the password while it starts', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((line) => line.includes(embedded.password) || line.includes('rotated'))).toEqual([]);
  });
});
