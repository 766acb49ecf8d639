// API tokens for the CLIs and pipelines: 256 random bits, shown once, stored only as a SHA-256,
// with an expiry; revoking one stops it at once and keeps its record. A token acts with its
// owner's roles at the time of use, so a disabled account's tokens stop working too.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient, Row } from '../db/client.js';
import { notFound } from '../errors.js';
import { by, storedUser, type AuditActor } from './accounts.js';
import type { Actor } from './actor.js';
import { authorize } from './permissions.js';
import type { TokenViewT } from './schemas.js';
import { randomSecret, sha256Hex } from './secrets.js';

/** Recognisable in a leaked-secret scan, and never confused with an internal credential. */
export const TOKEN_PREFIX = 'ilk_';
/** lastUsedAt is written at most this often per token: a pipeline's every request need not write. */
const TOUCH_EVERY_MS = 60_000;

export function tokenView(row: Row, username: string, now = new Date()): TokenViewT {
  const revokedAt = row.revokedAt ?? null;
  const state = revokedAt ? 'revoked' : Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : 'active';
  return { id: row.id, name: row.name, username, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt, lastUsedAt: row.lastUsedAt ?? null, state };
}

export async function issueToken(db: DbClient, actor: AuditActor, username: string, name: string, days: number): Promise<TokenViewT & { token: string }> {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const now = new Date();
  const stored = { id: randomUUID(), hash: sha256Hex(token), name, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString() };
  const row = await db.writeTx(async (tx) => {
    const [created] = await tx.run('identity/create-token', { username, token: stored });
    if (!created) return undefined;
    await appendAudit(tx, { ...by(actor), action: 'token:issue', target: `user/${username}`, details: { tokenId: stored.id, name, expiresAt: stored.expiresAt } });
    return created.token as Row;
  });
  if (!row) throw notFound('account', username);
  return { ...tokenView(row, username, now), token };
}

export async function listTokens(db: DbClient, username: string): Promise<TokenViewT[]> {
  const now = new Date();
  return (await db.read('identity/tokens', { username })).map((r) => tokenView(r.token as Row, username, now));
}

/** Revokes a token: its owner or an admin may (permissions.ts, tokens:revoke). */
export async function revokeToken(db: DbClient, actor: Actor, id: string): Promise<void> {
  const [found] = await db.read('identity/token', { id });
  if (!found) throw notFound('token', id);
  authorize(actor, 'tokens:revoke', { ownerId: (found.token as Row).userId });
  await db.writeTx(async (tx) => {
    const [revoked] = await tx.run('identity/revoke-token', { id, now: new Date().toISOString() });
    if (revoked) await appendAudit(tx, { ...by(actor), action: 'token:revoke', target: `user/${found.username}`, details: { tokenId: id } });
  });
}

export type Resolved = { actor: Actor } | { problem: string };

/** The actor a presented token stands for, or why it does not count. */
export async function resolveToken(db: DbClient, presented: string): Promise<Resolved> {
  if (!presented.startsWith(TOKEN_PREFIX)) return { problem: 'the bearer token is not an Interlock API token' };
  const [row] = await db.read('identity/token-by-hash', { hash: sha256Hex(presented) });
  if (!row) return { problem: 'the API token is not known' };
  const token = row.token as Row;
  const user = storedUser(row.user as Row);
  const now = Date.now();
  if (token.revokedAt) return { problem: 'the API token was revoked' };
  if (Date.parse(token.expiresAt) <= now) return { problem: 'the API token has expired' };
  if (user.disabled) return { problem: 'the API token\'s account is disabled' };
  if (!token.lastUsedAt || now - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS) await db.write('identity/touch-token', { id: token.id, now: new Date(now).toISOString() });
  return { actor: { kind: 'user', id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, source: user.source, via: 'token', tokenId: token.id } };
}
