// Signing for one discipline: approve or reject, a comment, and proof that the signer is at the
// keyboard — an Interlock account re-enters its password; an account of the identity provider
// re-authenticates there (the provider sends the browser back to the request, signed or refused,
// see step-up-outcome.ts). The signature covers the assessment hash shown on the page.
import type { Discipline } from '../../../server/reviews/schemas.js';
import { h } from '../dom.js';
import { currentSession } from '../signin/session.js';
import { reviewsApi, type ReviewT } from './reviews-api.js';

export function signForm(review: ReviewT, discipline: Discipline, done: (r: ReviewT) => void, failed: (e: unknown) => void): HTMLElement {
  const meaning = h('select', { id: `sign-${discipline}-meaning` }, h('option', { value: 'approve' }, 'Approve'), h('option', { value: 'reject' }, 'Reject'));
  const comment = h('textarea', { id: `sign-${discipline}-comment`, rows: 2, maxlength: 2000, placeholder: 'Comment for the record' });
  const intent = () => ({ meaning: meaning.value as 'approve' | 'reject', comment: comment.value, assessmentHash: review.assessment!.hash });
  const atProvider = currentSession()?.user.source === 'oidc';
  const password = h('input', { id: `sign-${discipline}-password`, type: 'password', autocomplete: 'current-password', required: true });
  const submit = async () => {
    try {
      if (atProvider) {
        // The provider asks for a fresh log-in and sends the browser back with the outcome.
        location.assign((await reviewsApi.reauth(review.id, discipline, intent())).url);
        return;
      }
      done(await reviewsApi.sign(review.id, discipline, { ...intent(), password: password.value }));
    } catch (error) {
      failed(error);
    }
  };
  return h('form', { class: 'sign-form', id: `sign-${discipline}-form`, onsubmit: (e: Event) => { e.preventDefault(); void submit(); } },
    h('h3', {}, `Sign for ${discipline}`),
    h('p', { class: 'muted small' }, `You sign assessment ${review.assessment!.hash.slice(0, 16)}… of revision ${review.assessment!.revision}.`),
    h('label', {}, 'Decision', meaning), h('label', {}, 'Comment', comment),
    atProvider
      ? h('p', { class: 'muted small', id: `sign-${discipline}-reauth-hint` }, 'Your account signs in at the identity provider: it will ask you to log in again, then bring you back here with the signature recorded.')
      : h('label', {}, 'Your password', password),
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary', id: `sign-${discipline}-submit` },
      atProvider ? 'Re-authenticate at the identity provider and sign' : 'Sign')));
}
