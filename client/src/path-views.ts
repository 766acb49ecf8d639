// Path views over the topology: a SIF's safety path, an asset's neighbourhood, a finding's path.
// Each highlights its elements, fades the rest, and says so in a banner with a way back.
import type { CollectionReturnValue } from 'cytoscape';
import type { Finding } from '../../server/impact/change-schema.js';
import type { GraphElementT, SifGraphT } from '../../server/graph/graph-schema.js';
import { api } from './api-client.js';
import type { GraphCanvas } from './canvas/canvas.js';
import type { ZoneCollapser } from './canvas/collapse.js';
import { clearHighlight, highlight, highlightedIds, type PathIds } from './canvas/highlight.js';
import type { Severity } from './theme.js';
import { markSif } from './controls/pick-lists.js';
import { byId, h, replace } from './dom.js';
import type { InfoPanel } from './panels/info-panel.js';
import { sifPanel } from './panels/info-sif.js';
import type { PanelContext } from './panels/panel-kit.js';
import type { ViewState } from './url-state.js';

export interface PathHost {
  readonly canvas: GraphCanvas;
  readonly collapser: ZoneCollapser;
  readonly info: InfoPanel;
  readonly ctx: PanelContext;
  update(patch: Partial<ViewState>): void;
  showExplore(): void;
  /** Shows the selection again in the info panel, or the overview. */
  reselect(): void;
}

/** A path as highlighted: kept, so it can be drawn again when a zone on it collapses or opens. */
interface ShownPath {
  ids: PathIds;
  severity?: Severity;
  /** Labels naming each SIF element's role and voting, by asset id. */
  labels?: Map<string, string>;
}

/**
 * What to frame for a highlighted path: its assets and links, and the collapsed zones standing in
 * for some of them, not the whole of every open zone on it.
 */
function focusIds(hl: CollectionReturnValue): string[] {
  const inner = hl.not('node.zone:parent');
  return (inner.nonempty() ? inner : hl).map((e) => e.id());
}

export class PathViews {
  /** The SIF whose safety path is shown, if any. */
  sif: SifGraphT | undefined;
  private shown: ShownPath | undefined;
  private readonly banner = byId('banner');

  constructor(private readonly host: PathHost) {}

  private get canvas(): GraphCanvas {
    return this.host.canvas;
  }

  async showSif(id: string): Promise<void> {
    this.host.showExplore();
    const graph = await api.sifGraph(id);
    this.sif = graph;
    this.host.update({ sif: id, nb: undefined });
    if (this.merge(graph.elements)) this.canvas.fit();
    const labels = new Map(graph.elements.flatMap((el) => (el.data.kind === 'asset' && el.data.safetyRoles
      ? [[el.data.id, `${el.data.id}\n${el.data.safetyRoles.map((r) => `${r.role === 'FINAL_ELEMENT' ? 'FINAL' : r.role} ${r.voting}`).join(', ')}`] as const] : [])));
    const hl = this.draw({ ids: this.pathOf(graph.elements), labels });
    this.canvas.fit(focusIds(hl));
    markSif(id);
    const flows = graph.elements.filter((e) => e.data.kind === 'flow').length;
    this.showBanner(`Safety path of ${id} · SIL ${graph.sif.sil} · ${flows} flow${flows === 1 ? '' : 's'} · the rest is faded`, 'sif');
    this.host.info.show(sifPanel(graph, this.host.ctx, () => this.clearPaths()));
  }

  async showNeighbourhood(id: string, depth: number): Promise<void> {
    const view = await api.neighbourhood(id, depth);
    this.sif = undefined;
    markSif(undefined);
    this.host.update({ nb: id, depth, sif: undefined });
    if (this.merge(view.elements)) this.canvas.fit();
    const hl = this.draw({ ids: this.pathOf(view.elements) });
    this.canvas.fit(focusIds(hl));
    const assets = view.elements.filter((e) => e.data.kind === 'asset').length;
    this.showBanner(`Neighbourhood of ${id} · ${depth} hop${depth > 1 ? 's' : ''} · ${assets} assets${view.truncated ? ' (cut at the size limit)' : ''}`, 'nb');
  }

  showFinding(f: Finding | undefined): void {
    if (!f) {
      if (!this.sif) this.clearPaths(false);
      return;
    }
    const hl = this.draw({ ids: f.path, severity: f.severity });
    this.canvas.fit(focusIds(hl));
    this.showBanner(`${f.rule} · ${f.severity} · its path is highlighted`, 'finding');
  }

  /**
   * Brings a path's elements into the view (a server-side summary zone opens for them), except
   * those parked in a zone the user collapsed: that zone stands in for them, and stays collapsed.
   */
  private merge(elements: GraphElementT[]): boolean {
    return this.canvas.merge(elements.filter((el) => this.host.collapser.standIn(el.data.id).length === 0));
  }

  /** Highlights a path and remembers it, so that redraw() can show it again. */
  private draw(path: ShownPath): CollectionReturnValue {
    this.shown = path;
    const cy = this.canvas.cy;
    const hl = highlight(cy, path.ids, path.severity, (id) => this.host.collapser.standIn(id));
    for (const [id, label] of path.labels ?? []) cy.getElementById(id).data('roleLabel', label);
    return hl;
  }

  /** Highlights the path shown again, and frames it, after zones on it collapsed or opened. */
  redraw(): void {
    if (this.shown) this.canvas.fit(focusIds(this.draw(this.shown)));
  }

  private pathOf(elements: Array<{ group: string; data: { id: string } }>): PathIds {
    return { nodes: elements.filter((e) => e.group === 'nodes').map((e) => e.data.id), edges: elements.filter((e) => e.group === 'edges').map((e) => e.data.id) };
  }

  clearPaths(refresh = true): void {
    clearHighlight(this.canvas.cy);
    this.shown = undefined;
    this.sif = undefined;
    markSif(undefined);
    this.banner.hidden = true;
    this.host.update({ sif: undefined, nb: undefined });
    if (refresh) this.host.reselect();
  }

  private showBanner(text: string, kind: string): void {
    replace(this.banner, h('span', {}, text), h('button', { type: 'button', class: 'small', id: 'banner-clear', onclick: () => this.clearPaths() }, 'Clear'));
    this.banner.dataset.kind = kind;
    this.banner.hidden = false;
  }

  /** A picture of a finding's path for the print view; the screen view is put back afterwards. */
  snapshot(f?: Finding): string {
    const cy = this.canvas.cy;
    const before = { shown: this.shown, zoom: cy.zoom(), pan: { ...cy.pan() } };
    const selected = cy.$(':selected');
    selected.unselect();
    clearHighlight(cy);
    const hl = f ? this.draw({ ids: f.path, severity: f.severity }) : cy.collection();
    this.canvas.fit(hl.nonempty() ? focusIds(hl) : undefined);
    const png = this.canvas.png(false, 1.5);
    clearHighlight(cy);
    this.shown = before.shown;
    if (before.shown) this.draw(before.shown);
    cy.viewport({ zoom: before.zoom, pan: before.pan });
    selected.select();
    return png;
  }

  highlighted(): string[] {
    return highlightedIds(this.canvas.cy);
  }
}
