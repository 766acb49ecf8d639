// The embedded Neo4j's Bolt password: random, one per data folder, made on first start and kept
// in `<data folder>/bolt-password`, readable by its owner only (0600). The launcher reads the same
// file and makes it Neo4j's password for the user neo4j (neo4j-launcher/.../BoltPassword.java).
//
// Why there: the password belongs to the graph it guards, so it lives and dies with the data
// folder: a new folder gets a new password, the test run's throw-away folders never share one
// with `.data/neo4j`, and a backup of the folder restores a matching pair. Why not inside
// Neo4j's own store (`data/` in the folder): that tree is Neo4j's, laid out and rewritten by
// Neo4j and its tools, and a credential does not belong in what a store copy carries around.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const BOLT_USER = 'neo4j';
const FILE_NAME = 'bolt-password';
const OWNER_ONLY = 0o600;
// The launcher refuses fewer (Neo4j's own minimum is 8); a made password has 64.
const MIN_LENGTH = 8;

export function boltPasswordFile(dataDir: string): string {
  return join(dataDir, FILE_NAME);
}

/** The folder's password, made (and the folder, 0700) when there is none yet. */
export function ensureBoltPassword(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = boltPasswordFile(dataDir);
  try {
    // 'wx' fails when the file exists, so two starts racing on a new folder keep one password.
    const fd = openSync(file, 'wx', OWNER_ONLY);
    try {
      // Hex, not base64url: one folder in 64 got a password starting with "-", which the launcher's
      // `set-initial-password <password>` read as an option (exit 64, the database never started).
      writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy or an editor may have widened it; nobody but the owner has any business reading it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
  const password = readFileSync(file, 'utf8').trim();
  if (password.length < MIN_LENGTH) {
    throw new Error(`${file} holds no usable password (fewer than ${MIN_LENGTH} characters); delete it and a new one is made at the next start.`);
  }
  return password;
}
