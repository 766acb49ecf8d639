// Draws the traffic findings over the topology and keeps them there as the view changes (a zone
// collapsed or opened, the whole view reloaded): each redraw places the ends again, so an asset
// hidden in a collapsed zone is stood in for by that zone. Addresses no asset has get a node of
// their own in a column right of the plant: outside the model, as they are.
import type { Core } from 'cytoscape';
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import { endsOf, overlayElements, trafficEdgeId, type Placed } from './overlay-elements.js';

export interface OverlayHost {
  cy(): Core;
  /** Summary zones standing in for an element the view leaves out (collapsed or summarised). */
  standIn(id: string): string[];
  /** Asks where ids missing from the view sit, so that standIn() knows. */
  locate(ids: string[]): Promise<void>;
}

const ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const COLUMN_GAP = 120;
const ROW = 64;

export class TrafficOverlay {
  private findings: readonly TrafficFinding[] = [];

  constructor(private readonly host: OverlayHost) {}

  get shown(): boolean {
    return this.findings.length > 0;
  }

  async show(findings: readonly TrafficFinding[]): Promise<void> {
    this.findings = findings;
    await this.redraw();
  }

  /** Draws the findings again over the current view. */
  async redraw(): Promise<void> {
    const ids = this.findings.flatMap((f) => {
      const ends = endsOf(f);
      return ends ? [ends.src, ends.dst] : [];
    });
    await this.host.locate(ids).catch(() => undefined);
    const cy = this.host.cy();
    cy.batch(() => {
      cy.$('.traffic').remove();
      if (this.findings.length === 0) return;
      const { edges, addresses } = overlayElements(this.findings, (id, zone) => this.place(id, zone));
      const bb = cy.elements().not('.band').boundingBox();
      const taken: number[] = [];
      // Level with its zone, or with what it talks to when it is in none: short, readable edges.
      const level = (id: string | null | undefined) => {
        const el = id ? cy.getElementById(id) : undefined;
        return el?.nonempty() ? (el.boundingBox().y1 + el.boundingBox().y2) / 2 : undefined;
      };
      for (const { definition, zone } of addresses) {
        const id = String(definition.data.id);
        const edge = edges.find((e) => e.data.source === id || e.data.target === id);
        const other = edge && (edge.data.source === id ? edge.data.target : edge.data.source);
        let y = level(zone) ?? level(other) ?? bb.y1 + ROW;
        while (taken.some((t) => Math.abs(t - y) < ROW)) y += ROW;
        taken.push(y);
        cy.add({ ...definition, position: { x: bb.x2 + COLUMN_GAP, y } });
      }
      cy.add(edges);
    });
  }

  private place(id: string, zone: string | null): Placed {
    const cy = this.host.cy();
    const el = cy.getElementById(id);
    if (el.nonempty() && el.isNode()) return { node: id };
    const [standIn] = this.host.standIn(id);
    if (standIn) return { node: standIn };
    if (!ADDRESS.test(id) && zone && cy.getElementById(zone).nonempty()) return { node: zone };
    return { address: id, zone };
  }

  clear(): void {
    this.findings = [];
    this.host.cy().$('.traffic').remove();
  }

  /**
   * The path to highlight for a finding: its own, with the edge drawn for it in place of the
   * declared flow's edge, which joins the same two assets and would hide it.
   */
  pathOf(f: TrafficFinding): { nodes: string[]; edges: string[] } {
    return { nodes: f.path.nodes, edges: [...f.path.edges.filter((e) => e !== f.flow), trafficEdgeId(f.id)] };
  }
}
