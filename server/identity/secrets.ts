// Secrets: session ids and API tokens come from the CSPRNG; only their SHA-256 is stored (they are
// 256-bit random, so a fast hash is enough: there is nothing to guess); comparisons of
// caller-supplied secrets are constant-time.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256Hex(a), 'hex');
  const y = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(x, y);
}

const SECRET_PARAMETERS = new Set(['code', 'state', 'token', 'access_token', 'id_token', 'session_state']);

/** A URL fit for a log line: the values of query parameters that carry secrets (an OIDC callback's code) left out. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  for (const key of [...query.keys()]) if (SECRET_PARAMETERS.has(key.toLowerCase())) query.set(key, '…');
  return `${url.slice(0, at)}?${query}`;
}

/**
 * The CSRF token of a session, derived from its secret id: only the holder of the http-only cookie
 * can be told it (GET /api/auth/session, same origin), and nothing more needs storing.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('interlock csrf v1').digest('base64url');
}
