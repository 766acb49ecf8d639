// The one Cytoscape stylesheet. `scale` enlarges text and shapes for the projector mode; the
// layout grows its cells by the same factor so labels still never overlap.
import type { StylesheetJson } from 'cytoscape';
import { COLORS, FAMILIES, SEVERITY_COLORS, TYPE_LOOKS, glyphImage, type AssetType } from '../theme.js';
import { trafficStyles } from '../traffic/traffic-styles.js';

export const LAYOUT_SCALE = { normal: 1, large: 1.3 } as const;

export function stylesheet(large: boolean): StylesheetJson {
  const s = large ? LAYOUT_SCALE.large : LAYOUT_SCALE.normal;
  const font = large ? 1.45 : 1;
  const px = (n: number) => n * s;
  const families = Object.values(FAMILIES).map((f) => ({
    selector: `node.asset.fam-${f.id}`,
    style: { shape: f.shape, 'background-color': f.color, width: px(f.width), height: px(f.height) },
  }));
  const glyphs = (Object.keys(TYPE_LOOKS) as AssetType[]).map((type) => ({
    selector: `node.asset[type = "${type}"]`,
    style: { 'background-image': glyphImage(TYPE_LOOKS[type].glyph) },
  }));
  const severities = Object.entries(SEVERITY_COLORS).map(([sev, color]) => ({
    selector: `.hl.sev-${sev}`,
    style: { 'underlay-color': color },
  }));
  const severityEdges = Object.entries(SEVERITY_COLORS).map(([sev, color]) => ({
    selector: `edge.hl.sev-${sev}`,
    style: { 'line-color': color, 'target-arrow-color': color },
  }));
  const traffic = trafficStyles(px, font);
  return [
    {
      selector: 'node.zone',
      style: {
        shape: 'round-rectangle',
        'corner-radius': px(10),
        'background-opacity': 1,
        'border-width': px(2),
        padding: `${px(16)}px`,
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': `${px(640)}px`,
        'text-margin-y': -px(6),
        'font-size': 'data(zf)',
        'font-weight': 600,
        'line-height': 1.25,
        color: COLORS.ink,
        'min-zoomed-font-size': 5,
        'compound-sizing-wrt-labels': 'include',
      },
    },
    {
      selector: 'node.band',
      style: {
        shape: 'rectangle', width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, events: 'no',
        label: 'data(label)', 'font-size': 'data(zf)', 'font-weight': 700, color: '#8a94a3', 'text-halign': 'left', 'text-valign': 'center',
        'text-transform': 'uppercase', 'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node.zone.zone-it', style: { 'background-color': COLORS.itFill, 'border-color': COLORS.itBorder } },
    { selector: 'node.zone.zone-ot', style: { 'background-color': COLORS.otFill, 'border-color': COLORS.otBorder } },
    { selector: 'node.zone.safety', style: { 'background-color': COLORS.safetyFill, 'border-color': COLORS.safety, 'border-width': px(3.5) } },
    { selector: 'node.zone.below-target', style: { 'border-style': 'dashed', 'border-dash-pattern': [px(9), px(5)] } },
    // Zones coloured by their SL gap from the controls (Assurance): the fill changes, the border keeps safety and below-target.
    { selector: 'node.zone.slgap-0', style: { 'background-color': COLORS.slGap[0] } },
    { selector: 'node.zone.slgap-1', style: { 'background-color': COLORS.slGap[1] } },
    { selector: 'node.zone.slgap-2', style: { 'background-color': COLORS.slGap[2] } },
    {
      selector: 'node.zone:childless',
      style: { width: px(230), height: px(84), 'text-valign': 'center', 'text-margin-y': 0, 'text-max-width': `${px(220)}px` },
    },
    { selector: 'node.zone.summary', style: { width: px(300), height: px(130), label: 'data(summaryLabel)', 'border-width': px(3), 'text-max-width': `${px(284)}px` } },
    {
      selector: 'node.asset',
      style: {
        label: 'data(label)',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': px(5),
        'text-wrap': 'ellipsis',
        'text-max-width': `${px(114)}px`,
        'font-size': 12 * font,
        color: COLORS.ink,
        'min-zoomed-font-size': 7,
        'border-width': px(1.5),
        'border-color': '#ffffff',
        'background-fit': 'none',
        'background-width': '70%',
        'background-height': '70%',
        'background-clip': 'none',
        'background-image-containment': 'over',
      },
    },
    ...families,
    ...glyphs,
    { selector: 'node.asset.sif-element', style: { 'border-color': COLORS.safety, 'border-width': px(3.5) } },
    { selector: 'node.asset.sis', style: { 'border-color': '#8f1010', 'border-width': px(2.5) } },
    {
      selector: 'edge.conduit',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(bend)',
        'control-point-weights': 0.5,
        width: px(3),
        'line-color': COLORS.conduit,
        'source-label': 'data(label)',
        'source-text-offset': px(30),
        'font-size': 11.5 * font,
        'font-weight': 600,
        'text-wrap': 'wrap',
        color: COLORS.ink,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.95,
        'text-background-padding': `${px(3)}px`,
        'text-background-shape': 'round-rectangle',
        'text-border-width': 1,
        'text-border-color': COLORS.line,
        'text-border-opacity': 1,
        'min-zoomed-font-size': 5,
        'z-index': 5,
      },
    },
    { selector: 'edge.conduit.safety', style: { 'line-color': COLORS.safety, width: px(4) } },
    { selector: 'edge.conduit.flagged', style: { 'line-style': 'dashed', 'line-dash-pattern': [px(10), px(6)], 'line-color': COLORS.warning, color: '#a34700', 'text-border-color': COLORS.warning } },
    {
      selector: 'edge.flow',
      style: {
        display: 'none',
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(bend)',
        'control-point-weights': 0.5,
        width: px(1.6),
        'line-color': COLORS.flow,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': COLORS.flow,
        'arrow-scale': 0.9,
        opacity: 0.85,
        'z-index': 6,
      },
    },
    // A lone edge is a straight line: cheaper to draw than a bezier with no bend, above all in WebGL.
    { selector: 'edge[bend = 0]', style: { 'curve-style': 'straight' } },
    { selector: 'edge.flow.safety-flow', style: { 'line-color': '#f03e3e', 'target-arrow-color': '#f03e3e' } },
    { selector: 'edge.flow.shown', style: { display: 'element' } },
    ...traffic.base,
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.13, 'text-opacity': 0.4 } },
    { selector: 'node.zone.faded', style: { opacity: 0.35 } },
    { selector: 'node.zone.hl-context', style: { opacity: 1 } },
    {
      // Bold and boxed, but at the base font size: changing font-size with a class leaves
      // Cytoscape's cached label textures at the old size, clipping the text on both sides.
      selector: 'node.asset.hl',
      style: {
        'underlay-color': COLORS.highlight, 'underlay-padding': px(8), 'underlay-opacity': 0.75, 'underlay-shape': 'ellipse', 'z-index': 20,
        'font-weight': 700, 'min-zoomed-font-size': 4, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
        'text-background-padding': `${px(2)}px`, 'text-max-width': `${px(118)}px`,
      },
    },
    { selector: 'node.zone.hl', style: { 'border-width': px(5) } },
    // A collapsed zone standing in for path members it hides: lit up like them.
    {
      selector: 'node.zone.summary.hl',
      style: { 'underlay-color': COLORS.highlight, 'underlay-padding': px(10), 'underlay-opacity': 0.75, 'underlay-shape': 'round-rectangle' },
    },
    {
      selector: 'edge.hl',
      style: {
        display: 'element', width: px(5), 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', opacity: 1, 'z-index': 30,
        'underlay-color': COLORS.highlight, 'underlay-padding': px(4), 'underlay-opacity': 0.45,
      },
    },
    {
      selector: 'edge.flow.hl',
      style: {
        label: 'data(label)', 'font-size': 10.5 * font, 'font-weight': 600, color: '#7a3e00', 'text-background-color': '#fff8e1',
        'text-background-opacity': 0.95, 'text-background-padding': `${px(2)}px`, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 6,
      },
    },
    ...severities,
    ...severityEdges,
    ...traffic.picked,
    { selector: 'node.asset.hl[roleLabel]', style: { label: 'data(roleLabel)', 'text-wrap': 'wrap', 'line-height': 1.25 } },
    { selector: 'node.asset:selected', style: { 'border-color': COLORS.selection, 'border-width': px(4.5), 'overlay-opacity': 0 } },
    { selector: 'node.zone:selected', style: { 'border-color': COLORS.selection, 'border-width': px(5) } },
    { selector: 'edge:selected', style: { 'line-color': COLORS.selection, 'target-arrow-color': COLORS.selection, width: px(6) } },
    { selector: 'core', style: { 'selection-box-color': COLORS.selection, 'active-bg-color': COLORS.selection, 'active-bg-opacity': 0.12 } },
  ] as StylesheetJson;
}
