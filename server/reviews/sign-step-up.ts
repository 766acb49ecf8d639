// Signing by an account that signs in at the identity provider: the signer re-authenticates there
// (a step-up) instead of re-entering a password. Starting one binds a random state to the request,
// discipline, meaning, comment and assessment hash, and to the signer; the provider's callback
// names only the state, so nothing the browser brings back can change what is signed. The ID token
// must be the same person's (issuer and subject are the account's) and fresh (authenticated after
// the step-up began, and at most FRESH_SECONDS ago); then the signature is recorded as a password
// signature is (recordSignature: same rules, same audit entry, same separation of duties).
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { findUser } from '../identity/accounts.js';
import { mappedRoles, type OidcClient, type OidcLogin } from '../identity/oidc.js';
import type { OidcSettings } from '../identity/settings.js';
import type { DbClient } from '../db/client.js';
import type { Discipline } from './schemas.js';
import { recordSignature, type SignatureIntent } from './sign.js';
import type { ReviewRecord } from './store.js';

/** How recent the provider's authentication must be when the signature is recorded. */
export const FRESH_SECONDS = 300;
/** How long a started step-up waits for the provider's answer. */
const PENDING_SECONDS = 600;
/** Clock difference tolerated between Interlock and the provider. */
const SKEW_SECONDS = 5;
/** Step-ups one signer may have waiting at once: a new one beyond it forgets their oldest. */
const PENDING_PER_SIGNER = 5;

interface Pending { login: OidcLogin; userId: string; username: string; id: string; discipline: Discipline; intent: SignatureIntent; startedAt: number }

/**
 * Why a step-up's answer is refused, as a short reason for the explorer's URL: expired, not-fresh,
 * other-person, no-role, disabled, or a signing rule's error code (forbidden, conflict, …).
 */
export class StepUpRefusal extends Error {
  constructor(readonly reason: string, readonly review?: string, readonly signer?: { username: string; id: string; discipline: Discipline; review: string }) { super(reason); }
}

/**
 * Whether the ID token's auth_time (seconds) says the person authenticated after the step-up
 * began (ms) and at most FRESH_SECONDS before now (ms): a session the provider merely remembered
 * does not count.
 */
export function freshAuthentication(authTime: unknown, startedAt: number, now: number): boolean {
  if (typeof authTime !== 'number') return false;
  const at = authTime * 1000;
  return at >= startedAt - SKEW_SECONDS * 1000 && at <= now + SKEW_SECONDS * 1000 && now - at <= FRESH_SECONDS * 1000;
}

export class SignStepUps {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly oidc: OidcClient, private readonly settings: OidcSettings, private readonly redirectUrl: string) {}

  /** The provider's URL for the signer, with the signature's content bound to its state. 422 for a local account. */
  async start(db: DbClient, actor: Actor, id: string, discipline: Discipline, intent: SignatureIntent): Promise<{ url: string; expiresAt: string }> {
    const account = actor.kind === 'user' ? await findUser(db, actor.username) : undefined;
    if (!account?.oidcKey) {
      throw new AppError('INTERLOCK_UNPROCESSABLE', `${actor.username} is a local account: it signs by re-entering its password (POST /api/reviews/${id}/sign/${discipline}).`,
        [{ path: 'caller', message: 'not an account of the identity provider' }]);
    }
    this.sweep(account.id);
    const { url, login } = await this.oidc.startStepUp(this.redirectUrl);
    const startedAt = Date.now();
    this.pending.set(login.state, { login, userId: account.id, username: account.username, id, discipline, intent, startedAt });
    return { url: url.href, expiresAt: new Date(startedAt + PENDING_SECONDS * 1000).toISOString() };
  }

  /** The provider's answer: checks the person and the freshness, then records the signature. */
  async finish(db: DbClient, query: string): Promise<ReviewRecord> {
    const state = new URLSearchParams(query).get('state') ?? '';
    const pending = this.pending.get(state);
    this.pending.delete(state); // one answer per step-up, whatever it is
    if (!pending || Date.now() - pending.startedAt > PENDING_SECONDS * 1000) throw new StepUpRefusal('expired', pending?.id);
    const refuse = (reason: string) => new StepUpRefusal(reason, pending.id, { username: pending.username, id: pending.userId, discipline: pending.discipline, review: pending.id });
    const claims = await this.oidc.finish(query, pending.login, this.redirectUrl);
    const account = await findUser(db, pending.username);
    if (!account || account.id !== pending.userId || account.oidcKey !== `${this.settings.issuer}|${String(claims.sub)}`) throw refuse('other-person');
    if (account.disabled) throw refuse('disabled');
    if (!freshAuthentication(claims.auth_time, pending.startedAt, Date.now())) throw refuse('not-fresh');
    // The provider's word on the roles now, as at a sign-in: a group removed there no longer signs.
    const roles = mappedRoles(this.settings, claims);
    if (roles.length === 0) throw refuse('no-role');
    const actor: Actor = { kind: 'user', id: account.id, username: account.username, displayName: account.displayName, roles, via: 'session' };
    return recordSignature(db, actor, pending.id, pending.discipline, pending.intent).catch((error: unknown) => {
      if (error instanceof AppError) throw refuse(error.code.replace(/^INTERLOCK_/, '').toLowerCase().replace(/_/g, '-'));
      throw error;
    });
  }

  /** Forgets step-ups nobody came back from, and the signer's oldest beyond the bound. */
  private sweep(userId: string): void {
    const cutoff = Date.now() - PENDING_SECONDS * 1000;
    for (const [state, p] of this.pending) if (p.startedAt < cutoff) this.pending.delete(state);
    const mine = [...this.pending].filter(([, p]) => p.userId === userId); // in insertion order: oldest first
    for (const [state] of mine.slice(0, Math.max(0, mine.length - PENDING_PER_SIGNER + 1))) this.pending.delete(state);
  }
}
