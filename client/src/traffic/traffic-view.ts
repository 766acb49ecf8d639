// The Traffic tab joined to the explorer: the panel asks, the overlay draws on the canvas, and a
// picked finding is shown (and printed) as any finding path is, through the path views.
import type { TrafficFinding } from '../../../server/importers/zeek/traffic-answer.js';
import type { GraphCanvas } from '../canvas/canvas.js';
import type { ZoneCollapser } from '../canvas/collapse.js';
import { byId } from '../dom.js';
import type { PathFinding, PathViews } from '../path-views.js';
import type { ZoneLocator } from '../zone-locator.js';
import { TrafficOverlay } from './traffic-overlay.js';
import { TrafficPanel, type TrafficSource } from './traffic-panel.js';
import { openTrafficPrint } from './traffic-print.js';

export interface TrafficViewHost {
  readonly canvas: GraphCanvas;
  readonly collapser: ZoneCollapser;
  readonly locator: ZoneLocator;
  readonly paths: PathViews;
  remember(source: TrafficSource | undefined, finding: string | undefined): void;
}

export class TrafficView {
  readonly overlay: TrafficOverlay;
  readonly panel: TrafficPanel;

  constructor(host: TrafficViewHost) {
    const { canvas, collapser, locator, paths } = host;
    this.overlay = new TrafficOverlay({
      cy: () => canvas.cy,
      standIn: (id) => (collapser.standIn(id).length > 0 ? collapser.standIn(id) : locator.standIn(id)),
      locate: (ids) => locator.locate(ids),
    });
    const asPath = (f: TrafficFinding): PathFinding => ({ rule: f.rule, severity: f.severity, path: this.overlay.pathOf(f) });
    this.panel = new TrafficPanel(byId('pane-traffic'), {
      draw: async (findings) => {
        await this.overlay.show(findings);
        byId('legend-traffic').hidden = findings.length === 0;
        // Addresses no asset has are drawn beside the plant: keep them in sight.
        canvas.fit();
      },
      showFinding: (f) => paths.showFinding(f && asPath(f)),
      remember: (source, finding) => host.remember(source, finding),
      print: (answer, name) => void paths.locate(answer.findings.map((f) => this.overlay.pathOf(f)))
        .then(() => openTrafficPrint(answer, name, { snapshot: (f) => paths.snapshot(f && asPath(f)), siteName: () => document.title })),
    });
  }
}
