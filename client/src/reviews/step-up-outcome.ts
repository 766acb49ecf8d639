// What the identity provider's round trip came to, when a signer re-authenticated there: the
// callback sends the browser back to the request with ?sign=<outcome> (server/routes/review-reauth.ts).
// Shown once above the request; the explorer's next URL update drops it.
import { h } from '../dom.js';

const REFUSALS: Record<string, string> = {
  expired: 'The re-authentication took too long or was already used; sign again.',
  'not-fresh': 'The identity provider did not ask you to log in again (it remembered an earlier log-in), so it does not prove you are at the keyboard; sign again.',
  'other-person': 'Someone other than you logged in at the identity provider; the signature was not recorded.',
  'no-role': 'The identity provider no longer gives you a role that signs; ask an admin.',
  disabled: 'Your account is disabled.',
  forbidden: 'You may not sign this request for that discipline.',
  conflict: 'The request changed while you were at the identity provider (signed by someone else, reassessed, or decided); read it again.',
  'precondition-failed': 'The request changed while you were at the identity provider; read it again.',
  'not-found': 'The request no longer exists.',
  failed: 'Re-authentication at the identity provider failed; try again.',
};

/** The outcome of a re-authentication in the page's own URL (read once, at start-up), if any. */
export const stepUpOutcome = (): string | undefined => new URLSearchParams(location.search).get('sign') ?? undefined;

export function stepUpNotice(outcome: string): HTMLElement {
  return outcome === 'ok'
    ? h('p', { class: 'ok', id: 'sign-outcome', role: 'status' }, 'You re-authenticated at the identity provider: your signature is recorded below.')
    : h('p', { class: 'error', id: 'sign-outcome', role: 'alert', 'data-reason': outcome }, `Not signed. ${REFUSALS[outcome] ?? 'Interlock refused the signature; try again.'}`);
}
