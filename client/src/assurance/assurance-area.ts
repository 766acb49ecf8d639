// The Assurance area of the explorer: its navigation in the sidebar (the views, the as-of date,
// print), its view in the middle and the detail (why-chain, control, evidence, zone) on the right.
// Each draw supersedes the previous one; when one is done, #assurance says which view it drew
// (data-drawn), for people waiting on it and for the browser tests.
import { h, replace } from '../dom.js';
import { ASSURANCE_VIEWS, type AssuranceState, type AssuranceView } from './assurance-state.js';
import { DEFAULT_PROFILE, today, type AreaContext } from './area-context.js';
import { resizeCharts } from './charts.js';
import { controlsView } from './controls-view.js';
import { evidenceView } from './evidence-view.js';
import { frameworksView } from './frameworks-view.js';
import { risksView } from './risks-view.js';
import { zonesView } from './zones-view.js';

export interface AreaHost {
  state(): AssuranceState;
  setState(next: AssuranceState): void;
  showOnTopology(ids: string[], label: string): void;
  showZoneGap(zone?: string): void;
}

const VIEWS: Record<AssuranceView, { title: string; hint: string; draw: (ctx: AreaContext) => Promise<void> }> = {
  frameworks: { title: 'Frameworks', hint: 'compliance, maturity, why', draw: frameworksView },
  controls: { title: 'Control baseline', hint: 'every control, per domain', draw: controlsView },
  evidence: { title: 'Evidence', hint: 'what expires when', draw: evidenceView },
  risks: { title: 'Risks', hint: 'registers, flags, treatment', draw: risksView },
  zones: { title: 'Zones', hint: 'SL-C against SL-T', draw: zonesView },
};

export class AssuranceArea {
  private generation = 0;
  private readonly main: HTMLElement;
  private readonly detail: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly pane: HTMLElement, private readonly host: AreaHost) {
    this.main = h('div', { id: 'assurance-main', class: 'assurance-main' });
    this.detail = h('aside', { id: 'assurance-detail', class: 'assurance-detail info', 'aria-live': 'polite' });
    replace(root, this.main, this.detail);
  }

  private renderPane(): void {
    const state = this.host.state();
    replace(this.pane,
      h('h2', {}, 'As of'),
      h('input', { type: 'date', id: 'as-of', value: state.asOf ?? today(), 'aria-label': 'The date every number is as of',
        onchange: (e: Event) => this.set({ asOf: (e.target as HTMLInputElement).value || undefined }, true) }),
      h('p', { class: 'hint' }, 'Every number is computed from the graph as of this date.'),
      h('h2', {}, 'Views'),
      h('ul', { class: 'pick-list' }, ...ASSURANCE_VIEWS.map((v) => h('li', {},
        h('button', { type: 'button', class: `pick view-pick${state.view === v ? ' active' : ''}`, 'data-view': v, onclick: () => this.set({ view: v }, true) },
          h('span', { class: 'pick-text' }, h('strong', {}, VIEWS[v].title), h('span', {}, VIEWS[v].hint)))))),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'small', id: 'assurance-print', onclick: () => window.print() }, 'Print this view'),
        h('a', { class: 'button small', id: 'open-report', href: `./report?asOf=${state.asOf ?? today()}&profile=${state.profile ?? DEFAULT_PROFILE}`, target: '_blank' }, 'Board report')));
  }

  private set(patch: Partial<AssuranceState>, redraw = false): void {
    const next = { ...this.host.state(), ...patch };
    // Another view, or another date: what was open in the old one does not carry over.
    if (patch.view && patch.view !== this.host.state().view && !('ctl' in patch)) Object.assign(next, { req: undefined, ev: undefined, ctl: undefined });
    this.host.setState(next);
    if (redraw) void this.draw();
  }

  async draw(): Promise<void> {
    const generation = ++this.generation;
    const state = this.host.state();
    this.renderPane();
    delete this.root.dataset.drawn;
    this.root.classList.add('loading');
    const host = this.host;
    const ctx: AreaContext = {
      // Live: a change made without a redraw (typing in a filter) is seen by what draws next.
      get state() {
        return host.state();
      },
      asOf: state.asOf ?? today(), profile: state.profile ?? DEFAULT_PROFILE, main: this.main, detail: this.detail,
      set: (patch, redraw) => this.set(patch, redraw),
      showOnTopology: (ids, label) => this.host.showOnTopology(ids, label),
      showZoneGap: (zone) => this.host.showZoneGap(zone),
    };
    const t0 = performance.now();
    try {
      await VIEWS[state.view].draw(ctx);
    } catch (error) {
      if (generation === this.generation) replace(this.main, h('p', { class: 'error' }, `Could not load ${VIEWS[state.view].title}: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (generation !== this.generation) return;
    this.root.classList.remove('loading');
    // Charts are drawn on the next frame, once their boxes have a size: done after that.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (generation !== this.generation) return;
    this.root.dataset.drawn = state.view;
    this.root.dataset.drawMs = String(Math.round(performance.now() - t0));
  }

  resize(): void {
    resizeCharts();
  }
}
