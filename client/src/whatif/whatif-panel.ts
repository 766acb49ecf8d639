// The what-if panel: compose one change, check it with the shared schema, ask the server, show
// the verdict and the findings. Nothing here writes to the graph: an assessment is read-only.
import { Change, type Finding } from '../../../server/impact/change-schema.js';
import { api, ApiError, type ImpactResponseT } from '../api-client.js';
import { h, replace } from '../dom.js';
import { describeChange } from './describe-change.js';
import { findingsList, verdict } from './findings-list.js';
import { FirewallForm } from './firewall-form.js';
import { showIssues } from './form-kit.js';
import { AuthForm, PatchForm } from './patch-auth-forms.js';
import { formShows } from './same-change.js';
import { raiseForm } from '../reviews/raise-form.js';

type Kind = 'firewall' | 'patch' | 'auth';
const KINDS: Array<[Kind, string]> = [['firewall', 'Firewall rules'], ['patch', 'Patch'], ['auth', 'Auth policy']];

export interface WhatIfHost {
  conduits(): Array<{ id: string; name: string }>;
  selected(): string | undefined;
  showFinding(finding: Finding | undefined): Promise<void>;
  remember(change: string | undefined, finding: number | undefined): void;
  print(result: ImpactResponseT, change: Change): void;
  /** Opens a change request just raised from this what-if. */
  openReview(id: string): void;
}

export class WhatIfPanel {
  private kind: Kind = 'firewall';
  private forms!: { firewall: FirewallForm; patch: PatchForm; auth: AuthForm };
  private readonly formBox = h('div', { class: 'form-box' });
  private readonly issues = h('div', { class: 'form-issues', id: 'form-issues', hidden: true });
  private readonly linkNote = h('p', { class: 'warning', id: 'link-note', hidden: true });
  private readonly resultBox = h('div', { class: 'result-box', id: 'whatif-result' });
  private readonly kindButtons = new Map<Kind, HTMLButtonElement>();
  private result: { response: ImpactResponseT; change: Change } | undefined;
  private active: number | undefined;

  constructor(private readonly root: HTMLElement, private readonly host: WhatIfHost) {}

  /** Builds the forms; called once the view (and so the conduit list) is known. */
  render(): void {
    this.forms = { firewall: new FirewallForm(this.host.conduits()), patch: new PatchForm(() => this.host.selected()), auth: new AuthForm() };
    const kinds = h('div', { class: 'segmented', role: 'tablist' }, ...KINDS.map(([k, label]) => {
      const b = h('button', { type: 'button', class: 'seg', 'data-kind': k, onclick: () => this.setKind(k) }, label);
      this.kindButtons.set(k, b);
      return b;
    }));
    replace(this.root,
      h('h2', {}, 'Try a change'),
      h('p', { class: 'hint' }, 'Compose a change and assess it before raising it. Nothing is written to the site.'),
      kinds, this.linkNote, this.issues, this.formBox,
      h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'primary', id: 'run-whatif', onclick: () => void this.run() }, 'Assess change')),
      this.resultBox);
    this.setKind(this.kind);
  }

  setKind(kind: Kind): void {
    this.kind = kind;
    for (const [k, b] of this.kindButtons) b.classList.toggle('active', k === kind);
    replace(this.formBox, this.forms[kind].element);
  }

  async openConduit(id: string): Promise<void> {
    this.setKind('firewall');
    await this.forms.firewall.setConduit(id);
  }

  async run(): Promise<void> {
    this.linkNote.hidden = true;
    const parsed = Change.safeParse(this.forms[this.kind].value());
    showIssues(this.formBox, this.issues, parsed.success ? [] : parsed.error.issues);
    if (!parsed.success) return;
    await this.assess(parsed.data);
  }

  /**
   * Reproduces a change remembered in the URL (a shared link): shows it in its form, ready to
   * edit, assesses it and picks the finding the link names.
   */
  async restore(json: string, finding?: number): Promise<void> {
    let change: Change;
    try {
      change = Change.parse(JSON.parse(json));
    } catch {
      replace(this.resultBox, h('p', { class: 'error', id: 'whatif-error' }, 'The change in this link could not be read; compose it again.'));
      return;
    }
    this.setKind(change.kind);
    await this.fill(change);
    this.linkNote.textContent = 'This link holds more than the form can show; it is assessed as linked. Assessing the form instead drops what is not shown.';
    this.linkNote.hidden = formShows(change, this.forms[change.kind].value());
    await this.assess(change, finding);
  }

  private async fill(change: Change): Promise<void> {
    if (change.kind === 'firewall') await this.forms.firewall.fill(change);
    else if (change.kind === 'patch') this.forms.patch.fill(change);
    else this.forms.auth.fill(change);
  }

  private async assess(change: Change, finding?: number): Promise<void> {
    replace(this.resultBox, h('p', { class: 'muted', id: 'whatif-running' }, 'Assessing…'));
    void this.host.showFinding(undefined);
    try {
      const response = await api.impact({ change });
      this.result = { response, change };
      this.active = undefined;
      this.host.remember(JSON.stringify(change), undefined);
      this.renderResult();
      this.resultBox.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
      if (finding !== undefined && response.findings[finding]) {
        await this.pick(finding);
        this.resultBox.querySelector('.finding.active')?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
      }
    } catch (error) {
      this.result = undefined;
      const body = error instanceof ApiError ? error.body : undefined;
      replace(this.resultBox, h('div', { class: 'error', id: 'whatif-error' },
        h('strong', {}, error instanceof ApiError && error.status === 404 && !body?.errors ? 'The impact service did not answer: ' : 'The change was refused: '),
        error instanceof Error ? error.message : String(error),
        body?.errors ? h('ul', {}, ...body.errors.map((e) => h('li', {}, `${e.path}: ${e.message}`))) : false));
    }
  }

  /** Resolves once the finding's path is drawn. */
  async pick(index: number): Promise<void> {
    if (!this.result) return;
    this.active = this.active === index ? undefined : index;
    const shown = this.host.showFinding(this.active === undefined ? undefined : this.result.response.findings[this.active]);
    this.host.remember(JSON.stringify(this.result.change), this.active);
    this.renderResult();
    await shown;
  }

  private renderResult(): void {
    if (!this.result) return;
    const { response, change } = this.result;
    replace(this.resultBox,
      h('p', { class: 'change-line' }, describeChange(change)),
      verdict(response),
      response.findings.length > 0 ? findingsList(response, (i) => void this.pick(i), this.active) : false,
      h('div', { class: 'button-row' },
        h('button', { type: 'button', id: 'print-view-btn', onclick: () => this.host.print(response, change) }, 'Print view'),
        h('button', { type: 'button', id: 'raise-open', onclick: (e: Event) => {
          (e.target as HTMLButtonElement).replaceWith(raiseForm(change, describeChange(change), (id) => this.host.openReview(id)));
        } }, 'Raise change request')));
  }
}
