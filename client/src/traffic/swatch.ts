// A category's line as the canvas draws it (colour, dashes, arrow head), at legend size: the same
// picture in the legend and beside each count, so a reader matches them without colour.
import type { TrafficCategory } from './categories.js';

const NS = 'http://www.w3.org/2000/svg';

const HEADS: Record<TrafficCategory['arrow'], (color: string) => string> = {
  triangle: (c) => `<polygon points="29,3 38,9 29,15" fill="${c}"/>`,
  vee: (c) => `<polygon points="28,3 38,9 28,15 31,9" fill="${c}"/>`,
  tee: (c) => `<rect x="34" y="2" width="3.5" height="14" fill="${c}"/>`,
  square: (c) => `<rect x="31" y="4.5" width="8" height="9" fill="${c}"/>`,
};

function dashArray(c: TrafficCategory): string {
  if (c.lineStyle === 'dotted') return ' stroke-dasharray="1.5 3.5" stroke-linecap="round"';
  if (c.lineStyle === 'dashed') return ` stroke-dasharray="${(c.dash ?? [6, 4]).map((n) => n / 2).join(' ')}"`;
  return '';
}

export function trafficSwatch(c: TrafficCategory): SVGSVGElement {
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('width', '40');
  el.setAttribute('height', '18');
  el.setAttribute('viewBox', '0 0 40 18');
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('class', `traffic-swatch swatch-${c.key}`);
  const width = Math.min(3.5, c.width * 0.7);
  el.innerHTML = `<line x1="2" y1="9" x2="31" y2="9" stroke="${c.color}" stroke-width="${width}"${dashArray(c)}/>${HEADS[c.arrow](c.color)}`;
  return el;
}
