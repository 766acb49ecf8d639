// A zone's security level from the controls (DOMAIN.md §5.4): its SL vector over FR1–FR7 as a bar
// chart against SL-T, and the SRs/REs missing for SL-T. Used in the Zones view and in the zone's
// panel on the topology.
import type { ZoneLevelT } from '../../../server/assurance/schemas.js';
import { h } from '../dom.js';
import { drawWhenShown } from './charts.js';

/** The SL chart's words: SL-C per foundational requirement, against SL-T. */
export const slVectorText = (zone: Pick<ZoneLevelT, 'zone' | 'vector' | 'slTarget'>) =>
  `${zone.zone} SL-C per foundational requirement: ${zone.vector.map((v) => `${v.ref} ${v.slC}`).join(', ')}; SL-T ${zone.slTarget}`;

export function slVectorChart(zone: ZoneLevelT): HTMLElement {
  const box = h('div', { class: 'chart sl-chart', 'data-zone': zone.zone, 'data-vector': zone.vector.map((v) => v.slC).join(',') });
  drawWhenShown(box, {
    grid: { left: 30, right: 48, top: 22, bottom: 24 },
    xAxis: { type: 'category', data: zone.vector.map((v) => v.ref) },
    yAxis: { type: 'value', min: 0, max: 4, interval: 1 },
    tooltip: { trigger: 'axis' },
    series: [{
      type: 'bar', name: 'SL-C', barWidth: '55%',
      data: zone.vector.map((v) => ({ value: v.slC, itemStyle: { color: v.slC < zone.slTarget ? '#e03131' : '#2f9e44', borderColor: '#000', borderWidth: 0.5 } })),
      label: { show: true, position: 'top', fontWeight: 'bold', color: '#000' },
      markLine: { symbol: 'none', lineStyle: { color: '#000', type: 'dashed', width: 1.5 }, label: { formatter: `SL-T ${zone.slTarget}`, position: 'end' }, data: [{ yAxis: zone.slTarget }] },
    }],
  }, slVectorText(zone));
  return box;
}

export function zoneLevelSection(zone: ZoneLevelT): HTMLElement {
  return h('div', { class: 'zone-level', 'data-zone': zone.zone },
    h('p', {}, `SL-C ${zone.slC} (the lowest FR) against SL-T ${zone.slTarget}; declared SL-A ${zone.slAchieved}.`,
      zone.uncertain ? h('span', { class: 'muted small' }, ' An FR at the minimum depends on an uncertain catalogue row.') : false),
    zone.slANotSupported ? h('p', { class: 'warning' }, `SL-A not supported: the declared SL-A ${zone.slAchieved} is above the SL-C ${zone.slC} the controls give.`) : false,
    slVectorChart(zone),
    h('p', { class: 'small' }, h('strong', {}, `Missing for SL-T ${zone.slTarget} (${zone.gaps.length}): `),
      h('span', { class: 'sl-gaps' }, zone.gaps.join(', ') || 'none')));
}
