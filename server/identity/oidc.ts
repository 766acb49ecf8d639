// Sign-in at the plant's identity provider (OpenID Connect, authorisation code with PKCE): the
// provider proves who it is; a claim (e.g. `groups`) mapped in INTERLOCK_OIDC_ROLE_MAP decides
// the roles, again at every sign-in, so removing someone's group at the provider takes effect at
// their next sign-in. A subject with no mapped role is refused: the provider vouching for a
// person is not Interlock granting them anything.
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient, Row } from '../db/client.js';
import { AppError } from '../errors.js';
import { endSessions, storedUser } from './accounts.js';
import { RESERVED_USERNAMES, type Actor } from './actor.js';
import type { AppRole } from './roles.js';
import { createSession, sessionActor, type NewSession } from './sessions.js';
import type { IdentitySettings, OidcSettings } from './settings.js';

export interface OidcLogin { state: string; nonce: string; verifier: string }

export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  /** Discovered at first use (the provider may be down when Interlock starts), then kept. */
  private config(): Promise<client.Configuration> {
    this.configuration ??= client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined,
      this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: Error) => {
        this.configuration = undefined;
        throw new AppError('INTERLOCK_PROVIDER_UNAVAILABLE', `The identity provider cannot be reached: ${error.message}`);
      });
    return this.configuration;
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async start(): Promise<{ url: URL; login: OidcLogin }> {
    const login = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(await this.config(), {
      redirect_uri: this.settings.redirectUrl, scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(login.verifier), code_challenge_method: 'S256',
      state: login.state, nonce: login.nonce,
    });
    return { url, login };
  }

  /**
   * A step-up: the provider must authenticate the person again (prompt=login, max_age=0), and
   * send the browser back to `redirectUrl`; the ID token then carries a fresh auth_time.
   */
  async startStepUp(redirectUrl: string): Promise<{ url: URL; login: OidcLogin }> {
    const login = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(await this.config(), {
      redirect_uri: redirectUrl, scope: 'openid profile email', prompt: 'login', max_age: '0',
      code_challenge: await client.calculatePKCECodeChallenge(login.verifier), code_challenge_method: 'S256',
      state: login.state, nonce: login.nonce,
    });
    return { url, login };
  }

  /** The ID token's claims, after the code exchange checked state, nonce and PKCE. */
  async finish(query: string, login: OidcLogin, redirectUrl = this.settings.redirectUrl): Promise<Record<string, unknown>> {
    const current = new URL(redirectUrl);
    current.search = query;
    const tokens = await client.authorizationCodeGrant(await this.config(), current, {
      pkceCodeVerifier: login.verifier, expectedState: login.state, expectedNonce: login.nonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider answered without an ID token');
    return claims as Record<string, unknown>;
  }
}

export function mappedRoles(settings: OidcSettings, claims: Record<string, unknown>): AppRole[] {
  const raw = claims[settings.rolesClaim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return [...new Set(settings.roleMap.filter(([value]) => values.includes(value)).map(([, role]) => role))].sort();
}

/** A username Interlock accepts, from the provider's preferred name, e-mail or subject. */
export function oidcUsername(settings: OidcSettings, claims: Record<string, unknown>): string {
  const raw = String(claims[settings.usernameClaim] ?? claims.email ?? claims.sub ?? '');
  const cleaned = raw.toLowerCase().replace(/[^a-z0-9._@-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64);
  return cleaned.length >= 2 ? cleaned : `sub-${String(claims.sub).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 56)}`;
}

export class OidcRefusal extends Error {}

/** The account for the provider's subject (created at first sign-in), and a new session for it. */
export async function oidcSignIn(db: DbClient, settings: IdentitySettings, claims: Record<string, unknown>, source: string): Promise<NewSession & { actor: Actor }> {
  const oidc = settings.oidc!;
  const roles = mappedRoles(oidc, claims);
  const username = oidcUsername(oidc, claims);
  const refuse = async (reason: string) => {
    await db.writeTx((tx) => appendAudit(tx, { actor: 'anonymous', action: 'auth:sign-in-failed', target: `user/${username}`, outcome: 'refused', details: { source, method: 'oidc', reason } }));
    return new OidcRefusal(reason);
  };
  if (roles.length === 0) throw await refuse('no-role');
  // Nobody signs in as Interlock itself, or as the name of an unknown caller.
  if (RESERVED_USERNAMES.has(username)) throw await refuse('username-taken');
  const now = new Date().toISOString();
  const displayName = String(claims.name ?? username);
  const outcome = await db.writeTx(async (tx) => {
    const [row] = await tx.run('identity/upsert-oidc-user', { oidcKey: `${oidc.issuer}|${String(claims.sub)}`, id: randomUUID(), username, displayName, roles, now });
    const user = storedUser(row!.user as Row);
    if (user.disabled) return undefined;
    await endSessions(tx, user.id, { keep: null, expiredOnly: true, idleMinutes: settings.sessionIdleMinutes });
    const session = await createSession(tx, user.id, settings);
    await appendAudit(tx, { actor: user.username, actorId: user.id, action: 'auth:sign-in', target: `user/${user.username}`, details: { source, method: 'oidc', roles } });
    return { ...session, actor: sessionActor(user, session.sessionId) };
  }).catch(async (error: { code?: string }) => {
    // The provider's name is already a local account's: never merge two people into one account.
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') throw await refuse('username-taken');
    throw error;
  });
  if (!outcome) throw await refuse('disabled');
  return outcome;
}
