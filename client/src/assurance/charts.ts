// Apache ECharts, only the parts the assurance views use (bars, heat maps, scatter; SVG renderer
// so charts print sharp and scale on a projector). One place to make a chart, so every chart
// follows the page's text size and resizes with the window.
import { BarChart, HeatmapChart, ScatterChart, type BarSeriesOption, type HeatmapSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { getInstanceByDom, init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption
  | MarkLineComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

const live = new Set<ECharts>();
let listening = false;

/** The page's base text size in px: charts grow with the large-text (projector) mode. */
export const textPx = () => Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8);

/** Draws a chart into an element (replacing one drawn there before). The element must have a size. */
export function drawChart(el: HTMLElement, option: ChartOption): ECharts {
  const old = getInstanceByDom(el);
  if (old) {
    live.delete(old);
    old.dispose();
  }
  const chart = init(el, undefined, { renderer: 'svg' });
  const px = textPx();
  // Axis labels and names do not follow textStyle: give them the page's size too (a projector).
  const sized = (axis: unknown) => {
    if (!axis || typeof axis !== 'object' || Array.isArray(axis)) return axis;
    const a = axis as { axisLabel?: object; nameTextStyle?: object };
    return { ...a, axisLabel: { fontSize: px, ...a.axisLabel }, nameTextStyle: { fontSize: px, ...a.nameTextStyle } };
  };
  chart.setOption({
    animation: false, textStyle: { fontSize: px, fontFamily: 'inherit' }, ...option,
    xAxis: sized(option.xAxis), yAxis: sized(option.yAxis),
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
export function drawWhenShown(el: HTMLElement, option: ChartOption): void {
  let frames = 0;
  const attempt = () => {
    if (el.isConnected && el.clientWidth > 0) {
      drawChart(el, option);
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
