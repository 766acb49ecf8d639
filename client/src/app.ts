// The explorer's controller: holds the view state (mirrored in the URL), loads views into the
// canvas and keeps the panels in step with it.
import type { Finding } from '../../server/impact/change-schema.js';
import type { GraphViewT } from '../../server/views/view-schema.js';
import type { PathIds } from './canvas/highlight.js';
import { api } from './api-client.js';
import type { AssuranceArea } from './assurance/assurance-area.js';
import { today } from './assurance/area-context.js';
import { clearZoneGaps, colourZoneGaps } from './assurance/sl-gap-colours.js';
import { GraphCanvas } from './canvas/canvas.js';
import { ZoneCollapser } from './canvas/collapse.js';
import { applyFilters, isFiltering, type Filters } from './controls/filters.js';
import { renderSifList, renderZoneList, type ZoneItem } from './controls/pick-lists.js';
import { Toolbar } from './controls/toolbar.js';
import { byId, h, replace } from './dom.js';
import { InfoPanel, type Selection } from './panels/info-panel.js';
import { overviewPanel } from './panels/info-topology.js';
import { renderLegend } from './panels/legend.js';
import type { PanelContext } from './panels/panel-kit.js';
import { PathViews } from './path-views.js';
import { openPrintView } from './print/print-view.js';
import { TrafficView } from './traffic/traffic-view.js';
import { parseState, TABS, writeState, type Tab, type ViewState } from './url-state.js';
import { openMeetingPack } from './reviews/meeting-pack.js';
import { ReviewsPanel } from './reviews/reviews-panel.js';
import { stepUpOutcome } from './reviews/step-up-outcome.js';
import { WhatIfPanel } from './whatif/whatif-panel.js';
import { ZoneLocator } from './zone-locator.js';


export class App {
  state: ViewState = parseState(location.search);
  readonly canvas = new GraphCanvas(byId('cy'), { select: (id) => this.select(id), toggleZone: (id) => void this.toggleZone(id) });
  readonly collapser = new ZoneCollapser(() => this.canvas.cy);
  readonly locator = new ZoneLocator(() => this.canvas.cy);
  readonly info: InfoPanel;
  readonly toolbar: Toolbar;
  readonly whatif: WhatIfPanel;
  readonly paths: PathViews;
  readonly traffic: TrafficView;
  readonly reviews: ReviewsPanel;
  /** Set once a meeting pack named in the URL is on screen (the PDF rendering waits for it). */
  packReady = false;
  /** The Assurance area, loaded (with its charts) when first opened. */
  private area: Promise<AssuranceArea> | undefined;
  private view: GraphViewT | undefined;
  readonly ctx: PanelContext;
  ready = false;
  /** What a re-authentication at the identity provider came to: read before the first URL update drops it. */
  private readonly signOutcome = stepUpOutcome();

