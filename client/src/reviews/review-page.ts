// One change request's page: the change, why and when, its assessment with the findings (pick one
// to light its path up), what changed since when it is stale, the signatures, and the buttons the
// signed-in user may use — the others disabled with the server's own reason beside them.
import type { Change, Finding, ImpactRequest } from '../../../server/impact/change-schema.js';
import type { Discipline } from '../../../server/reviews/schemas.js';
import { ApiError } from '../api-client.js';
import { badge, h, replace } from '../dom.js';
import { describeChange } from '../whatif/describe-change.js';
import { findingsList, verdict } from '../whatif/findings-list.js';
import { assessmentDiff } from './assessment-diff.js';
import { reviewsApi, type ReviewT } from './reviews-api.js';
import { signForm } from './sign-form.js';
import { stepUpNotice } from './step-up-outcome.js';

export interface PageHost {
  showFinding(f: Finding | undefined): Promise<void>;
  back(): void;
  changed(): void;
}

type Permission = ReviewT['you']['edit'];

export const changesIn = (review: Pick<ReviewT, 'request'>): Change[] => {
  const r = review.request as { change?: Change; changes?: Change[] };
  return r.change ? [r.change] : (r.changes ?? []);
};

export function signatureRows(review: ReviewT): HTMLElement {
  const required = review.assessment?.required ?? [];
  return h('table', { class: 'signatures', id: 'signatures' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Discipline'), h('th', {}, 'Signed by'), h('th', {}, 'Decision'), h('th', {}, 'When'), h('th', {}, 'Comment'))),
    h('tbody', {}, ...required.map((d) => {
      const s = review.signatures.find((x) => x.discipline === d);
      return h('tr', { 'data-discipline': d },
        h('td', {}, d), h('td', {}, s ? `${s.displayName} (${s.username})` : '—'), h('td', {}, s ? s.meaning : 'awaiting'),
        h('td', {}, s ? new Date(s.at).toLocaleString() : ''), h('td', {}, s?.comment ?? ''));
    })));
}

export class ReviewPage {
  private active: number | undefined;
  private readonly message = h('p', { class: 'error', id: 'review-error', hidden: true });
  private readonly forms = h('div', { class: 'sign-forms' });

  /** What a re-authentication at the identity provider came to, shown until the next action. */
  private notice: HTMLElement | false;

  constructor(private readonly root: HTMLElement, private review: ReviewT, private readonly host: PageHost, signOutcome?: string) {
    this.notice = signOutcome ? stepUpNotice(signOutcome) : false;
  }

  render(): void {
    const r = this.review;
    const a = r.assessment;
    replace(this.root,
      h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'small', id: 'review-back', onclick: () => this.host.back() }, '← All requests')),
      h('h2', {}, r.id),
      h('h3', { class: 'review-title', id: 'review-title' }, r.title),
      h('div', { class: 'review-badges' }, badge(r.status, '#334155'), r.stale ? badge('STALE', '#b45309') : false),
      h('p', { class: 'muted small' }, `Raised by ${r.requester.displayName} · window ${new Date(r.window.start).toLocaleString()} – ${new Date(r.window.end).toLocaleString()}`),
      h('p', { id: 'review-pane-reason' }, r.reason),
      h('ul', { class: 'change-lines' }, ...changesIn(r).map((c) => h('li', { class: 'change-line' }, describeChange(c)))),
      r.stale ? h('div', { class: 'warning stale-box', id: 'stale-box' },
        h('strong', {}, `Stale: since revision ${a?.revision} these changed — reassess before a decision.`),
        h('ul', {}, ...r.staleBecause.map((c) => h('li', {}, `${c.collection}/${c.entity}: ${c.op} at revision ${c.revision}${c.actor ? ` by ${c.actor}` : ''}`))),
        h('button', { type: 'button', class: 'small', id: 'review-preview', onclick: (e: Event) => void this.preview(e.target as HTMLButtonElement) }, 'Compare with a fresh assessment')) : false,
      r.implemented ? h('p', { class: 'ok', id: 'implemented' }, `Implemented at revision ${r.implemented.revision} by ${r.implemented.by}, ${new Date(r.implemented.at).toLocaleString()}.`) : false,
      this.notice,
      this.message,
      this.actions(),
      this.forms,
      a ? h('section', { id: 'review-assessment' },
        h('h2', {}, `Assessment · revision ${a.revision}`),
        h('p', { class: 'muted small hash' }, `Hash ${a.hash}`),
        h('p', { class: 'muted small' }, `Needs sign-off: ${a.required.join(' and ')}`),
        verdict(a.answer),
        a.answer.findings.length ? findingsList(a.answer, (i) => void this.pick(i), this.active) : false) : h('p', { class: 'muted' }, 'Not assessed yet: submit it to run and store the assessment.'),
      h('h2', {}, 'Signatures'),
      signatureRows(r));
  }

  private actions(): HTMLElement {
    const you = this.review.you;
    const button = (id: string, label: string, p: Permission, onclick: () => void) =>
      h('div', { class: 'action' },
        h('button', { type: 'button', id, disabled: !p.allowed, title: p.why ?? undefined, onclick }, label),
        p.why ? h('span', { class: 'why muted small', 'data-for': id }, p.why) : false);
    return h('div', { class: 'review-actions', id: 'review-actions' },
      button('review-edit', 'Edit…', you.edit, () => this.openEdit()),
      button('review-submit', 'Submit', you.submit, () => void this.step('submit')),
      button('review-reassess', 'Reassess', you.reassess, () => void this.step('reassess')),
      button('review-sign-security', 'Sign for security…', you.signSecurity, () => this.openSign('security')),
      button('review-sign-safety', 'Sign for safety…', you.signSafety, () => this.openSign('safety')),
      button('review-implement', 'Implement', you.implement, () => void this.step('implement')),
      button('review-withdraw', 'Withdraw', you.withdraw, () => void this.step('withdraw')));
  }

  /** Shows, in place of the button, how the findings would differ if reassessed now (nothing is stored). */
  private async preview(button: HTMLButtonElement): Promise<void> {
    try {
      button.replaceWith(await assessmentDiff(this.review.request as ImpactRequest, this.review.assessment?.answer.findings ?? []));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Title and reason, sent with the version shown: an edit dismisses the assessment and signatures. */
  private openEdit(): void {
    const r = this.review;
    const title = h('input', { id: 'edit-title', type: 'text', value: r.title, maxlength: 200 });
    const reason = h('textarea', { id: 'edit-reason', rows: 3, maxlength: 4000 });
    reason.value = r.reason;
    const save = async () => {
      try {
        this.updated(await reviewsApi.edit(r.id, r.version, { title: title.value, reason: reason.value }));
      } catch (error) {
        this.fail(error);
      }
    };
    replace(this.forms, h('form', { class: 'sign-form', id: 'edit-form', onsubmit: (e: Event) => { e.preventDefault(); void save(); } },
      h('h3', {}, 'Edit the request'),
      r.signatures.length || r.assessment ? h('p', { class: 'warning small' }, 'Saving makes it a draft again: its assessment and signatures are dismissed.') : false,
      h('label', {}, 'Title', title), h('label', {}, 'Reason', reason),
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary', id: 'edit-save' }, 'Save'))));
  }

  private openSign(discipline: Discipline): void {
    replace(this.forms, signForm(this.review, discipline, (r) => this.updated(r), (e) => this.fail(e)));
  }

  private async step(verb: 'submit' | 'reassess' | 'withdraw' | 'implement'): Promise<void> {
    try {
      this.updated(await reviewsApi.step(this.review.id, verb));
    } catch (error) {
      this.fail(error);
    }
  }

  private updated(review: ReviewT): void {
    this.review = review;
    this.notice = false;
    this.active = undefined;
    this.render();
    this.host.changed();
  }

  private fail(error: unknown): void {
    replace(this.message, error instanceof ApiError || error instanceof Error ? error.message : String(error));
    this.message.hidden = false;
  }

  private async pick(index: number): Promise<void> {
    const a = this.review.assessment;
    if (!a) return;
    this.active = this.active === index ? undefined : index;
    this.render();
    await this.host.showFinding(this.active === undefined ? undefined : a.answer.findings[this.active]);
  }
}
