// A deterministic preset layout that stacks zones in Purdue bands (5 at the top, the DMZ 3.5
// between 4 and 3, field 0 at the bottom) and lays each zone's assets out on a grid whose cells
// are wider than any label, so labels cannot overlap. Zones in a band are ordered by barycentre
// sweeps (Sugiyama style, with dummy slots where a conduit skips a band, so long conduits get a
// corridor instead of cutting through a zone) and then placed as close to their neighbours as
// the gaps allow. Pure and linear-ish in the number of assets: thousands of assets lay out in a
// few milliseconds, so the page never waits on a layout.
import { FAMILY_ORDER, familyOf, type FamilyId } from '../theme.js';

export interface LayoutZone { id: string; level: number; summary: boolean; label: string }
export interface LayoutAsset { id: string; zone: string; type: string }
export interface LayoutLink { source: string; target: string }
export interface Point { x: number; y: number }
export interface Box { x: number; y: number; w: number; h: number }
export interface Band { level: number; top: number; height: number }
export interface LayoutResult { positions: Map<string, Point>; boxes: Map<string, Box>; bands: Band[] }

const BASE = { cellW: 122, cellH: 74, pad: 18, nodeY: 24, hGap: 130, zoneGap: 70, vGap: 140, summaryW: 300, summaryH: 130, emptyW: 230, emptyH: 84, dummyW: 40, dummyGap: 30, charW: 14.5 };
/** Zones are drawn wider than tall; the band stack then fits a landscape screen. */
const ASPECT = 3;
const SWEEPS = 8;
const PLACEMENT_ROUNDS = 12;

interface Item { id: string; band: number; w: number; h: number; zone: boolean; x: number }

export function purdueLayout(zones: LayoutZone[], assets: LayoutAsset[], links: LayoutLink[], scale = 1): LayoutResult {
  const d = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, v * scale])) as typeof BASE;
  const children = groupChildren(assets);
  const levels = [...new Set(zones.map((z) => z.level))].sort((a, b) => b - a);
  const bandOf = new Map(zones.map((z) => [z.id, levels.indexOf(z.level)]));
  const grid = new Map<string, { cols: number; rows: number }>();
  const items = new Map<string, Item>();
  for (const z of zones) {
    const n = children.get(z.id)?.length ?? 0;
    let w = z.summary ? d.summaryW : d.emptyW;
    let h = z.summary ? d.summaryH : d.emptyH;
    if (!z.summary && n > 0) {
      const cols = Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * ASPECT))));
      const rows = Math.ceil(n / cols);
      grid.set(z.id, { cols, rows });
      w = cols * d.cellW + 2 * d.pad;
      h = rows * d.cellH + 2 * d.pad;
    }
    const labelW = Math.max(...z.label.split('\n').map((l) => l.length)) * d.charW + 24 * scale;
    items.set(z.id, { id: z.id, band: bandOf.get(z.id)!, w: Math.max(w, labelW), h, zone: true, x: 0 });
  }

  // Adjacency between items in neighbouring bands; a conduit that skips bands becomes a chain
  // through dummy items, one per band skipped.
  const adj = new Map<string, Set<string>>([...items.keys()].map((id) => [id, new Set<string>()]));
  const same = new Map<string, Set<string>>([...items.keys()].map((id) => [id, new Set<string>()]));
  const connect = (m: Map<string, Set<string>>, a: string, b: string) => {
    m.get(a)!.add(b);
    m.get(b)!.add(a);
  };
  for (const [i, link] of links.entries()) {
    const a = items.get(link.source);
    const b = items.get(link.target);
    if (!a || !b || a === b) continue;
    if (a.band === b.band) {
      connect(same, a.id, b.id);
      continue;
    }
    const [top, bottom] = a.band < b.band ? [a, b] : [b, a];
    let prev = top.id;
    for (let band = top.band + 1; band < bottom.band; band += 1) {
      const id = `\u0000dummy-${i}-${band}`;
      items.set(id, { id, band, w: d.dummyW, h: 0, zone: false, x: 0 });
      adj.set(id, new Set());
      same.set(id, new Set());
      connect(adj, prev, id);
      prev = id;
    }
    connect(adj, prev, bottom.id);
  }

  const bands = orderBands(levels.length, [...items.values()], adj, same);
  placeX(bands, adj, same, d);
  return place(bands, levels, zones, children, grid, d);
}

function groupChildren(assets: LayoutAsset[]): Map<string, LayoutAsset[]> {
  const rank = (type: string) => FAMILY_ORDER.indexOf(familyOf(type).id as FamilyId);
  const out = new Map<string, LayoutAsset[]>();
  for (const a of assets) out.set(a.zone, [...(out.get(a.zone) ?? []), a]);
  for (const list of out.values()) {
    list.sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  }
  return out;
}

/** Orders each band: zones joined by a same-band conduit stay side by side (a chain, walked
 *  from the member with most links to other bands); the chains are sorted by barycentre. */