  constructor() {
    this.ctx = {
      goto: (id) => void this.goto(id),
      showSif: (id) => void this.paths.showSif(id),
      neighbourhood: (id, depth) => void this.paths.showNeighbourhood(id, depth),
      tryConduitChange: (id) => void this.tryConduitChange(id),
      toggleZone: (id) => void this.toggleZone(id),
      isCollapsed: (id) => this.collapser.isCollapsed(id),
      data: (id) => {
        const el = this.canvas.cy?.getElementById(id);
        return el?.nonempty() ? (el.data() as Record<string, unknown>) : undefined;
      },
      asOf: () => this.state.assurance.asOf ?? today(),
    };
    const ctx = this.ctx;
    this.info = new InfoPanel(ctx);
    this.paths = new PathViews({
      canvas: this.canvas, collapser: this.collapser, locator: this.locator, info: this.info, ctx,
      update: (patch) => this.update(patch),
      showExplore: () => this.setTab('explore'),
      reselect: () => this.select(this.state.sel ?? null),
      cleared: () => this.traffic.panel.forget(),
    });
    this.toolbar = new Toolbar({
      search: (q) => api.searchAssets(q),
      pick: (id) => void this.goto(id),
      setFilters: (f) => this.setFilters(f),
      setFlows: (on) => this.update({ flows: on }, () => this.canvas.cy.edges('.flow').toggleClass('shown', on)),
      setLarge: (on) => this.update({ large: on }, () => this.applyLarge()),
      fit: () => this.canvas.fit(),
      collapseAll: () => this.collapseAll(),
      expandAll: () => void this.expandAll(),
      exportPng: () => this.download(this.canvas.png(true), 'interlock-view.png'),
    }, this.state);
    this.whatif = new WhatIfPanel(byId('pane-whatif'), {
      conduits: () => this.canvas.cy.edges('.conduit').map((e) => ({ id: e.id(), name: String(e.data('name')) })),
      selected: () => this.state.sel,
      showFinding: (f) => this.paths.showFinding(f),
      remember: (change, finding) => this.update({ change, finding }),
      print: (result, change) => void this.paths.locate(result.findings.map((f) => f.path))
        .then(() => openPrintView(result, change, { snapshot: (f) => this.paths.snapshot(f), siteName: () => document.title })),
      openReview: (id) => {
        this.setTab('reviews', false);
        void this.reviews.open(id);
      },
    });
    this.traffic = new TrafficView({
      canvas: this.canvas, collapser: this.collapser, locator: this.locator, paths: this.paths,
      remember: (traffic, tf) => this.update({ traffic: traffic === 'demo' ? 'demo' : undefined, tf }),
    });
    this.reviews = new ReviewsPanel(byId('pane-reviews'), {
      showFinding: (f) => this.paths.showFinding(f),
      remember: (cr) => this.update({ cr }),
      ...this.packHost(),
    });
    byId<HTMLInputElement>('toggle-slgap').addEventListener('change', (e) => void this.setSlGap((e.target as HTMLInputElement).checked));
    for (const tab of TABS) byId(`tab-${tab}`).addEventListener('click', () => this.setTab(tab));
    byId('legend').addEventListener('legend-toggle', () => this.canvas.resize());
    window.addEventListener('resize', () => this.canvas.resize());
  }

  async start(): Promise<void> {
    renderLegend();
    this.setTab(this.state.tab);
    this.applyLarge();
    const [, sifs] = await Promise.all([this.loadView(), api.sifs()]);
    renderSifList(sifs, (id) => void this.paths.showSif(id));
    this.whatif.render();
    this.traffic.panel.render();
    // Opening a SIF switches to the Explore tab; the link says which tab was showing.
    const { tab, change, finding, cr, pack } = this.state;
    if (this.state.sif) await this.paths.showSif(this.state.sif);
    if (this.state.nb) await this.paths.showNeighbourhood(this.state.nb, this.state.depth);
    if (this.state.sel) await this.goto(this.state.sel);
    // Last, as it was picked last: the finding's path is what the link shows.
    if (change) await this.whatif.restore(change, finding);
    if (this.state.traffic) await this.traffic.panel.useDemo(this.state.tf);
    this.setTab(tab);
    if (tab === 'reviews') await (cr ? this.reviews.open(cr, this.signOutcome) : this.reviews.showList());
    if (tab === 'assurance') await this.drawAssurance();
    this.ready = true;
    if (pack.length) {
      await openMeetingPack(pack, this.packHost());
      this.packReady = true;
    }
  }

  private update(patch: Partial<ViewState>, then?: () => void): void {
    this.state = { ...this.state, ...patch };
    writeState(this.state);
    then?.();
  }

