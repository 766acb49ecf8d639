// Path views over the topology: a SIF's safety path, an asset's neighbourhood, a finding's path.
// Each highlights its elements, fades the rest, and says so in a banner with a way back. A path
// never changes the view: a zone shown as a summary, by the server or the browser, stands in for
// the members it hides, and opening it shows them.
import type { CollectionReturnValue } from 'cytoscape';
import type { Finding } from '../../server/impact/change-schema.js';
import type { SifGraphT } from '../../server/views/view-schema.js';
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
import type { ZoneLocator } from './zone-locator.js';

export interface PathHost {
  readonly canvas: GraphCanvas;
  readonly collapser: ZoneCollapser;
  readonly locator: ZoneLocator;
  readonly info: InfoPanel;
  readonly ctx: PanelContext;
  update(patch: Partial<ViewState>): void;
  showExplore(): void;
  /** Shows the selection again in the info panel, or the overview. */
  reselect(): void;
  /** The highlight was cleared: a finding picked elsewhere is no longer shown. */
  cleared(): void;
}

/** What a finding path view needs of a finding: the impact findings and the traffic findings both have it. */
export interface PathFinding extends Pick<Finding, 'severity' | 'path'> {
  rule: string;
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
    this.host.locator.learn(graph.elements);
    const labels = new Map(graph.elements.flatMap((el) => (el.data.kind === 'asset' && el.data.safetyRoles
      ? [[el.data.id, `${el.data.id}\n${el.data.safetyRoles.map((r) => `${r.role === 'FINAL_ELEMENT' ? 'FINAL' : r.role} ${r.voting}`).join(', ')}`] as const] : [])));
    if (!(await this.drawAndFit({ ids: this.pathOf(graph.elements), labels }))) return;
    markSif(id);
    const flows = graph.elements.filter((e) => e.data.kind === 'flow').length;
    this.showBanner(`Safety path of ${id} · SIL ${graph.sif.sil} · ${flows} flow${flows === 1 ? '' : 's'} · the rest is faded`, 'sif');
    this.showSifPanel(graph);
  }

  /** Shows a SIF's panel in the info panel, its "Clear highlight" clearing the path. */
  showSifPanel(graph: SifGraphT): void {
    this.host.info.show(sifPanel(graph, this.host.ctx, () => this.clearPaths()));
  }

  async showNeighbourhood(id: string, depth: number): Promise<void> {
    const view = await api.neighbourhood(id, depth);
    this.sif = undefined;
    markSif(undefined);
    this.host.update({ nb: id, depth, sif: undefined });
    this.host.locator.learn(view.elements);
    if (!(await this.drawAndFit({ ids: this.pathOf(view.elements) }))) return;
    const assets = view.elements.filter((e) => e.data.kind === 'asset').length;
    this.showBanner(`Neighbourhood of ${id} · ${depth} hop${depth > 1 ? 's' : ''} · ${assets} assets${view.truncated ? ' (cut at the size limit)' : ''}`, 'nb');
  }

  async showFinding(f: PathFinding | undefined): Promise<void> {
    if (!f) {
      if (!this.sif) this.clearPaths(false);
      return;
    }
    if (!(await this.drawAndFit({ ids: f.path, severity: f.severity }))) return;
    this.showBanner(`${f.rule} · ${f.severity} · its path is highlighted`, 'finding');
  }

  /** Lights up where something applies (a control's zones, assets and conduits); none: every zone. */
  async showApplied(ids: string[], label: string): Promise<void> {
    this.host.showExplore();
    this.sif = undefined;
    markSif(undefined);
    this.host.update({ sif: undefined, nb: undefined });
    const cy = this.canvas.cy;
    const targets = ids.length > 0 ? ids : cy.nodes('.zone').map((z) => z.id());
    // A zone it applies to covers what is in it: its assets light up with it rather than fade.
    const shown = [...new Set([...targets, ...targets.flatMap((id) => cy.getElementById(id).children().map((c) => c.id()))])];
    if (!(await this.drawAndFit({ ids: { nodes: shown, edges: [] } }))) return;
    this.showBanner(`${label} · ${ids.length > 0 ? `${ids.length} element${ids.length === 1 ? '' : 's'}` : 'site-wide: every zone'} · the rest is faded`, 'applied');
  }

  /**
   * Highlights a path and frames it once the zones standing in for its hidden members are known;
   * false, drawing nothing, when another path (or none) took its place meanwhile.
   */
  private async drawAndFit(path: ShownPath): Promise<boolean> {
    this.shown = path;
    await this.locate([path.ids]);
    if (this.shown !== path) return false;
    this.canvas.fit(focusIds(this.paint(path)));
    return true;
  }

  /** Finds the summary zones hiding members of these paths, so that paint() can light them up. */
  async locate(paths: PathIds[]): Promise<void> {
    // Without an answer the path is still drawn, only without stand-ins for the members it hides.
    await this.host.locator.locate(paths.flatMap((p) => [...p.nodes, ...p.edges])).catch(() => undefined);
  }

  /** Highlights a path, with the zones standing in for the members it hides. */
  private paint(path: ShownPath): CollectionReturnValue {
    const cy = this.canvas.cy;
    const standIn = (id: string) => {
      const collapsed = this.host.collapser.standIn(id);
      return collapsed.length > 0 ? collapsed : this.host.locator.standIn(id);
    };
    const hl = highlight(cy, path.ids, path.severity, standIn);
    for (const [id, label] of path.labels ?? []) cy.getElementById(id).data('roleLabel', label);
    return hl;
  }

  /** Highlights the path shown again, and frames it, after zones on it collapsed or opened. */
  async redraw(): Promise<void> {
    if (this.shown) await this.drawAndFit(this.shown);
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
    this.host.cleared();
    if (refresh) this.host.reselect();
  }

  private showBanner(text: string, kind: string): void {
    replace(this.banner, h('span', {}, text), h('button', { type: 'button', class: 'small', id: 'banner-clear', onclick: () => this.clearPaths() }, 'Clear'));
    this.banner.dataset.kind = kind;
    this.banner.hidden = false;
  }

  /**
   * A picture of a finding's path for the print view; the screen view is put back afterwards.
   * Synchronous, so locate() the findings' paths first for their hidden members to show.
   */
  snapshot(f?: PathFinding): string {
    const cy = this.canvas.cy;
    const before = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    const selected = cy.$(':selected');
    selected.unselect();
    clearHighlight(cy);
    const hl = f ? this.paint({ ids: f.path, severity: f.severity }) : cy.collection();
    this.canvas.fit(hl.nonempty() ? focusIds(hl) : undefined);
    const png = this.canvas.png(false, 1.5);
    clearHighlight(cy);
    if (this.shown) this.paint(this.shown);
    cy.viewport({ zoom: before.zoom, pan: before.pan });
    selected.select();
    return png;
  }

  highlighted(): string[] {
    return highlightedIds(this.canvas.cy);
  }
}
