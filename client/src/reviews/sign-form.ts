// Signing for one discipline: approve or reject, a comment, and the signer's password again. The
// signature covers the assessment hash shown on the page.
import type { Discipline } from '../../../server/reviews/schemas.js';
import { h } from '../dom.js';
import { reviewsApi, type ReviewT } from './reviews-api.js';

export function signForm(review: ReviewT, discipline: Discipline, done: (r: ReviewT) => void, failed: (e: unknown) => void): HTMLElement {
  const meaning = h('select', { id: `sign-${discipline}-meaning` }, h('option', { value: 'approve' }, 'Approve'), h('option', { value: 'reject' }, 'Reject'));
  const comment = h('textarea', { id: `sign-${discipline}-comment`, rows: 2, maxlength: 2000, placeholder: 'Comment for the record' });
  const password = h('input', { id: `sign-${discipline}-password`, type: 'password', autocomplete: 'current-password', required: true });
  const submit = async () => {
    try {
      done(await reviewsApi.sign(review.id, discipline, {
        meaning: meaning.value as 'approve' | 'reject', comment: comment.value, password: password.value, assessmentHash: review.assessment!.hash,
      }));
    } catch (error) {
      failed(error);
    }
  };
  return h('form', { class: 'sign-form', id: `sign-${discipline}-form`, onsubmit: (e: Event) => { e.preventDefault(); void submit(); } },
    h('h3', {}, `Sign for ${discipline}`),
    h('p', { class: 'muted small' }, `You sign assessment ${review.assessment!.hash.slice(0, 16)}… of revision ${review.assessment!.revision}.`),
    h('label', {}, 'Decision', meaning), h('label', {}, 'Comment', comment), h('label', {}, 'Your password', password),
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary', id: `sign-${discipline}-submit` }, 'Sign')));
}
