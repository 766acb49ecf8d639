// The identity API's shapes, shared by the routes, the users CLI and the explorer's sign-in page.
import { z } from 'zod';
import { AppRoleSchema } from './roles.js';

export const PASSWORD_MIN = 12;
/** A policy of length, not character classes; the hash is Argon2id (passwords.ts). */
export const Password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(256, 'must be at most 256 characters');

export const Username = z.string().min(2).max(64)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'must be lower-case letters, digits and . _ @ -, starting with a letter or digit');

export const Roles = z.array(AppRoleSchema).min(1, 'needs at least one role').max(6)
  .transform((roles) => [...new Set(roles)].sort());

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(AppRoleSchema),
  disabled: z.boolean(),
  source: z.enum(['local', 'oidc']).describe('local: a password kept by Interlock; oidc: signs in at the identity provider'),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserViewT = z.infer<typeof UserView>;

export const UserListItem = UserView.extend({
  tokens: z.number().int().describe('API tokens neither revoked nor expired'),
  locked: z.boolean().describe('a sign-in lockout holds the account from some source'),
});

export const NewUser = z.object({
  username: Username,
  displayName: z.string().min(1).max(120).optional(),
  roles: Roles,
  password: Password.optional().describe('leave out to have one generated and shown once'),
}).strict();

export const UserChanges = z.object({
  displayName: z.string().min(1).max(120).optional(),
  roles: Roles.optional(),
  disabled: z.boolean().optional().describe('a disabled account cannot sign in; its sessions end and its tokens stop working'),
}).strict();

export const SetPassword = z.object({ password: Password.optional().describe('leave out to have one generated and shown once') }).strict();
export const ChangeOwnPassword = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }).strict();

export const CreatedUser = z.object({ user: UserView, password: z.string().optional().describe('the generated password, shown this once') });
export const GeneratedPassword = z.object({ password: z.string().optional().describe('the generated password, shown this once') });

export const TokenView = z.object({
  id: z.string().describe('the public id, for listing and revoking; not the token'),
  name: z.string(),
  username: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type TokenViewT = z.infer<typeof TokenView>;

export const NewToken = z.object({
  name: z.string().min(1).max(80).describe('what it is for: "ci pipeline", "laptop CLI"'),
  days: z.number().int().min(1).max(366).optional().describe('days until it expires (default: INTERLOCK_TOKEN_DAYS)'),
}).strict();
export const IssuedToken = TokenView.extend({ token: z.string().describe('the token itself: shown this once, stored only as a hash') });

export const SignInBody = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(256) }).strict();

export const SessionView = z.object({
  user: UserView.pick({ id: true, username: true, displayName: true, roles: true, source: true }),
  via: z.enum(['session', 'token', 'internal']),
  csrfToken: z.string().optional().describe('a session\'s: send it as X-CSRF-Token on every request that changes something'),
  expiresAt: z.string().optional().describe('a session\'s absolute end (it also ends after the idle timeout)'),
});

export const AuthMethods = z.object({
  password: z.literal(true),
  oidc: z.object({ name: z.string(), start: z.string() }).nullable().describe('sign-in at the identity provider, when configured'),
});