  private async loadView(): Promise<void> {
    replace(byId('status'), 'Loading the site…');
    const t0 = performance.now();
    const view = await api.topology(this.state.collapse, this.state.expand);
    const fetchMs = performance.now() - t0;
    this.view = view;
    this.collapser.reset();
    const timings = await this.canvas.show(view.elements, this.state.large);
    // A newer view (a click on "Expand all" while this one was drawn) took over.
    if (!timings) return;
    timings.fetchMs = fetchMs;
    for (const zone of this.state.collapsed) this.collapser.collapse(zone);
    const filters: Filters = { domain: this.state.domain, type: this.state.type, zone: this.state.zone };
    applyFilters(this.canvas.cy, filters);
    if (this.state.flows) this.canvas.cy.edges('.flow').addClass('shown');
    if (this.state.collapsed.length || isFiltering(filters)) {
      timings.layoutMs += this.canvas.layout();
      this.canvas.fit();
    }
    const zones: ZoneItem[] = view.elements.flatMap((e) => (e.data.kind === 'zone'
      ? [{ id: e.data.id, name: e.data.name, level: e.data.purdueLevel, safety: e.data.safety, belowTarget: e.data.belowTarget, domain: e.data.domain }] : []));
    renderZoneList(zones, (id) => void this.goto(id));
    this.toolbar.setZones(zones, this.state.zone);
    replace(byId('status'), `${view.counts.zones} zones · ${view.counts.assets} assets · ${view.counts.conduits} conduits` +
      ` · laid out in ${Math.round(timings.layoutMs)} ms (${timings.renderer})`);
    this.info.show(overviewPanel(view.counts, view.collapsed.length));
    if (this.state.slgap) await this.setSlGap(true);
    // The traffic overlay, then a path shown before a zone opened (or all did), drawn again over the new view.
    await this.traffic.overlay.redraw();
    await this.paths.redraw();
  }

  private packHost() {
    return { locate: (paths: PathIds[]) => this.paths.locate(paths), snapshot: (f: Finding) => this.paths.snapshot(f), siteName: () => document.title };
  }

  /** `list`: entering the Reviews tab shows the list (not when a request is opened straight away). */
  private setTab(tab: Tab, list = true): void {
    const was = this.state.tab;
    this.update({ tab });
    if (tab === 'reviews' && was !== 'reviews' && list && this.ready) void this.reviews.showList();
    // The what-if, traffic and reviews panes need a wider column (forms and finding cards); the
    // Assurance area takes the canvas's place.
    document.querySelector('.layout')?.classList.toggle('tab-whatif', tab !== 'explore' && tab !== 'assurance');
    document.querySelector('.layout')?.classList.toggle('tab-assurance', tab === 'assurance');
    document.body.classList.toggle('tab-assurance', tab === 'assurance');
    byId('assurance').hidden = tab !== 'assurance';
    // The canvas column changes width with the tab.
    this.canvas.resize();
    for (const t of TABS) {
      byId(`tab-${t}`).classList.toggle('active', t === tab);
      byId(`pane-${t}`).hidden = t !== tab;
    }
    // Opened by a click (at start, start() draws it once everything else is loaded).
    if (tab === 'assurance' && was !== 'assurance' && this.ready) void this.drawAssurance();
  }

  private async drawAssurance(): Promise<void> {
    this.area ??= import('./assurance/assurance-area.js').then(({ AssuranceArea }) => new AssuranceArea(byId('assurance'), byId('pane-assurance'), {
      state: () => this.state.assurance,
      setState: (assurance) => this.update({ assurance }),
      showOnTopology: (ids, label) => void this.paths.showApplied(ids, label),
      showZoneGap: (zone) => void this.showZoneGap(zone),
    }));
    await (await this.area).draw();
  }

