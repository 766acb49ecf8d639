// latency.svg: API latency of each change kind against estate size, p50 solid and p95 dashed,
// both axes logarithmic (sizes span two decades, latencies from milliseconds to seconds).
// Hand-written SVG: small, diffable, no plotting dependency.
import type { SizeResult } from './run-size.js';

const W = 860;
const H = 460;
const M = { left: 64, right: 230, top: 40, bottom: 64 };
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function logScale(lo: number, hi: number, from: number, to: number) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return (v: number) => from + ((Math.log10(v) - a) / (b - a || 1)) * (to - from);
}

/** Powers of ten (and 2×, 5×) between lo and hi, for ticks. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

export function latencySvg(sizes: SizeResult[], machine: string): string {
  const kinds = sizes[0]?.kinds.map((k) => k.kind) ?? [];
  const xs = sizes.map((s) => s.assets);
  const values = sizes.flatMap((s) => s.kinds.flatMap((k) => [k.api.p50, k.api.p95])).filter((v) => v > 0);
  const yLo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const xLo = Math.min(...xs) / 1.5;
  const xHi = Math.max(...xs) * 1.5;
  const x = logScale(xLo, xHi, M.left, W - M.right);
  const y = logScale(yLo, yHi, H - M.bottom, M.top);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="22" font-size="15" font-weight="bold">What-if latency at the API vs estate size (p50 solid, p95 dashed)</text>`,
    `<text x="${M.left}" y="${H - 8}" fill="#555">${esc(machine)}</text>`,
  ];
  for (const v of ticks(yLo, yHi)) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${M.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toFixed(1)} ms</text>`);
  }
  for (const v of xs) {
    parts.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x(v).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${v.toLocaleString('en')}</text>`);
  }
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 34}" text-anchor="middle">assets (log scale)</text>`);
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`);
  kinds.forEach((kind, i) => {
    const colour = COLOURS[i % COLOURS.length];
    for (const [stat, dash] of [['p50', ''], ['p95', ' stroke-dasharray="5 4"']] as const) {
      const points = sizes.map((s) => `${x(s.assets).toFixed(1)},${y(Math.max(yLo, s.kinds[i]!.api[stat])).toFixed(1)}`);
      parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.8"${dash} points="${points.join(' ')}"/>`);
    }
    const ly = M.top + 14 + i * 18;
    parts.push(`<line x1="${W - M.right + 14}" x2="${W - M.right + 40}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2.5"/>`);
    parts.push(`<text x="${W - M.right + 46}" y="${ly}">${esc(kind)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
