// Where the path members hidden in a zone summarised by the server sit. The view leaves those
// assets out, so without this a path would silently lose them; with it, their zone stands in for
// them exactly as a zone collapsed in the browser does (see canvas/collapse.ts).
import type { Core } from 'cytoscape';
import { LOCATE_MAX_IDS, type GraphElementT } from '../../server/views/view-schema.js';
import { api } from './api-client.js';

export class ZoneLocator {
  private readonly zoneOf = new Map<string, string>();
  /** A flow's ends, from a path view's elements: a hidden flow lights up the zones of its hidden ends. */
  private readonly ends = new Map<string, [string, string]>();
  /** Ids the server placed in no zone (flows, rules, SIFs, unknown): not asked about again. */
  private readonly nowhere = new Set<string>();

  constructor(private readonly cy: () => Core) {}

  /** A SIF or neighbourhood view already says where its members sit: no need to ask. */
  learn(elements: readonly GraphElementT[]): void {
    for (const { data } of elements) {
      if (data.kind === 'asset') this.zoneOf.set(data.id, data.parent);
      else if (data.kind === 'flow') this.ends.set(data.id, [data.source, data.target]);
    }
  }

  /**
   * Asks the server where the ids missing from the view sit, once for all of them. Only a view
   * with zones summarised by the server can hide them, so any other view costs no request.
   */
  async locate(ids: readonly string[]): Promise<void> {
    const cy = this.cy();
    if (cy.nodes('.zone.summary').not('.client-collapsed').empty()) return;
    const unknown = [...new Set(ids)].filter((id) => cy.getElementById(id).empty() && !this.zoneOf.has(id) && !this.ends.has(id) && !this.nowhere.has(id));
    for (let i = 0; i < unknown.length; i += LOCATE_MAX_IDS) {
      const batch = unknown.slice(i, i + LOCATE_MAX_IDS);
      const { zones } = await api.locate(batch);
      for (const id of batch) {
        const zone = zones[id];
        if (zone === undefined) this.nowhere.add(id);
        else this.zoneOf.set(id, zone);
      }
    }
  }

  /** The summary zones in view standing in for an id the view leaves out; none when it is not hidden in one. */
  standIn(id: string): string[] {
    const ends = this.ends.get(id);
    if (ends) return [...new Set(ends.flatMap((end) => this.standIn(end)))];
    const zone = this.zoneOf.get(id);
    if (zone === undefined || zone === id || this.cy().getElementById(id).nonempty()) return [];
    return this.cy().getElementById(zone).hasClass('summary') ? [zone] : [];
  }
}
