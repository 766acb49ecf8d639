// The explorer's session: who is signed in and the CSRF token every changing request echoes. The
// session itself is an http-only cookie the page never sees.
import type { z } from 'zod';
import { AuthMethods, SessionView } from '../../../server/identity/schemas.js';

export type SessionT = z.infer<typeof SessionView>;
export type AuthMethodsT = z.infer<typeof AuthMethods>;

let current: SessionT | undefined;

const CSRF_HEADER = 'x-csrf-token';

export const csrfHeaders = (): Record<string, string> => (current?.csrfToken ? { [CSRF_HEADER]: current.csrfToken } : {});

/** The session loaded at start-up (undefined before, or when signed out). */
export const currentSession = (): SessionT | undefined => current;

/** The signed-in session, or undefined when the browser has none (or it has ended). */
export async function loadSession(): Promise<SessionT | undefined> {
  const res = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
  if (res.status === 401) return undefined;
  if (!res.ok) throw new Error(`Interlock answered ${res.status} when asked who is signed in`);
  current = SessionView.parse(await res.json());
  return current;
}

export async function authMethods(): Promise<AuthMethodsT> {
  return AuthMethods.parse(await (await fetch('/api/auth/methods')).json());
}

/** Signs in; the answer's message when refused. */
export async function signIn(username: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const res = await fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.ok) {
    current = SessionView.parse(await res.json());
    return { ok: true };
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: false, message: body.message ?? `Sign-in failed (${res.status}).` };
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', { method: 'POST', headers: csrfHeaders() });
  current = undefined;
}
