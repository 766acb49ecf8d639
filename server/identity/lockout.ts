// Brute-force protection of Interlock's OWN accounts: failed sign-ins are counted per account AND
// source address, and reaching the threshold locks that account from that source for a while.
// An attacker elsewhere cannot lock the admin out (their failures count against their own
// address), a lock ends by itself, and an admin can lift it. Interlock never applies this to a
// plant's operator accounts: a locked-out operator cannot perform an emergency shutdown
// (DOMAIN.md §4, AUTH-LOCKOUT-EMERGENCY), which is why its what-if flags such policies.
import type { DbClient, Row, Tx } from '../db/client.js';
import type { IdentitySettings } from './settings.js';

export const throttleKey = (username: string, source: string) => `${username.toLowerCase()}|${source}`;

/** When the lock on this account from this source ends, if one holds now. */
export async function lockedUntil(db: DbClient, username: string, source: string): Promise<Date | undefined> {
  const [row] = await db.read('identity/throttle', { key: throttleKey(username, source) });
  const until = (row?.throttle as Row | undefined)?.lockedUntil;
  return until && Date.parse(until) > Date.now() ? new Date(until) : undefined;
}

/** Counts one failure; returns the lock it set, if this failure reached the threshold. */
export async function recordFailure(tx: Tx, username: string, source: string, settings: IdentitySettings): Promise<{ failures: number; lockedUntil?: string }> {
  const now = new Date();
  const windowMs = settings.lockoutMinutes * 60_000;
  const [row] = await tx.run('identity/record-failure', {
    key: throttleKey(username, source), username: username.toLowerCase(), source, now: now.toISOString(),
    windowStart: new Date(now.getTime() - windowMs).toISOString(), threshold: settings.lockoutThreshold,
    lockedUntil: new Date(now.getTime() + windowMs).toISOString(),
  });
  const until = row?.lockedUntil as string | null;
  return { failures: Number(row?.failures ?? 0), ...(until && Date.parse(until) > now.getTime() ? { lockedUntil: until } : {}) };
}

export async function clearFailures(tx: Tx, username: string, source: string): Promise<void> {
  await tx.run('identity/clear-throttles', { username: username.toLowerCase(), key: throttleKey(username, source) });
}
