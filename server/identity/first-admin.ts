// First start: a database with no account gets an `admin` account, so Interlock is never open to
// whoever reaches the port. Its password comes from INTERLOCK_ADMIN_PASSWORD, or is generated,
// printed once and written to a file only its owner can read; it is never printed again or logged.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient } from '../db/client.js';
import { newUserRow } from './accounts.js';
import { SYSTEM_NAME } from './actor.js';
import { generatePassword, hashPassword } from './passwords.js';

export const FIRST_ADMIN = 'admin';

export interface FirstAdminOptions {
  /** INTERLOCK_ADMIN_PASSWORD, when set. */
  password?: string;
  /** Where a generated password is written (mode 0600). */
  file: string;
  /** Prints a line for the person starting the server (never the logger). */
  say: (line: string) => void;
}

/** Creates the first admin when there is no account; returns whether it did. */
export async function ensureFirstAdmin(db: DbClient, options: FirstAdminOptions): Promise<boolean> {
  const [existing] = await db.read('identity/users', { now: new Date().toISOString() });
  if (existing) return false;
  const password = options.password ?? generatePassword();
  const row = newUserRow({ username: FIRST_ADMIN, displayName: 'Administrator', roles: ['admin'] }, await hashPassword(password));
  const created = await db.writeTx(async (tx) => {
    const [result] = await tx.run('identity/create-first-admin', { user: row });
    if (result) await appendAudit(tx, { actor: SYSTEM_NAME, action: 'user:create', target: `user/${FIRST_ADMIN}`, details: { roles: ['admin'], firstStart: true } });
    return Boolean(result);
  });
  if (!created) return false;
  if (options.password) {
    options.say(`Created the first account "${FIRST_ADMIN}" with the password from INTERLOCK_ADMIN_PASSWORD.`);
    return true;
  }
  const file = resolve(options.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an older file keeps its mode through writeFileSync
  options.say(`Created the first account "${FIRST_ADMIN}". Its password, shown this once, is: ${password}`);
  options.say(`  It is also in ${file} (readable only by you). Sign in, then change it (or add your own accounts) and delete that file.`);
  return true;
}
