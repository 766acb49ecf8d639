// Collapsing a zone in the browser: its assets (and the flows touching them) are parked outside
// the graph and the zone shows as a summary; expanding restores them. Flows whose other end is
// parked in another collapsed zone wait until both ends are back, because Cytoscape refuses an
// edge to a missing node.
import type { CollectionReturnValue, Core } from 'cytoscape';

export class ZoneCollapser {
  private readonly parkedNodes = new Map<string, CollectionReturnValue>();
  private parkedEdges: CollectionReturnValue | undefined;

  constructor(private readonly cy: () => Core) {}

  /** Forget everything parked: the view was replaced. */
  reset(): void {
    this.parkedNodes.clear();
    this.parkedEdges = undefined;
  }

  isCollapsed(zone: string): boolean {
    return this.parkedNodes.has(zone);
  }

  collapsed(): string[] {
    return [...this.parkedNodes.keys()].sort();
  }

  /**
   * The collapsed zones standing in for an element parked out of the graph: the zone of a parked
   * asset, the zones of a parked flow's parked ends; none for anything else.
   */
  standIn(id: string): string[] {
    for (const [zone, nodes] of this.parkedNodes) if (nodes.getElementById(id).nonempty()) return [zone];
    const edge = this.parkedEdges?.getElementById(id);
    if (!edge || edge.empty()) return [];
    return [...new Set([String(edge.data('source')), String(edge.data('target'))].flatMap((end) => this.standIn(end)))];
  }

  collapse(zone: string): boolean {
    const cy = this.cy();
    const node = cy.getElementById(zone);
    if (node.empty() || this.parkedNodes.has(zone) || node.isChildless()) return false;
    cy.batch(() => {
      const children = node.children();
      // The traffic overlay is not parked (restoring it would duplicate it): it is drawn again onto
      // the summary (traffic/traffic-overlay.ts).
      children.connectedEdges('.traffic').remove();
      const edges = children.connectedEdges().remove();
      this.parkedEdges = this.parkedEdges ? this.parkedEdges.union(edges) : edges;
      this.parkedNodes.set(zone, children.remove());
      node.addClass(['summary', 'client-collapsed']);
    });
    return true;
  }

  expand(zone: string): boolean {
    const cy = this.cy();
    const parked = this.parkedNodes.get(zone);
    if (!parked) return false;
    cy.batch(() => {
      cy.getElementById(zone).removeClass(['summary', 'client-collapsed']);
      parked.restore();
      this.parkedNodes.delete(zone);
      if (this.parkedEdges) {
        const ready = this.parkedEdges.filter((e) => cy.getElementById(e.data('source')).nonempty() && cy.getElementById(e.data('target')).nonempty());
        ready.restore();
        this.parkedEdges = this.parkedEdges.difference(ready);
      }
    });
    return true;
  }
}
