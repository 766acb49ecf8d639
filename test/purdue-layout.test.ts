// The explorer's Purdue layout is a pure function: checked here without a browser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { purdueLayout, type Box, type LayoutAsset, type LayoutLink, type LayoutZone } from '../client/src/layouts/purdue-layout.js';

interface Doc {
  zones: Array<{ id: string; name: string; purdueLevel: number }>;
  assets: Array<{ id: string; zone: string; type: string }>;
  conduits: Array<{ zones: [string, string] }>;
}
const plant = parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8')) as Doc;
const zones: LayoutZone[] = plant.zones.map((z) => ({ id: z.id, level: z.purdueLevel, summary: false, label: `${z.name}\nL${z.purdueLevel} · OT · SL-T 2 / SL-A 2` }));
const assets: LayoutAsset[] = plant.assets.map((a) => ({ id: a.id, zone: a.zone, type: a.type }));
const links: LayoutLink[] = plant.conduits.map((c) => ({ source: c.zones[0], target: c.zones[1] }));

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Does the segment p→q pass through box b? (sampled; fine at this scale) */
function crosses(p: { x: number; y: number }, q: { x: number; y: number }, b: Box): boolean {
  for (let t = 0.02; t < 1; t += 0.02) {
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h) return true;
  }
  return false;
}

describe('Purdue layout', () => {
  const { positions, boxes, bands } = purdueLayout(zones, assets, links);

  it('stacks bands top to bottom from level 5 to level 0, the DMZ between 4 and 3', () => {
    expect(bands.map((b) => b.level)).toEqual([5, 4, 3.5, 3, 2, 0]);
    for (let i = 1; i < bands.length; i += 1) expect(bands[i]!.top).toBeGreaterThan(bands[i - 1]!.top + bands[i - 1]!.height);
    const top = (id: string) => boxes.get(id)!.y;
    expect(top('z-ent')).toBeLessThan(top('z-dmz'));
    expect(top('z-dmz')).toBeLessThan(top('z-ops'));
    expect(top('z-ctl')).toBe(top('z-sis'));
  });

  it('never overlaps two zones, and keeps zones joined by a conduit in one band side by side', () => {
    const all = [...boxes.entries()];
    for (let i = 0; i < all.length; i += 1) for (let j = i + 1; j < all.length; j += 1) expect(overlap(all[i]![1], all[j]![1]), `${all[i]![0]}/${all[j]![0]}`).toBe(false);
    const x = (id: string) => boxes.get(id)!.x;
    // z-sis sits between z-ctl and z-fgs, the zones it has conduits to.
    expect(x('z-ctl') < x('z-sis') && x('z-sis') < x('z-fgs')).toBe(true);
  });

  it('gives every asset its own grid cell inside its zone', () => {
    expect(positions.size).toBe(assets.length);
    const seen = new Set<string>();
    for (const a of assets) {
      const p = positions.get(a.id)!;
      const b = boxes.get(a.zone)!;
      expect(p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h, a.id).toBe(true);
      const key = `${Math.round(p.x)},${Math.round(p.y)}`;
      expect(seen.has(key), a.id).toBe(false);
      seen.add(key);
    }
  });

  it('routes a conduit that skips a band through a corridor, not through a zone', () => {
    for (const l of links) {
      const from = centre(boxes.get(l.source)!);
      const to = centre(boxes.get(l.target)!);
      for (const [id, box] of boxes) {
        if (id !== l.source && id !== l.target) expect(crosses(from, to, box), `${l.source}-${l.target} through ${id}`).toBe(false);
      }
    }
  });

  it('lays out 5,000 assets in 40 zones, every one placed (the time is printed; the browser scale test measures it in place)', () => {
    const bigZones: LayoutZone[] = Array.from({ length: 40 }, (_, i) => ({ id: `z${i}`, level: [5, 4, 3.5, 3, 2, 1, 0][i % 7]!, summary: false, label: `Zone ${i}` }));
    const bigAssets: LayoutAsset[] = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, zone: `z${i % 40}`, type: 'server' }));
    const bigLinks: LayoutLink[] = Array.from({ length: 39 }, (_, i) => ({ source: `z${i}`, target: `z${i + 1}` }));
    const t0 = performance.now();
    const out = purdueLayout(bigZones, bigAssets, bigLinks);
    const ms = performance.now() - t0;
    console.info(`purdueLayout: 5,000 assets in 40 zones in ${ms.toFixed(1)} ms`);
    expect(out.positions.size).toBe(5000);
  });
});
