// The graph canvas: owns the Cytoscape instance, loads views into it, lays them out and reports
// taps. Large views use Cytoscape's WebGL renderer (3.31+), with the 2D canvas as fallback when
// the browser has no WebGL2.
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import type { GraphElementT } from '../../../server/graph/graph-schema.js';
import { purdueLayout, type LayoutAsset, type LayoutLink, type LayoutZone } from '../layouts/purdue-layout.js';
import { PURDUE_NAMES, familyOf } from '../theme.js';
import { LAYOUT_SCALE, stylesheet } from './stylesheet.js';

/** Above this many elements the WebGL renderer takes over. */
export const WEBGL_THRESHOLD = 1500;
const MAX_FIT_ZOOM = 1.1;

export interface CanvasEvents {
  select(id: string | null): void;
  toggleZone(id: string): void;
}

export interface Timings {
  /** Fetching and parsing the view (set by the app). */
  fetchMs?: number;
  layoutMs: number;
  loadMs: number;
  elements: number;
  renderer: 'webgl' | 'canvas';
}

function webglAvailable(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

/**
 * Adds what only the browser needs to the server's elements: the asset family class, the zone
 * title size, and conduits oriented top-down (the upper zone as source) so their labels sit just
 * under the upper zone, clear of the lower zone's title.
 */
function decorate(el: GraphElementT, levelOf: (zone: string) => number | undefined, zf: number): ElementDefinition {
  const d = el.data;
  if (d.kind === 'asset') return { group: el.group, data: { ...d }, classes: `${el.classes} fam-${familyOf(d.type).id}` };
  if (d.kind === 'zone') return { group: el.group, data: { ...d, zf }, classes: el.classes };
  if (d.kind === 'conduit' && (levelOf(d.target) ?? 0) > (levelOf(d.source) ?? 0)) {
    return { group: el.group, data: { ...d, source: d.target, target: d.source }, classes: el.classes };
  }
  return { group: el.group, data: { ...d }, classes: el.classes };
}

/** Zone and band titles grow as the view zooms out, so the overview stays readable. */
const ZONE_FONT = { min: 17, max: 26, summaryMax: 20, screen: 10.5 };

/**
 * Spreads parallel edges (two conduits between the same zones, two flows between the same
 * assets) apart. Every edge is drawn as an unbundled bezier with its own bend: Cytoscape's
 * bundled beziers can throw when edges of one bundle are shown and hidden independently
 * (cytoscape.js#3324), which flows are, constantly.
 */
function assignBends(cy: Core): void {
  const groups = new Map<string, cytoscape.EdgeSingular[]>();
  cy.edges().forEach((e) => {
    const [a, b] = [e.data('source') as string, e.data('target') as string].sort();
    const key = `${e.data('kind')}|${a}|${b}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  });
  for (const edges of groups.values()) {
    const step = edges[0]!.data('kind') === 'conduit' ? 64 : 30;
    edges.forEach((e, i) => {
      const bend = (i - (edges.length - 1) / 2) * step;
      // The bend is measured to the left of source→target, so reversed edges flip it.
      e.data('bend', e.data('source') < e.data('target') ? bend : -bend);
    });
  }
}

export class GraphCanvas {
  cy!: Core;
  private webgl = false;
  private large = false;
  private zoneFont = ZONE_FONT.min;
  timings: Timings = { layoutMs: 0, loadMs: 0, elements: 0, renderer: 'canvas' };

  constructor(private readonly container: HTMLElement, private readonly events: CanvasEvents) {}

  private create(webgl: boolean): void {
    this.cy?.destroy();
    // The WebGL option changes a renderer prototype for the rest of the page, so once on, stay on.
    this.webgl = webgl || this.webgl;
    this.cy = cytoscape({
      container: this.container,
      style: stylesheet(this.large),
      wheelSensitivity: 0.35,
      minZoom: 0.04,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: true,
      // Hide edges and labels while panning a big view so it stays fluid.
      hideEdgesOnViewport: false,
      textureOnViewport: false,
      webgl: this.webgl,
    });
    this.cy.on('tap', (e: EventObject) => {
      if (e.target === this.cy) this.events.select(null);
      else this.events.select((e.target as cytoscape.SingularElementArgument).id());
    });
    this.cy.on('zoom', () => this.fitFonts());
    this.cy.on('dbltap', 'node.zone', (e: EventObject) => this.events.toggleZone((e.target as cytoscape.NodeSingular).id()));
  }

  /** Replaces the whole view. */
  show(elements: GraphElementT[], large: boolean): Timings {
    const t0 = performance.now();
    this.large = large;
    const wantWebgl = elements.length > WEBGL_THRESHOLD && webglAvailable();
    if (!this.cy || (wantWebgl && !this.webgl)) this.create(wantWebgl);
    else this.cy.style(stylesheet(large));
    const levels = new Map(elements.flatMap((e) => (e.data.kind === 'zone' ? [[e.data.id, e.data.purdueLevel] as const] : [])));
    this.zoneFont = Math.round((elements.length > WEBGL_THRESHOLD ? ZONE_FONT.max : ZONE_FONT.min) * (large ? 1.45 : 1));
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements.map((e) => decorate(e, (z) => levels.get(z), this.zoneFont)));
      assignBends(this.cy);
    });
    const loadMs = performance.now() - t0;
    const layoutMs = this.layout();
    this.fit();
    this.timings = { layoutMs, loadMs, elements: elements.length, renderer: this.webgl ? 'webgl' : 'canvas' };
    return this.timings;
  }

  /** Adds the elements not yet in the view (e.g. a SIF path reaching into a collapsed zone). */
  merge(elements: GraphElementT[]): boolean {
    const missing = elements.filter((el) => this.cy.getElementById(el.data.id).empty());
    if (missing.length === 0) return false;
    this.cy.batch(() => {
      for (const el of missing) {
        if (el.data.kind === 'asset' && this.cy.getElementById(el.data.parent).empty()) continue;
        // A summary zone receiving some of its assets becomes a partly open zone.
        if (el.data.kind === 'asset') this.cy.getElementById(el.data.parent).removeClass('summary');
        this.cy.add(decorate(el, (z) => this.cy.getElementById(z).data('purdueLevel') as number | undefined, this.zoneFont));
      }
      assignBends(this.cy);
    });
    this.layout();
    return true;
  }

  /** Re-measures the container after the page around it changed size. */
  resize(): void {
    this.cy?.resize();
  }

  setLarge(large: boolean): void {
    this.large = large;
    this.cy.resize();
    this.cy.style(stylesheet(large));
    this.layout();
  }

  /** Runs the Purdue layout over what is visible; returns how long it took, in ms. */
  layout(): number {
    const t0 = performance.now();
    const cy = this.cy;
    const zones: LayoutZone[] = [];
    cy.nodes('.zone').not('.filtered').forEach((n) => {
      zones.push({ id: n.id(), level: n.data('purdueLevel'), summary: n.hasClass('summary'), label: n.hasClass('summary') ? n.data('summaryLabel') : n.data('label') });
    });
    const assets: LayoutAsset[] = [];
    cy.nodes('.asset').not('.filtered').forEach((n) => {
      assets.push({ id: n.id(), zone: n.data('parent'), type: n.data('type') });
    });
    const links: LayoutLink[] = [];
    cy.edges('.conduit').not('.filtered').forEach((e) => {
      links.push({ source: e.data('source'), target: e.data('target') });
    });
    const { positions, boxes, bands } = purdueLayout(zones, assets, links, this.large ? LAYOUT_SCALE.large : LAYOUT_SCALE.normal);
    const left = Math.min(...[...boxes.values()].map((b) => b.x)) - 60;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (p && n.isChildless()) n.position(p);
      });
      // Purdue band titles down the left edge: the hierarchy reads before any zone does.
      cy.nodes('.band').remove();
      cy.add(bands.map((b) => ({
        group: 'nodes' as const,
        data: { id: `band:${b.level}`, kind: 'band', label: PURDUE_NAMES[String(b.level)] ?? `Level ${b.level}`, zf: this.zoneFont },
        position: { x: left, y: b.top - 22 },
        classes: 'band',
        selectable: false,
        grabbable: false,
      })));
    });
    this.fitFonts(true);
    return performance.now() - t0;
  }

  /**
   * Keeps zone titles near ZONE_FONT.screen pixels on screen, within [min, max] graph units. A
   * zone is a compound node, so restyling it restyles every asset inside: above the WebGL
   * threshold the titles keep the largest size instead of following the zoom.
   */
  private fitFonts(force = false): void {
    const scale = this.large ? 1.45 : 1;
    const big = this.cy.elements().length > WEBGL_THRESHOLD;
    const wanted = big ? ZONE_FONT.max : Math.min(ZONE_FONT.max, Math.max(ZONE_FONT.min, ZONE_FONT.screen / this.cy.zoom()));
    const size = Math.round(wanted * scale);
    if (size === this.zoneFont && !force) return;
    this.zoneFont = size;
    // A summary box has a fixed size, so its text stops growing sooner.
    const summary = Math.min(size, Math.round(ZONE_FONT.summaryMax * scale));
    // Only touch nodes whose size changes: new data on a compound restyles all its children.
    this.cy.batch(() => {
      this.cy.nodes('.zone, .band').not('.summary').filter((n) => n.data('zf') !== size).data('zf', size);
      this.cy.nodes('.zone.summary').filter((n) => n.data('zf') !== summary).data('zf', summary);
    });
  }

  /** Fits the view; twice, because titles resize with the zoom and so change what must fit. */
  fit(ids?: string[]): void {
    const target = ids?.reduce((acc, id) => acc.union(this.cy.getElementById(id)), this.cy.collection());
    for (let i = 0; i < 2; i += 1) {
      this.cy.fit(target && target.nonempty() ? target : undefined, 36);
      // A path of one or two assets would fill the screen; keep its surroundings in sight.
      if (this.cy.zoom() > MAX_FIT_ZOOM) this.cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
      this.fitFonts();
    }
  }

  focus(id: string): void {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    this.cy.elements(':selected').unselect();
    el.select();
    if (el.hasClass('zone')) {
      this.fit([id]);
      return;
    }
    const box = el.boundingBox();
    if (this.cy.zoom() < 0.8) this.cy.zoom({ level: 0.9, position: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } });
    this.cy.center(el);
  }

  png(full: boolean, scale = 2): string {
    return this.cy.png({ full, scale, bg: '#ffffff', output: 'base64uri' });
  }
}
