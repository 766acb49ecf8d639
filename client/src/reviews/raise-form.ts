// "Raise change request" under a what-if's answer: a title, the reason and the window, and the
// change exactly as assessed. The request starts as a DRAFT the requester then submits.
import type { Change } from '../../../server/impact/change-schema.js';
import { ApiError } from '../api-client.js';
import { h, replace } from '../dom.js';
import { reviewsApi } from './reviews-api.js';

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function raiseForm(change: Change, describe: string, opened: (id: string) => void): HTMLElement {
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setMinutes(0, 0, 0);
  const title = h('input', { id: 'raise-title', type: 'text', value: describe.slice(0, 200), maxlength: 200 });
  const reason = h('textarea', { id: 'raise-reason', rows: 3, maxlength: 4000, placeholder: 'Why is this change needed?' });
  const start = h('input', { id: 'raise-start', type: 'datetime-local', value: local(tomorrow) });
  const end = h('input', { id: 'raise-end', type: 'datetime-local', value: local(new Date(tomorrow.getTime() + 4 * 3600_000)) });
  const message = h('p', { class: 'error', id: 'raise-error', hidden: true });
  const submit = async () => {
    message.hidden = true;
    try {
      const created = await reviewsApi.raise({
        title: title.value, reason: reason.value,
        window: { start: new Date(start.value).toISOString(), end: new Date(end.value).toISOString() }, change,
      });
      opened(created.id);
    } catch (error) {
      const body = error instanceof ApiError ? error.body : undefined;
      replace(message, error instanceof Error ? error.message : String(error), body?.errors ? h('ul', {}, ...body.errors.map((e) => h('li', {}, `${e.path}: ${e.message}`))) : false);
      message.hidden = false;
    }
  };
  return h('form', { class: 'raise-form', id: 'raise-form', onsubmit: (e: Event) => { e.preventDefault(); void submit(); } },
    h('h3', {}, 'Raise change request'),
    h('label', {}, 'Title', title),
    h('label', {}, 'Reason', reason),
    h('div', { class: 'row' }, h('label', {}, 'Window from', start), h('label', {}, 'to', end)),
    message,
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary', id: 'raise-submit' }, 'Raise as draft')));
}
