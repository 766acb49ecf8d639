// The Reviews area's list: requests grouped by status, stale ones marked, each with its sign-offs
// so far; tick requests to put them in a meeting pack.
import { STATUSES } from '../../../server/reviews/schemas.js';
import { badge, h } from '../dom.js';
import { SEVERITY_COLORS, type Severity } from '../theme.js';
import type { ReviewItemT } from './reviews-api.js';

export interface ListHost {
  open(id: string): void;
  pack(ids: string[]): void;
}

export function signOffs(item: Pick<ReviewItemT, 'required' | 'signatures'>): string {
  if (item.required.length === 0) return 'not assessed';
  return item.required.map((d) => {
    const s = item.signatures.find((x) => x.discipline === d);
    return `${d}: ${s ? `${s.meaning === 'approve' ? '✓' : '✗'} ${s.username}` : 'awaiting'}`;
  }).join(' · ');
}

export function reviewList(items: ReviewItemT[], host: ListHost): HTMLElement {
  const picked = new Set<string>();
  const packButton = h('button', { type: 'button', id: 'pack-open', disabled: true, onclick: () => host.pack(items.filter((i) => picked.has(i.id)).map((i) => i.id)) }, 'Meeting pack');
  const row = (item: ReviewItemT) => h('li', { class: `review-item${item.stale ? ' stale' : ''}`, 'data-id': item.id, 'data-status': item.status },
    h('input', {
      type: 'checkbox', 'aria-label': `Put ${item.title} in the meeting pack`, class: 'pack-pick',
      onchange: (e: Event) => {
        if ((e.target as HTMLInputElement).checked) picked.add(item.id);
        else picked.delete(item.id);
        packButton.disabled = picked.size === 0;
      },
    }),
    h('button', { type: 'button', class: 'link review-open', onclick: () => host.open(item.id) }, item.title),
    item.stale ? badge('STALE', '#b45309', 'Its assessment read something that has changed since: reassess it') : false,
    item.maxSeverity ? badge(item.maxSeverity, SEVERITY_COLORS[item.maxSeverity as Severity]) : false,
    h('div', { class: 'muted small' }, `${item.id} · by ${item.requester.displayName} · ${signOffs(item)}`));
  const groups = STATUSES.map((status) => [status, items.filter((i) => i.status === status)] as const).filter(([, list]) => list.length > 0);
  return h('div', { id: 'review-list' },
    h('div', { class: 'button-row' }, packButton),
    items.length === 0 ? h('p', { class: 'muted' }, 'No change requests yet: raise one from a what-if.') : false,
    ...groups.map(([status, list]) => h('section', { class: 'review-group', 'data-status': status },
      h('h2', {}, `${status} (${list.length})`),
      h('ul', { class: 'pick-list' }, ...list.map(row)))));
}
