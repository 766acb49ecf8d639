// The Traffic tab: bring a Zeek conn.log (a file from disk, or the demo capture of the reference
// plant), have the server compare it with the declared flows and stored rules, and read the answer
// as counts per category, the findings, and their edges on the topology. Nothing is written.
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import { api, ApiError, type TrafficAnswerT } from '../api-client.js';
import { h, replace } from '../dom.js';
import { trafficCounts, trafficFindingsList } from './traffic-findings.js';

export type TrafficSource = 'demo' | 'file';

export interface TrafficHost {
  /** Draws the findings over the topology; none removes the overlay. */
  draw(findings: readonly TrafficFinding[]): Promise<void>;
  showFinding(finding: TrafficFinding | undefined): Promise<void>;
  /** What a link can reproduce: the demo capture and the finding picked (a file from disk cannot be linked). */
  remember(source: TrafficSource | undefined, finding: string | undefined): void;
  print(answer: TrafficAnswerT, captureName: string): void;
}

const number = (n: number) => n.toLocaleString('en');

function captureLine(a: TrafficAnswerT, name: string): HTMLElement {
  const c = a.capture;
  const window = c.firstSeen && c.lastSeen ? ` · ${c.firstSeen.replace('T', ' ').slice(0, 19)} to ${c.lastSeen.slice(11, 19)} UTC` : '';
  return h('div', { class: 'traffic-capture', id: 'traffic-capture' },
    h('p', {}, h('strong', {}, name), ` · ${c.form === 'json' ? 'JSON lines' : 'Zeek TSV'} · ${number(c.connections)} connections, ` +
      `${number(c.communications)} distinct communications${window}`),
    a.notUnderstoodCount > 0 ? h('details', { class: 'not-understood' },
      h('summary', {}, `${number(a.notUnderstoodCount)} line${a.notUnderstoodCount === 1 ? '' : 's'} not understood`),
      h('ul', {}, ...a.notUnderstood.map((p) => h('li', {}, `line ${p.line}: ${p.reason}`)))) : false);
}

export class TrafficPanel {
  private answer: { data: TrafficAnswerT; source: TrafficSource; name: string } | undefined;
  private active: string | undefined;
  private readonly file = h('input', { type: 'file', id: 'traffic-file', accept: '.log,.json,.ndjson,.jsonl,.txt,text/plain,application/json' });
  private readonly resultBox = h('div', { class: 'result-box', id: 'traffic-result' });

  constructor(private readonly root: HTMLElement, private readonly host: TrafficHost) {}

  render(): void {
    this.file.addEventListener('change', () => {
      const picked = this.file.files?.[0];
      if (picked) void this.load(() => api.traffic(picked), 'file', picked.name);
    });
    replace(this.root,
      h('h2', {}, 'Observed traffic'),
      h('p', { class: 'hint' }, 'Compare a Zeek conn.log (TSV or JSON lines) with the declared flows and the stored firewall rules. Nothing is written to the site.'),
      h('label', { class: 'field traffic-pick' }, h('span', { class: 'field-label' }, 'A conn.log from disk'), this.file),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', id: 'traffic-demo', onclick: () => void this.useDemo() }, 'Use the demo capture'),
        h('button', { type: 'button', id: 'traffic-clear', onclick: () => void this.clear() }, 'Clear traffic')),
      this.resultBox);
  }

  /** The reference plant's shipped capture, as the server holds it; `finding` is picked once drawn. */
  async useDemo(finding?: string): Promise<void> {
    await this.load(async () => api.traffic(await api.demoCapture()), 'demo', 'Demo capture (reference plant, one hour)');
    if (finding && this.answer?.data.findings.some((f) => f.id === finding)) {
      await this.pick(finding);
      this.resultBox.querySelector('.finding.active')?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
    }
  }

  private async load(ask: () => Promise<TrafficAnswerT>, source: TrafficSource, name: string): Promise<void> {
    replace(this.resultBox, h('p', { class: 'muted', id: 'traffic-running' }, 'Reading the capture and comparing it with the model…'));
    try {
      const data = await ask();
      this.answer = { data, source, name };
      this.active = undefined;
      await this.host.showFinding(undefined);
      await this.host.draw(data.findings);
      this.host.remember(source, undefined);
      this.renderResult();
    } catch (error) {
      this.answer = undefined;
      await this.host.draw([]);
      this.host.remember(undefined, undefined);
      const body = error instanceof ApiError ? error.body : undefined;
      replace(this.resultBox, h('div', { class: 'error', id: 'traffic-error' },
        h('strong', {}, 'The capture was not read: '), error instanceof Error ? error.message : String(error),
        body?.errors ? h('ul', {}, ...body.errors.slice(0, 20).map((e) => h('li', {}, `${e.path}: ${e.message}`))) : false));
    }
  }

  /** Picks a finding (again: unpicks it); resolves once its path is drawn. */
  async pick(id: string): Promise<void> {
    if (!this.answer) return;
    this.active = this.active === id ? undefined : id;
    const finding = this.answer.data.findings.find((f) => f.id === this.active);
    this.host.remember(this.answer.source, this.active);
    this.renderResult();
    await this.host.showFinding(finding);
  }

  /** The finding's highlight was cleared elsewhere (the banner's Clear): unpick it, keep the overlay. */
  forget(): void {
    if (!this.answer || this.active === undefined) return;
    this.active = undefined;
    this.host.remember(this.answer.source, undefined);
    this.renderResult();
  }

  async clear(): Promise<void> {
    this.answer = undefined;
    this.active = undefined;
    this.file.value = '';
    await this.host.showFinding(undefined);
    await this.host.draw([]);
    this.host.remember(undefined, undefined);
    replace(this.resultBox);
  }

  private renderResult(): void {
    if (!this.answer) return;
    const { data, name } = this.answer;
    replace(this.resultBox,
      captureLine(data, name),
      trafficCounts(data.findings),
      h('p', { class: 'traffic-message' }, data.summary.message),
      h('div', { class: 'button-row' }, h('button', { type: 'button', id: 'traffic-print', onclick: () => this.host.print(data, name) }, 'Print view')),
      data.findings.length > 0 ? trafficFindingsList(data.findings, (id) => void this.pick(id), this.active) : h('p', { class: 'muted' }, 'The capture agrees with the model.'));
  }
}
