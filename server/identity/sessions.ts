// Browser sessions: a random secret in an http-only, SameSite=Strict cookie; stored only as its
// SHA-256. A session ends after an idle time and at an absolute end, and at sign-out.
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient, Row, Tx } from '../db/client.js';
import { by, storedUser, type StoredUser } from './accounts.js';
import type { Actor } from './actor.js';
import { csrfTokenFor, randomSecret, sha256Hex } from './secrets.js';
import type { IdentitySettings } from './settings.js';
import type { Resolved } from './tokens.js';

export const SESSION_COOKIE = 'interlock_session';
/** lastSeenAt is written at most this often: idle timeouts are minutes, not seconds. */
const TOUCH_EVERY_MS = 30_000;

export interface NewSession { sessionId: string; expiresAt: string; csrfToken: string }

export function sessionActor(user: StoredUser, sessionId: string, via: Actor['via'] = 'session'): Actor {
  return {
    kind: 'user', id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, source: user.source, via,
    sessionKey: sha256Hex(sessionId), csrfToken: csrfTokenFor(sessionId),
  };
}

/** Starts a session in the sign-in's transaction; the caller sets the cookie. */
export async function createSession(tx: Tx, userId: string, settings: IdentitySettings): Promise<NewSession> {
  const sessionId = randomSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString();
  await tx.run('identity/create-session', { session: { id: sha256Hex(sessionId), userId, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt } });
  return { sessionId, expiresAt, csrfToken: csrfTokenFor(sessionId) };
}

export async function resolveSession(db: DbClient, sessionId: string, settings: IdentitySettings): Promise<Resolved & { expiresAt?: string }> {
  const key = sha256Hex(sessionId);
  const [row] = await db.read('identity/session', { id: key });
  if (!row) return { problem: 'the session has ended; sign in again' };
  const session = row.session as Row;
  const user = storedUser(row.user as Row);
  const now = Date.now();
  const idle = now - Date.parse(session.lastSeenAt) > settings.sessionIdleMinutes * 60_000;
  if (idle || Date.parse(session.expiresAt) <= now || user.disabled) {
    await db.write('identity/end-session', { id: key });
    return { problem: user.disabled ? 'the account is disabled' : 'the session has expired; sign in again' };
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await db.write('identity/touch-session', { id: key, now: new Date(now).toISOString() });
  return { actor: sessionActor(user, sessionId), expiresAt: session.expiresAt };
}

/** Sign-out: the session ends at once, whatever its timeouts. */
export async function endSession(db: DbClient, actor: Actor, source: string): Promise<boolean> {
  if (!actor.sessionKey) return false;
  return db.writeTx(async (tx) => {
    const [row] = await tx.run('identity/end-session', { id: actor.sessionKey });
    const ended = Number(row?.ended ?? 0) > 0;
    if (ended) await appendAudit(tx, { ...by(actor), action: 'auth:sign-out', target: `user/${actor.username}`, details: { source } });
    return ended;
  });
}
