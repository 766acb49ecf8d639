// "Drawing 3,000 / 5,038 elements" over the canvas while a large view is drawn a slice at a time.
import { byId, h, replace } from '../dom.js';

const count = new Intl.NumberFormat('en-GB');

export function showDrawProgress(done: number, total: number): void {
  const box = byId('draw-progress');
  replace(box,
    h('span', {}, `Drawing ${count.format(done)} / ${count.format(total)} elements`),
    h('progress', { max: total, value: done }));
  box.hidden = false;
}

export function hideDrawProgress(): void {
  byId('draw-progress').hidden = true;
}