function orderBands(count: number, items: Item[], adj: Map<string, Set<string>>, same: Map<string, Set<string>>): Item[][] {
  const comps: Item[][][] = Array.from({ length: count }, () => []);
  const seen = new Set<string>();
  const byId = new Map(items.map((i) => [i.id, i]));
  const sorted = [...items].sort((a, b) => adj.get(b.id)!.size - adj.get(a.id)!.size || a.id.localeCompare(b.id));
  for (const start of sorted) {
    if (seen.has(start.id)) continue;
    const comp: Item[] = [];
    const queue = [start];
    seen.add(start.id);
    while (queue.length) {
      const item = queue.shift()!;
      comp.push(item);
      for (const n of [...same.get(item.id)!].sort()) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(byId.get(n)!);
        }
      }
    }
    comps[start.band]!.push(comp);
  }
  for (const band of comps) band.sort((a, b) => a[0]!.id.localeCompare(b[0]!.id));
  const index = new Map<string, number>();
  const reindex = () => comps.forEach((band) => band.flat().forEach((item, i) => index.set(item.id, i)));
  reindex();
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    const down = sweep % 2 === 0;
    const order = down ? [...comps.keys()] : [...comps.keys()].reverse();
    for (const b of order) {
      const ref = down ? b - 1 : b + 1;
      if (ref < 0 || ref >= count) continue;
      const key = new Map<Item[], number>();
      for (const comp of comps[b]!) {
        const bary = comp.flatMap((item) => [...adj.get(item.id)!].filter((n) => byId.get(n)!.band === ref).map((n) => index.get(n)!));
        key.set(comp, bary.length ? mean(bary) : mean(comp.map((i) => index.get(i.id)!)));
      }
      comps[b]!.sort((p, q) => key.get(p)! - key.get(q)!);
      reindex();
    }
  }
  return comps.map((band) => band.flat());
}

function placeX(bands: Item[][], adj: Map<string, Set<string>>, same: Map<string, Set<string>>, d: typeof BASE): void {
  // Neighbours joined by a conduit need room for its label between them; others sit closer.
  const gap = (a: Item, b: Item) => (a.w + b.w) / 2 + (!a.zone || !b.zone ? d.dummyGap : same.get(a.id)!.has(b.id) ? d.hGap : d.zoneGap);
  const x = new Map<string, number>();
  for (const band of bands) {
    let at = 0;
    band.forEach((item, i) => {
      at += i === 0 ? 0 : gap(band[i - 1]!, item);
      item.x = at;
    });
    const shift = at / 2;
    for (const item of band) {
      item.x -= shift;
      x.set(item.id, item.x);
    }
  }
  for (let round = 0; round < PLACEMENT_ROUNDS; round += 1) {
    const order = round % 2 === 0 ? bands : [...bands].reverse();
    for (const band of order) {
      const want = band.map((item) => {
        const ns = [...adj.get(item.id)!].map((n) => x.get(n)!);
        return ns.length ? mean(ns) : item.x;
      });
      const left = [...want];
      for (let i = 1; i < band.length; i += 1) left[i] = Math.max(want[i]!, left[i - 1]! + gap(band[i - 1]!, band[i]!));
      const right = [...want];
      for (let i = band.length - 2; i >= 0; i -= 1) right[i] = Math.min(want[i]!, right[i + 1]! - gap(band[i]!, band[i + 1]!));
      band.forEach((item, i) => {
        item.x = (left[i]! + right[i]!) / 2;
        x.set(item.id, item.x);
      });
    }
  }
}

function place(bands: Item[][], levels: number[], zones: LayoutZone[], children: Map<string, LayoutAsset[]>, grid: Map<string, { cols: number; rows: number }>, d: typeof BASE): LayoutResult {
  const positions = new Map<string, Point>();
  const boxes = new Map<string, Box>();
  const bandOut: Band[] = [];
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const minX = Math.min(...bands.flat().map((i) => i.x - i.w / 2));
  let top = 0;
  for (const [b, band] of bands.entries()) {
    const height = Math.max(0, ...band.map((i) => i.h));
    bandOut.push({ level: levels[b]!, top, height });
    for (const item of band) {
      const zone = zoneById.get(item.id);
      if (!zone) continue;
      const cx = item.x - minX;
      const g = grid.get(zone.id);
      if (!g) {
        const h = zone.summary ? d.summaryH : d.emptyH;
        const w = zone.summary ? d.summaryW : d.emptyW;
        positions.set(zone.id, { x: cx, y: top + h / 2 });
        boxes.set(zone.id, { x: cx - w / 2, y: top, w, h });
        continue;
      }
      const w = g.cols * d.cellW;
      const x0 = cx - w / 2 + d.cellW / 2;
      children.get(zone.id)!.forEach((a, i) => {
        positions.set(a.id, { x: x0 + (i % g.cols) * d.cellW, y: top + d.pad + Math.floor(i / g.cols) * d.cellH + d.nodeY });
      });
      boxes.set(zone.id, { x: cx - w / 2 - d.pad, y: top, w: w + 2 * d.pad, h: item.h });
    }
    top += height + d.vGap;
  }
  return { positions, boxes, bands: bandOut };
}

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