  /** Zones coloured by SL gap (SL-T − SL-C from the controls), as of the Assurance area's date. */
  private async setSlGap(on: boolean): Promise<void> {
    this.update({ slgap: on });
    byId<HTMLInputElement>('toggle-slgap').checked = on;
    if (!on) return clearZoneGaps(this.canvas.cy);
    // The topology stays usable when the assurance numbers cannot be had (the graph in doubt).
    await colourZoneGaps(this.canvas.cy, this.state.assurance.asOf ?? today()).catch((error: unknown) => {
      replace(byId('status'), `Zones not coloured by SL gap: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async showZoneGap(zone?: string): Promise<void> {
    this.setTab('explore');
    await this.setSlGap(true);
    if (zone) await this.goto(zone);
  }

  private applyLarge(): void {
    document.documentElement.classList.toggle('large-text', this.state.large);
    // On a projector the graph needs the room; the legend stays one click away.
    byId('legend').classList.toggle('closed', this.state.large);
    if (this.canvas.cy) {
      this.canvas.setLarge(this.state.large);
      this.canvas.fit();
    }
    // Charts take the page's text size when drawn: draw the Assurance view again at the new size.
    if (this.state.tab === 'assurance' && this.ready) void this.drawAssurance();
  }

  select(id: string | null): void {
    const el = id ? this.canvas.cy.getElementById(id) : undefined;
    // An observed-traffic edge is its finding, picked in the Traffic tab; the overlay is no
    // selection of the site (not kept in the link, not shown again after a Clear).
    if (el?.hasClass('traffic-edge')) {
      this.setTab('traffic');
      void this.traffic.panel.pick(String(el.data('finding')));
      return;
    }
    if (el?.hasClass('traffic')) return;
    this.update({ sel: id ?? undefined });
    if (!id || !el) {
      if (this.paths.sif) this.paths.showSifPanel(this.paths.sif);
      else if (this.view) this.info.show(overviewPanel(this.view.counts, this.view.collapsed.length));
      return;
    }
    const kind = el.data('kind') as Selection['kind'] | undefined;
    if (kind) void this.info.select({ kind, id });
  }

  /** Selects and centres an element, opening its zone first if it is collapsed. */
  async goto(id: string): Promise<void> {
    if (this.canvas.cy.getElementById(id).empty()) {
      const asset = await api.asset(id).catch(() => undefined);
      if (asset) await this.openZone(asset.zone);
    }
    if (this.canvas.cy.getElementById(id).empty()) return;
    this.canvas.focus(id);
    this.select(id);
  }

  private async openZone(zone: string): Promise<void> {
    if (this.collapser.expand(zone)) this.zonesChanged();
    else if (this.canvas.cy.getElementById(zone).hasClass('summary')) {
      this.update({ expand: [...new Set([...this.state.expand, zone])] });
      await this.loadView();
    }
  }

  async toggleZone(zone: string): Promise<void> {
    const node = this.canvas.cy.getElementById(zone);
    if (this.collapser.isCollapsed(zone) || node.hasClass('summary')) await this.openZone(zone);
    else if (this.collapser.collapse(zone)) this.zonesChanged();
    if (this.state.sel === zone) this.select(zone);
  }

  /** After zones collapsed or opened in the browser: lay out again, and show the path on the new view. */
  private zonesChanged(): void {
    this.canvas.layout();
    this.update({ collapsed: this.collapser.collapsed() });
    void this.traffic.overlay.redraw().then(() => this.paths.redraw());
  }

  private collapseAll(): void {
    this.canvas.cy.nodes('.zone').forEach((z) => void this.collapser.collapse(z.id()));
    this.zonesChanged();
    this.canvas.fit();
  }

  private async expandAll(): Promise<void> {
    for (const zone of this.collapser.collapsed()) this.collapser.expand(zone);
    if (this.view && this.view.collapsed.length > 0) {
      this.update({ collapsed: [], collapse: 'none', expand: [] });
      await this.loadView();
    } else {
      this.zonesChanged();
      this.canvas.fit();
    }
  }

  private setFilters(f: Filters): void {
    this.update({ domain: f.domain, type: f.type, zone: f.zone });
    applyFilters(this.canvas.cy, f);
    this.canvas.layout();
    this.canvas.fit();
  }

  private async tryConduitChange(id: string): Promise<void> {
    this.setTab('whatif');
    await this.whatif.openConduit(id);
  }

  private download(dataUri: string, name: string): void {
    const a = h('a', { href: dataUri, download: name });
    document.body.append(a);
    a.click();
    a.remove();
  }

  highlighted(): string[] {
    return this.paths.highlighted();
  }
}
