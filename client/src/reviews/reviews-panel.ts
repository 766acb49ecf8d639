// The Reviews area: the list, a request's page, and the meeting pack; the URL remembers which
// request is open (cr=) so a link opens it.
import type { Finding } from '../../../server/impact/change-schema.js';
import { h, replace } from '../dom.js';
import { openMeetingPack, type PackHost } from './meeting-pack.js';
import { ReviewPage } from './review-page.js';
import { reviewList } from './review-list.js';
import { reviewsApi } from './reviews-api.js';

export interface ReviewsHost extends PackHost {
  showFinding(f: Finding | undefined): Promise<void>;
  remember(cr: string | undefined): void;
}

export class ReviewsPanel {
  constructor(private readonly root: HTMLElement, private readonly host: ReviewsHost) {}

  async showList(): Promise<void> {
    this.host.remember(undefined);
    void this.host.showFinding(undefined);
    replace(this.root, h('p', { class: 'muted' }, 'Loading change requests…'));
    const items = await reviewsApi.list();
    replace(this.root, h('h2', {}, 'Change requests'),
      h('p', { class: 'hint' }, 'Raise one from a what-if. Tick requests to print a meeting pack.'),
      reviewList(items, { open: (id) => void this.open(id), pack: (ids) => void openMeetingPack(ids, this.host) }));
  }

  /** A request's page; `signOutcome` when the identity provider just sent the signer back to it. */
  async open(id: string, signOutcome?: string): Promise<void> {
    this.host.remember(id);
    const review = await reviewsApi.get(id);
    new ReviewPage(this.root, review, { showFinding: (f) => this.host.showFinding(f), back: () => void this.showList(), changed: () => {} }, signOutcome).render();
  }
}
