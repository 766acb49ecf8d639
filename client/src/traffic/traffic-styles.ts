// The Cytoscape style of the traffic overlay, part of the one stylesheet (canvas/stylesheet.ts) so
// the projector mode scales it like everything else. `base` goes before the highlight rules, so a
// finding not picked fades with the rest; `picked` after them, so a picked edge keeps its
// category's colour and line style rather than the severity colour of other paths.
import type { StylesheetJson } from 'cytoscape';
import { COLORS } from '../theme.js';
import { TRAFFIC_CATEGORIES } from './categories.js';

type Rules = Exclude<StylesheetJson, string>;

export function trafficStyles(px: (n: number) => number, font: number): { base: Rules; picked: Rules } {
  const categories = TRAFFIC_CATEGORIES.map((c) => ({
    selector: `edge.traffic-${c.key}`,
    style: {
      'line-color': c.color, 'target-arrow-color': c.color, 'target-arrow-shape': c.arrow, width: px(c.width), 'line-style': c.lineStyle,
      ...(c.dash ? { 'line-dash-pattern': c.dash.map(px) } : {}),
    },
  }));
  const base: Rules = [
    {
      selector: 'edge.traffic-edge',
      style: {
        'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(bend)', 'control-point-weights': 0.5, 'arrow-scale': 1.15, opacity: 0.95, 'z-index': 40, 'line-cap': 'butt',
        label: 'data(label)', 'font-size': 10.5 * font, 'font-weight': 600, color: COLORS.ink, 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': `${px(2)}px`, 'min-zoomed-font-size': 7,
      },
    },
    ...categories,
    {
      selector: 'node.traffic-address',
      style: {
        shape: 'round-rectangle', width: px(22), height: px(22), 'background-color': '#ffffff', 'border-width': px(2.5), 'border-style': 'dashed',
        'border-color': COLORS.ink, label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'bottom', 'text-margin-y': px(5),
        'font-size': 11 * font, 'font-family': 'JetBrains Mono, Consolas, monospace', color: COLORS.ink, 'z-index': 40,
      },
    },
  ];
  const picked: Rules = TRAFFIC_CATEGORIES.map((c) => ({
    selector: `edge.traffic-${c.key}.hl`,
    style: { 'line-color': c.color, 'target-arrow-color': c.color, width: px(c.width + 2.5), 'z-index': 50 },
  }));
  return { base, picked };
}
