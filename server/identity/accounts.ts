// Interlock's own accounts: create, list, change roles or disable, set a password, unlock. Every
// change and its audit entry are one transaction. Usernames never change, so the journal's and the
// audit log's names keep meaning the same person.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import { Tx, type DbClient, type Row } from '../db/client.js';
import { AppError, conflict, notFound } from '../errors.js';
import { RESERVED_USERNAMES } from './actor.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import type { AppRole } from './roles.js';
import type { UserViewT } from './schemas.js';

/** Who acts, as the audit log names them (an Actor, or a CLI working on the database). */
export interface AuditActor { username: string; id?: string }

export interface StoredUser extends UserViewT { passwordHash: string | null; oidcKey: string | null }

export function storedUser(row: Row): StoredUser {
  return {
    id: row.id, username: row.username, displayName: row.displayName ?? row.username, roles: row.roles ?? [],
    disabled: row.disabled === true, source: row.oidcKey ? 'oidc' : 'local', createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt ?? null, passwordHash: row.passwordHash ?? null, oidcKey: row.oidcKey ?? null,
  };
}

/** What the API shows: never the password hash. */
export function userView(user: StoredUser): UserViewT {
  const { passwordHash: _hash, oidcKey: _key, ...view } = user;
  return view;
}

export const by = (actor: AuditActor) => ({ actor: actor.username, actorId: actor.id ?? null });

export async function findUser(db: DbClient | Tx, username: string): Promise<StoredUser | undefined> {
  const [row] = db instanceof Tx ? await db.run('identity/user', { username }) : await db.read('identity/user', { username });
  return row ? storedUser(row.user as Row) : undefined;
}

export async function requireUser(db: DbClient | Tx, username: string): Promise<StoredUser> {
  const user = await findUser(db, username);
  if (!user) throw notFound('account', username);
  return user;
}

export async function listUsers(db: DbClient): Promise<Array<UserViewT & { tokens: number; locked: boolean }>> {
  const rows = await db.read('identity/users', { now: new Date().toISOString() });
  return rows.map((r) => ({ ...userView(storedUser(r.user as Row)), tokens: Number(r.tokens), locked: r.locked === true }));
}

export interface NewUserInput { username: string; displayName?: string; roles: AppRole[]; password?: string }

export function newUserRow(input: NewUserInput, passwordHash: string): Row {
  return {
    id: randomUUID(), username: input.username, displayName: input.displayName ?? input.username, roles: input.roles,
    disabled: false, passwordHash, createdAt: new Date().toISOString(),
  };
}

/** Creates a local account; a password left out is generated and returned, to be shown once. */
export async function createUser(db: DbClient, actor: AuditActor, input: NewUserInput): Promise<{ user: UserViewT; password?: string }> {
  if (RESERVED_USERNAMES.has(input.username)) throw conflict(`"${input.username}" is reserved for Interlock itself.`, [{ path: 'body.username', message: 'is reserved' }]);
  const password = input.password ?? generatePassword();
  const row = newUserRow(input, await hashPassword(password));
  const created = await db.writeTx(async (tx) => {
    const [result] = await tx.run('identity/create-user', { user: row });
    if (!result) return undefined;
    await appendAudit(tx, { ...by(actor), action: 'user:create', target: `user/${input.username}`, details: { roles: input.roles, displayName: row.displayName } });
    return storedUser(result.user as Row);
  });
  if (!created) throw conflict(`The username "${input.username}" is taken.`, [{ path: 'body.username', message: 'is taken' }]);
  return { user: userView(created), ...(input.password ? {} : { password }) };
}

export interface UserChangesInput { displayName?: string; roles?: AppRole[]; disabled?: boolean }

/** Changes roles, display name or disabled; disabling ends the account's sessions (its tokens stop at their next use). */
export async function updateUser(db: DbClient, actor: AuditActor, username: string, changes: UserChangesInput): Promise<UserViewT> {
  return db.writeTx(async (tx) => {
    const before = await requireUser(tx, username);
    if (before.source === 'oidc' && changes.roles) {
      throw new AppError('INTERLOCK_UNPROCESSABLE', `${username} signs in at the identity provider, which decides its roles at every sign-in; change them there.`, [{ path: 'body.roles', message: 'set by the identity provider' }]);
    }
    const fields = Object.entries(changes).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k as keyof StoredUser]));
    if (fields.length === 0) return userView(before);
    const [row] = await tx.run('identity/update-user', { username, changes: Object.fromEntries(fields) });
    if (changes.disabled) await endSessions(tx, before.id, { keep: null });
    await appendAudit(tx, {
      ...by(actor), action: 'user:update', target: `user/${username}`,
      details: { before: Object.fromEntries(fields.map(([k]) => [k, before[k as keyof StoredUser]])), after: Object.fromEntries(fields) },
    });
    return userView(storedUser(row!.user as Row));
  });
}

/** An admin sets (or generates) a password; every session of the account ends. */
export async function setPassword(db: DbClient, actor: AuditActor, username: string, password?: string): Promise<{ password?: string }> {
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  await db.writeTx(async (tx) => {
    const user = await requireUser(tx, username);
    if (user.source === 'oidc') throw new AppError('INTERLOCK_UNPROCESSABLE', `${username} signs in at the identity provider and has no Interlock password.`);
    await tx.run('identity/update-user', { username, changes: { passwordHash } });
    await endSessions(tx, user.id, { keep: null });
    await appendAudit(tx, { ...by(actor), action: 'user:password-set', target: `user/${username}` });
  });
  return password ? {} : { password: chosen };
}

/** One's own password, after giving the current one; the other sessions of the account end. */
export async function changeOwnPassword(db: DbClient, actor: AuditActor & { id: string; sessionKey?: string }, current: string, next: string): Promise<void> {
  const user = await requireUser(db, actor.username);
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('INTERLOCK_FORBIDDEN', 'The current password is not right.', [{ path: 'body.currentPassword', message: 'is not right' }]);
  }
  const passwordHash = await hashPassword(next);
  await db.writeTx(async (tx) => {
    await tx.run('identity/update-user', { username: actor.username, changes: { passwordHash } });
    await endSessions(tx, user.id, { keep: actor.sessionKey ?? null });
    await appendAudit(tx, { ...by(actor), action: 'user:password-changed', target: `user/${actor.username}` });
  });
}

/** Lifts every sign-in lockout of the account, from every source. */
export async function unlockUser(db: DbClient, actor: AuditActor, username: string): Promise<{ cleared: number }> {
  return db.writeTx(async (tx) => {
    await requireUser(tx, username);
    const [row] = await tx.run('identity/clear-throttles', { username, key: null });
    const cleared = Number(row?.cleared ?? 0);
    await appendAudit(tx, { ...by(actor), action: 'user:unlock', target: `user/${username}`, details: { cleared } });
    return { cleared };
  });
}

export async function endSessions(tx: Tx, userId: string, options: { keep: string | null; expiredOnly?: boolean; idleMinutes?: number }): Promise<number> {
  const now = new Date();
  const idleBefore = new Date(now.getTime() - (options.idleMinutes ?? 0) * 60_000).toISOString();
  const [row] = await tx.run('identity/end-sessions', { userId, keep: options.keep, expiredOnly: options.expiredOnly ?? false, now: now.toISOString(), idleBefore });
  return Number(row?.ended ?? 0);
}
