// Apache ECharts, only the parts the assurance views use (bars, heat maps, scatter). The canvas
// renderer at twice the screen's pixel density (sharp on paper and on a projector), tooltips drawn
// in the canvas too: nothing sets a style="" attribute, which a Content-Security-Policy without
// 'unsafe-inline' refuses (the SVG renderer styles its text that way). The aria component writes
// what each chart shows, in words given with its data, into its aria-label — for screen readers
// and for the browser tests. One
// place to make a chart, so every chart follows the page's text size and resizes with the window.
import { BarChart, HeatmapChart, ScatterChart, type BarSeriesOption, type HeatmapSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { getInstanceByDom, init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption
  | MarkLineComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

const live = new Set<ECharts>();
let listening = false;

/** The page's base text size in px: charts grow with the large-text (projector) mode. */
export const textPx = () => Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8);

/** Draws a chart into an element (replacing one drawn there before). The element must have a size. */
export function drawChart(el: HTMLElement, option: ChartOption, description: string): ECharts {
  const old = getInstanceByDom(el);
  if (old) {
    live.delete(old);
    old.dispose();
  }
  const chart = init(el, undefined, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1) });
  const px = textPx();
  // Axis labels and names do not follow textStyle: give them the page's size too (a projector).
  const sized = (axis: unknown) => {
    if (!axis || typeof axis !== 'object' || Array.isArray(axis)) return axis;
    const a = axis as { axisLabel?: object; nameTextStyle?: object };
    return { ...a, axisLabel: { fontSize: px, ...a.axisLabel }, nameTextStyle: { fontSize: px, ...a.nameTextStyle } };
  };
  chart.setOption({
    animation: false, textStyle: { fontSize: px, fontFamily: 'sans-serif' }, ...option, aria: { enabled: true, label: { description } },
    xAxis: sized(option.xAxis), yAxis: sized(option.yAxis),
    ...(option.tooltip ? { tooltip: { ...(option.tooltip as object), renderMode: 'richText' } } : {}),
  } as ChartOption);
  live.add(chart);
  if (!listening) {
    listening = true;
    window.addEventListener('resize', () => resizeCharts());
    // Paper is narrower than the screen: charts follow their boxes into the print layout and back.
    window.addEventListener('beforeprint', () => resizeCharts());
    window.addEventListener('afterprint', () => resizeCharts());
    matchMedia('print').addEventListener('change', () => resizeCharts());
  }
  return chart;
}

/**
 * Draws a chart once its element is in the page and has a width: views build their elements
 * before they are attached (often after another answer arrives), and a chart drawn into a
 * detached box stays empty. Gives up after about two seconds of frames (the view was replaced).
 */
export function drawWhenShown(el: HTMLElement, option: ChartOption, description: string): void {
  let frames = 0;
  const attempt = () => {
    if (el.isConnected && el.clientWidth > 0) {
      drawChart(el, option, description);
      return;
    }
    frames += 1;
    if (frames < 120) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** After a layout change (tab switch, large text): charts still in the page follow their boxes. */
export function resizeCharts(): void {
  for (const chart of live) {
    if (chart.isDisposed() || !chart.getDom().isConnected) live.delete(chart);
    else chart.resize();
  }
}
