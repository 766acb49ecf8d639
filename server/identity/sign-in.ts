// Sign-in with a password: refused while a lockout holds the account from this source; a failure
// is counted and audited; success clears the count, tidies the account's expired sessions, starts
// a new one and is audited — each in one transaction. Every refusal says the same thing, so the
// answer never tells whether an account exists.
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient } from '../db/client.js';
import { AppError } from '../errors.js';
import { endSessions, findUser, type StoredUser } from './accounts.js';
import type { Actor } from './actor.js';
import { clearFailures, lockedUntil, recordFailure } from './lockout.js';
import { verifyPassword } from './passwords.js';
import { createSession, sessionActor, type NewSession } from './sessions.js';
import type { IdentitySettings } from './settings.js';

export const SIGN_IN_REFUSED = 'Wrong username or password, or the account is disabled.';

export interface SignInAttempt { username: string; password: string; source: string }

function failureReason(user: StoredUser | undefined): string | undefined {
  if (!user) return 'unknown-account';
  if (user.disabled) return 'disabled';
  if (!user.passwordHash) return 'no-password';
  return undefined;
}

export const lockedOut = (until: Date) => new AppError('INTERLOCK_LOCKED_OUT',
  `Too many failed sign-ins for this account from your address; try again after ${until.toISOString()} or ask an admin to unlock it.`,
  undefined, { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))) });

export async function signIn(db: DbClient, attempt: SignInAttempt, settings: IdentitySettings): Promise<NewSession & { actor: Actor }> {
  const username = attempt.username.trim().toLowerCase();
  // An unknown name is not recorded: people type passwords into the username field.
  const target = (user: StoredUser | undefined) => (user ? `user/${user.username}` : 'user/(unknown)');
  const until = await lockedUntil(db, username, attempt.source);
  const user = await findUser(db, username);
  if (until) {
    await db.writeTx((tx) => appendAudit(tx, { actor: 'anonymous', action: 'auth:sign-in-locked', target: target(user), outcome: 'refused', details: { source: attempt.source, lockedUntil: until.toISOString() } }));
    throw lockedOut(until);
  }
  // Always verified (against a decoy when there is no usable hash), so timing does not tell either.
  const passwordOk = await verifyPassword(user?.passwordHash, attempt.password);
  const reason = failureReason(user) ?? (passwordOk ? undefined : 'wrong-password');
  if (reason || !user) {
    const failure = await db.writeTx(async (tx) => {
      const counted = await recordFailure(tx, username, attempt.source, settings);
      await appendAudit(tx, {
        actor: 'anonymous', action: 'auth:sign-in-failed', target: target(user), outcome: 'refused',
        details: { source: attempt.source, reason, failures: counted.failures, ...(counted.lockedUntil ? { lockedUntil: counted.lockedUntil } : {}) },
      });
      return counted;
    });
    if (failure.lockedUntil) throw lockedOut(new Date(failure.lockedUntil));
    throw new AppError('INTERLOCK_SIGN_IN_FAILED', SIGN_IN_REFUSED);
  }
  return db.writeTx(async (tx) => {
    await clearFailures(tx, username, attempt.source);
    await endSessions(tx, user.id, { keep: null, expiredOnly: true, idleMinutes: settings.sessionIdleMinutes });
    const session = await createSession(tx, user.id, settings);
    await tx.run('identity/update-user', { username: user.username, changes: { lastSignInAt: new Date().toISOString() } });
    await appendAudit(tx, { actor: user.username, actorId: user.id, action: 'auth:sign-in', target: `user/${user.username}`, details: { source: attempt.source, method: 'password' } });
    return { ...session, actor: sessionActor(user, session.sessionId) };
  });
}
