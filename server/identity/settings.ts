// The identity settings the app runs with, from the environment (config.ts) or a test's choice.
import type { Config } from '../config.js';
import type { AppRole } from './roles.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  rolesClaim: string;
  usernameClaim: string;
  roleMap: ReadonlyArray<readonly [string, AppRole]>;
  /** The sign-in button's words: "Sign in with …". */
  name: string;
  /** Only for a provider on http://localhost in tests; a real issuer is https. */
  allowHttp?: boolean;
}

export interface IdentitySettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  tokenDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  signInPerMinute: number;
  cookieSecure: 'auto' | 'always' | 'never';
  oidc?: OidcSettings;
}

export const DEFAULT_IDENTITY: IdentitySettings = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  tokenDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  signInPerMinute: 20,
  cookieSecure: 'auto',
};

export function identitySettings(config: Config): IdentitySettings {
  const oidc: OidcSettings | undefined = config.INTERLOCK_OIDC_ISSUER
    ? {
      issuer: config.INTERLOCK_OIDC_ISSUER,
      clientId: config.INTERLOCK_OIDC_CLIENT_ID!,
      clientSecret: config.INTERLOCK_OIDC_CLIENT_SECRET!,
      redirectUrl: config.INTERLOCK_OIDC_REDIRECT_URL!,
      rolesClaim: config.INTERLOCK_OIDC_ROLES_CLAIM,
      usernameClaim: config.INTERLOCK_OIDC_USERNAME_CLAIM,
      roleMap: config.INTERLOCK_OIDC_ROLE_MAP,
      name: config.INTERLOCK_OIDC_NAME,
    }
    : undefined;
  return {
    sessionIdleMinutes: config.INTERLOCK_SESSION_IDLE_MINUTES,
    sessionMaxHours: config.INTERLOCK_SESSION_MAX_HOURS,
    tokenDays: config.INTERLOCK_TOKEN_DAYS,
    lockoutThreshold: config.INTERLOCK_LOCKOUT_THRESHOLD,
    lockoutMinutes: config.INTERLOCK_LOCKOUT_MINUTES,
    signInPerMinute: config.INTERLOCK_SIGN_IN_PER_MINUTE,
    cookieSecure: config.INTERLOCK_COOKIE_SECURE,
    ...(oidc ? { oidc } : {}),
  };
}
