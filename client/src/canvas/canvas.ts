// The graph canvas: owns the Cytoscape instance, loads views into it, lays them out and reports
// taps. Large views use Cytoscape's WebGL renderer (3.31+), with the 2D canvas as fallback when
// the browser has no WebGL2.
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import type { GraphElementT } from '../../../server/views/view-schema.js';
import { purdueLayout, type Band, type LayoutResult } from '../layouts/purdue-layout.js';
import { PURDUE_NAMES, familyOf } from '../theme.js';
import { addInChunks } from './add-in-chunks.js';
import { bends } from './bends.js';
import { hideDrawProgress, showDrawProgress } from './draw-progress.js';
import { inputFromDefinitions, inputFromGraph, type LayoutInput } from './layout-input.js';
import { LAYOUT_SCALE, stylesheet } from './stylesheet.js';

/** Above this many elements the WebGL renderer takes over. */
export const WEBGL_THRESHOLD = 1500;
/** Above this many elements a view is added a slice at a time, so the page never freezes. */
export const CHUNKED_THRESHOLD = 1500;
const CHUNK = { size: 500, framesEvery: 3 };
const MAX_FIT_ZOOM = 1.1;

export interface CanvasEvents {
  select(id: string | null): void;
  toggleZone(id: string): void;
}

export interface Timings {
  /** Fetching and parsing the view (set by the app). */
  fetchMs?: number;
  layoutMs: number;
  /** Adding the elements; for a large view, all its slices and the frames drawn between them. */
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

/** Sets each edge definition's bend, spreading parallel edges apart (see bends.ts). */
function withBends(defs: ElementDefinition[]): ElementDefinition[] {
  const edges = defs.filter((d) => d.group === 'edges');
  const bend = bends(edges.map((d) => ({ kind: String(d.data.kind), source: String(d.data.source), target: String(d.data.target) })));
  edges.forEach((d, i) => {
    d.data.bend = bend[i];
  });
  return defs;
}

export class GraphCanvas {
  cy!: Core;
  private webgl = false;
  private large = false;
  private zoneFont = ZONE_FONT.min;
  /** Counts the views shown, so a slow draw can tell it was replaced. */
  private generation = 0;
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

  /**
   * Replaces the whole view. A large view is laid out from its definitions first, then added a
   * slice at a time in its final place; resolves undefined when a newer view replaced it meanwhile.
   */
  async show(elements: GraphElementT[], large: boolean): Promise<Timings | undefined> {
    const generation = ++this.generation;
    const t0 = performance.now();
    this.large = large;
    const wantWebgl = elements.length > WEBGL_THRESHOLD && webglAvailable();
    if (!this.cy || (wantWebgl && !this.webgl)) this.create(wantWebgl);
    else this.cy.style(stylesheet(large));
    const levels = new Map(elements.flatMap((e) => (e.data.kind === 'zone' ? [[e.data.id, e.data.purdueLevel] as const] : [])));
    this.zoneFont = Math.round((elements.length > WEBGL_THRESHOLD ? ZONE_FONT.max : ZONE_FONT.min) * (large ? 1.45 : 1));
    const defs = withBends(elements.map((e) => decorate(e, (z) => levels.get(z), this.zoneFont)));
    let layoutMs: number;
    if (defs.length <= CHUNKED_THRESHOLD) {
      this.cy.batch(() => {
        this.cy.elements().remove();
        this.cy.add(defs);
      });
      layoutMs = this.layout();
    } else {
      performance.mark('interlock:draw-start');
      const t1 = performance.now();
      const layout = this.computeLayout(inputFromDefinitions(defs));
      layoutMs = performance.now() - t1;
      for (const d of defs) {
        const p = layout.positions.get(String(d.data.id));
        if (p && d.group === 'nodes') d.position = p;
      }
      this.cy.elements().remove();
      this.frame(layout);
      const done = await addInChunks(this.cy, defs, { ...CHUNK, progress: showDrawProgress, superseded: () => generation !== this.generation });
      if (!done) return undefined;
      this.placeBands(layout);
      this.fitFonts(true);
      performance.mark('interlock:draw-end');
    }
    hideDrawProgress();
    this.fit();
    this.timings = { layoutMs, loadMs: performance.now() - t0 - layoutMs, elements: elements.length, renderer: this.webgl ? 'webgl' : 'canvas' };
    return this.timings;
  }

  /** Points the viewport at where a view being drawn will be, before any of it is there. */
  private frame({ boxes }: LayoutResult): void {
    const all = [...boxes.values()];
    if (all.length === 0) return;
    const x1 = Math.min(...all.map((b) => b.x));
    const y1 = Math.min(...all.map((b) => b.y));
    const x2 = Math.max(...all.map((b) => b.x + b.w));
    const y2 = Math.max(...all.map((b) => b.y + b.h));
    // Cytoscape ignores a zoom outside its limits rather than clamping it, as fit() does.
    const zoom = Math.max(this.cy.minZoom(), Math.min(MAX_FIT_ZOOM, (this.cy.width() - 72) / (x2 - x1), (this.cy.height() - 72) / (y2 - y1)));
    this.cy.viewport({ zoom, pan: { x: (this.cy.width() - zoom * (x1 + x2)) / 2, y: (this.cy.height() - zoom * (y1 + y2)) / 2 } });
  }

  /** Re-measures the container after the page around it changed size. */
  resize(): void {
    this.cy?.resize();
  }

  /** Re-measures the container (the legend may have closed) and restyles and lays out for the size. */
  setLarge(large: boolean): void {
    this.large = large;
    this.cy.resize();
    this.cy.style(stylesheet(large));
    this.layout();
  }

  private computeLayout(input: LayoutInput): LayoutResult {
    return purdueLayout(input.zones, input.assets, input.links, this.large ? LAYOUT_SCALE.large : LAYOUT_SCALE.normal);
  }

  /** Runs the Purdue layout over what is visible; returns how long it took, in ms. */
  layout(): number {
    const t0 = performance.now();
    const cy = this.cy;
    const layout = this.computeLayout(inputFromGraph(cy));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = layout.positions.get(n.id());
        if (p && n.isChildless()) n.position(p);
      });
      this.placeBands(layout);
    });
    this.fitFonts(true);
    return performance.now() - t0;
  }

  /** Purdue band titles down the left edge: the hierarchy reads before any zone does. */
  private placeBands({ boxes, bands }: LayoutResult): void {
    const left = Math.min(...[...boxes.values()].map((b) => b.x)) - 60;
    this.cy.batch(() => {
      this.cy.nodes('.band').remove();
      this.cy.add(bands.map((b: Band) => ({
        group: 'nodes' as const,
        data: { id: `band:${b.level}`, kind: 'band', label: PURDUE_NAMES[String(b.level)] ?? `Level ${b.level}`, zf: this.zoneFont },
        position: { x: left, y: b.top - 22 },
        classes: 'band',
        selectable: false,
        grabbable: false,
      })));
    });
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
      this.cy.fit(target?.nonempty() ? target : undefined, 36);
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
