// Path views over the topology: a SIF's safety path, an asset's neighbourhood, a finding's path.
// Each highlights its elements, fades the rest, and says so in a banner with a way back.
import type { CollectionReturnValue } from 'cytoscape';
import type { Finding } from '../../server/impact/change-schema.js';
import type { GraphElementT, SifGraphT } from '../../server/graph/graph-schema.js';
import { api } from './api-client.js';
import type { GraphCanvas } from './canvas/canvas.js';
import type { ZoneCollapser } from './canvas/collapse.js';
import { clearHighlight, highlight, highlightedIds, type PathIds } from './canvas/highlight.js';
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

/** What to frame for a highlighted path: its assets and links, not the whole of every zone on it. */
function focusIds(hl: CollectionReturnValue): string[] {
  const inner = hl.not('.zone');
  return (inner.nonempty() ? inner : hl).map((e) => e.id());
}

export class PathViews {
  /** The SIF whose safety path is shown, if any. */
  sif: SifGraphT | undefined;
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
    const hl = highlight(this.canvas.cy, this.pathOf(graph.elements));
    for (const el of graph.elements) {
      if (el.data.kind !== 'asset' || !el.data.safetyRoles) continue;
      const roles = el.data.safetyRoles.map((r) => `${r.role === 'FINAL_ELEMENT' ? 'FINAL' : r.role} ${r.voting}`).join(', ');
      this.canvas.cy.getElementById(el.data.id).data('roleLabel', `${el.data.id}\n${roles}`);
    }
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
    const hl = highlight(this.canvas.cy, this.pathOf(view.elements));
    this.canvas.fit(focusIds(hl));
    const assets = view.elements.filter((e) => e.data.kind === 'asset').length;
    this.showBanner(`Neighbourhood of ${id} · ${depth} hop${depth > 1 ? 's' : ''} · ${assets} assets${view.truncated ? ' (cut at the size limit)' : ''}`, 'nb');
  }

  showFinding(f: Finding | undefined): void {
    if (!f) {
      if (!this.sif) this.clearPaths(false);
      return;
    }
    const hl = highlight(this.canvas.cy, f.path, f.severity);
    this.canvas.fit(focusIds(hl));
    this.showBanner(`${f.rule} · ${f.severity} · its path is highlighted`, 'finding');
  }

  /** Brings a path's elements into the view, opening the zones the user collapsed on the way. */
  private merge(elements: GraphElementT[]): boolean {
    for (const el of elements) {
      if (el.data.kind === 'asset' && this.host.collapser.expand(el.data.parent)) this.host.update({ collapsed: this.host.collapser.collapsed() });
    }
    return this.canvas.merge(elements);
  }

  private pathOf(elements: Array<{ group: string; data: { id: string } }>): PathIds {
    return { nodes: elements.filter((e) => e.group === 'nodes').map((e) => e.data.id), edges: elements.filter((e) => e.group === 'edges').map((e) => e.data.id) };
  }

  clearPaths(refresh = true): void {
    clearHighlight(this.canvas.cy);
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
    const before = { hl: highlightedIds(cy), zoom: cy.zoom(), pan: { ...cy.pan() } };
    const selected = cy.$(':selected');
    selected.unselect();
    const hl = f ? highlight(cy, f.path, f.severity) : cy.collection();
    this.canvas.fit(hl.nonempty() ? focusIds(hl) : undefined);
    const png = this.canvas.png(false, 1.5);
    clearHighlight(cy);
    if (before.hl.length) highlight(cy, { nodes: before.hl, edges: [] });
    cy.viewport({ zoom: before.zoom, pan: before.pan });
    selected.select();
    return png;
  }

  highlighted(): string[] {
    return highlightedIds(this.canvas.cy);
  }
}
