// Who is calling: a signed-in user (through a browser session or an API token), or Interlock
// itself (start-up loading and warm-up). Every write names its actor in the change journal and
// the audit log; separation of duties compares `id`s, people read `username`.
import type { AppRole } from './roles.js';

export interface Actor {
  kind: 'user' | 'system';
  /** The account's id (stable); `interlock` for the system. */
  id: string;
  /** What the journal and the audit log name. */
  username: string;
  displayName: string;
  roles: readonly AppRole[];
  /** How the account proves who it is when signing: its Interlock password, or at the identity provider. */
  source?: 'local' | 'oidc';
  /** How the request was authenticated. */
  via: 'session' | 'token' | 'internal';
  /** The API token used, for the audit log (its id, never the token). */
  tokenId?: string;
  /** The session's hashed id, so sign-out can end exactly this session. */
  sessionKey?: string;
  /** Only for a session: the CSRF token state-changing requests must echo. */
  csrfToken?: string;
}

/** The name Interlock's own writes carry (the reference plant loaded at first start, warm-up reads). */
export const SYSTEM_NAME = 'interlock';

/** Names no account may take: the system's, and the placeholder of a refused anonymous caller. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([SYSTEM_NAME, 'anonymous', 'system']);

export function systemActor(roles: readonly AppRole[]): Actor {
  return { kind: 'system', id: SYSTEM_NAME, username: SYSTEM_NAME, displayName: 'Interlock', roles, via: 'internal' };
}

/** A CLI writing straight to the database (no server): the operating-system user who ran it. */
export function cliActorName(osUser: string): string {
  return `cli:${osUser}`;
}
