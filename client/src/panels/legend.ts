// The legend, drawn from the same theme as the canvas so it cannot drift from what is shown.
import { byId, h } from '../dom.js';
import { COLORS, FAMILIES, SEVERITY_COLORS, type Family } from '../theme.js';
import { TRAFFIC_CATEGORIES } from '../traffic/categories.js';
import { trafficSwatch } from '../traffic/swatch.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, inner: string): SVGSVGElement {
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('viewBox', `0 0 ${width} ${height}`);
  el.setAttribute('aria-hidden', 'true');
  el.innerHTML = inner;
  return el;
}

const poly = (pts: Array<[number, number]>, cx: number, cy: number, rx: number, ry: number) =>
  pts.map(([x, y]) => `${cx + x * rx},${cy + y * ry}`).join(' ');

/** Cytoscape's shape, in SVG, at legend size. */
export function shapeSvg(f: Family, glyph: string, border = '#ffffff', borderWidth = 1.2): SVGSVGElement {
  const w = 30;
  const hgt = 26;
  const rx = (f.width / 40) * 13;
  const ry = (f.height / 40) * 13;
  const c = { x: w / 2, y: hgt / 2 };
  const paint = `fill="${f.color}" stroke="${border}" stroke-width="${borderWidth}"`;
  const o = 0.41;
  const shapes: Record<string, string> = {
    ellipse: `<ellipse cx="${c.x}" cy="${c.y}" rx="${rx}" ry="${ry}" ${paint}/>`,
    rectangle: `<rect x="${c.x - rx}" y="${c.y - ry}" width="${2 * rx}" height="${2 * ry}" ${paint}/>`,
    'round-rectangle': `<rect x="${c.x - rx}" y="${c.y - ry}" width="${2 * rx}" height="${2 * ry}" rx="4" ${paint}/>`,
    octagon: `<polygon points="${poly([[-o, -1], [o, -1], [1, -o], [1, o], [o, 1], [-o, 1], [-1, o], [-1, -o]], c.x, c.y, rx, ry)}" ${paint}/>`,
    diamond: `<polygon points="${poly([[0, -1], [1, 0], [0, 1], [-1, 0]], c.x, c.y, rx, ry)}" ${paint}/>`,
    hexagon: `<polygon points="${poly([[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]], c.x, c.y, rx, ry)}" ${paint}/>`,
    'round-tag': `<polygon points="${poly([[-1, -1], [0.5, -1], [1, 0], [0.5, 1], [-1, 1]], c.x, c.y, rx, ry)}" ${paint}/>`,
    barrel: `<path d="M${c.x - rx},${c.y - ry * 0.8} Q${c.x},${c.y - ry * 1.25} ${c.x + rx},${c.y - ry * 0.8} L${c.x + rx},${c.y + ry * 0.8} Q${c.x},${c.y + ry * 1.25} ${c.x - rx},${c.y + ry * 0.8} Z" ${paint}/>`,
  };
  const text = `<text x="${c.x}" y="${c.y}" dy="0.35em" text-anchor="middle" font-size="${glyph.length > 2 ? 7 : 8.5}" font-weight="700" fill="#fff" font-family="Inter, 'Segoe UI', Arial, sans-serif">${glyph}</text>`;
  return svg(w, hgt, (shapes[f.shape] ?? shapes.ellipse!) + text);
}

const zoneSwatch = (fill: string, stroke: string, dashed = false, width = 2) =>
  svg(30, 20, `<rect x="2" y="2" width="26" height="16" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${dashed ? ' stroke-dasharray="5 3"' : ''}/>`);

const lineSwatch = (color: string, opts: { dashed?: boolean; arrow?: boolean; width?: number; glow?: string } = {}) =>
  svg(34, 16, `${opts.glow ? `<line x1="2" y1="8" x2="32" y2="8" stroke="${opts.glow}" stroke-width="9" stroke-linecap="round" opacity="0.5"/>` : ''}` +
    `<line x1="2" y1="8" x2="${opts.arrow ? 26 : 32}" y2="8" stroke="${color}" stroke-width="${opts.width ?? 2.5}"${opts.dashed ? ' stroke-dasharray="6 4"' : ''}/>` +
    (opts.arrow ? `<polygon points="25,3 33,8 25,13" fill="${color}"/>` : ''));

const row = (swatch: Element, label: string) => h('li', {}, h('span', { class: 'swatch' }, swatch as unknown as Node), h('span', {}, label));

const GLYPHS: Record<string, string> = { sis: 'SIS', control: 'PLC', sensor: 'TX', final: 'XV', station: 'HMI', server: 'SRV', network: 'FW', remote: 'JH' };

export function renderLegend(): void {
  const root = byId('legend');
  const group = (title: string, ...rows: HTMLElement[]) => h('div', { class: 'legend-group' }, h('h4', {}, title), h('ul', {}, ...rows));
  const body = h('div', { class: 'legend-body' },
    group('Zones',
      row(zoneSwatch(COLORS.itFill, COLORS.itBorder), 'IT zone'),
      row(zoneSwatch(COLORS.otFill, COLORS.otBorder), 'OT zone'),
      row(zoneSwatch(COLORS.safetyFill, COLORS.safety, false, 3), 'Safety zone (SIS)'),
      row(zoneSwatch('#ffffff', COLORS.muted, true), 'SL-A below SL-T ▼')),
    group('Links',
      row(lineSwatch(COLORS.conduit), 'Conduit: SL-T · rules'),
      row(lineSwatch(COLORS.safety, { width: 3 }), 'Conduit to a safety zone'),
      row(lineSwatch(COLORS.warning, { dashed: true }), '▲ Spans levels / skips DMZ'),
      row(lineSwatch(COLORS.flow, { arrow: true, width: 1.6 }), 'Flow'),
      row(lineSwatch('#f03e3e', { arrow: true, width: 1.6 }), 'Safety-required flow'),
      row(lineSwatch('#f08c00', { width: 4, glow: COLORS.highlight }), 'Highlighted path')),
    group('Assets', ...Object.values(FAMILIES).map((f) => row(shapeSvg(f, GLYPHS[f.id] ?? ''), f.label)),
      row(shapeSvg(FAMILIES.sensor, 'TX', COLORS.safety, 2.6), 'SIF element (red ring)')),
    group('Finding severity', ...Object.entries(SEVERITY_COLORS).map(([sev, color]) =>
      h('li', {}, h('span', { class: 'sev-dot', style: `background:${color}` }), sev))),
    // Shown while the Traffic tab's findings are drawn (app.ts).
    Object.assign(group('Observed traffic', ...TRAFFIC_CATEGORIES.map((c) => row(trafficSwatch(c), c.label)),
      row(svg(30, 20, `<rect x="6" y="3" width="18" height="14" rx="3" fill="#fff" stroke="${COLORS.ink}" stroke-width="2" stroke-dasharray="4 2"/>`), 'Address no asset has')),
    { id: 'legend-traffic', hidden: true }),
  );
  const toggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true', title: 'Show or hide the legend' }, 'Legend');
  toggle.addEventListener('click', () => {
    const closed = root.classList.toggle('closed');
    toggle.setAttribute('aria-expanded', String(!closed));
    // The canvas above changes size; the app re-measures it.
    root.dispatchEvent(new CustomEvent('legend-toggle', { bubbles: true }));
  });
  root.replaceChildren(toggle, body);
}
