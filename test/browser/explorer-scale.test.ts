// Scale: a synthetic estate of about 5,000 elements. By default its zones come back as summaries
// (fast, readable); asked for everything, it is drawn by the WebGL renderer and stays interactive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigSite } from './helpers/big-site.js';
import { clickElement, selectedIds, startExplorer, type Explorer } from './helpers/explorer.js';

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(bigSite(4320, 640));
});
afterAll(async () => x?.close());

const timings = () => x.page.evaluate(() => window.interlock!.timings);

/** How long the page takes to paint two frames after a zoom: a frozen page would show here. */
const frameAfterZoom = () => x.page.evaluate(async () => {
  const cy = window.interlock!.cy;
  const t0 = performance.now();
  cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
});

describe('scale', () => {
  it('collapses a large estate into zone summaries by default', async () => {
    await x.open('/');
    const view = await x.page.evaluate(() => ({ zones: window.interlock!.cy.nodes('.zone.summary').length, assets: window.interlock!.cy.nodes('.asset').length }));
    expect(view).toEqual({ zones: 40, assets: 0 });
    const t = await timings();
    console.info(`summaries: ${t.elements} elements, fetch ${t.fetchMs?.toFixed(0)} ms, load ${t.loadMs.toFixed(0)} ms, layout ${t.layoutMs.toFixed(1)} ms, ${t.renderer}`);
    await x.shot('30-scale-summaries');
  });

  it('opens one summary zone on double-click', async () => {
    await clickElement(x.page, 'bz-1-0', 2);
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('bz-1-0').children().length > 0, null, { timeout: 20_000 });
    expect(x.page.url()).toContain('expand=bz-1-0');
    await x.shot('31-scale-one-zone-open');
  });

  it('draws all ~5,000 elements with the WebGL renderer, lays them out fast and stays interactive', async () => {
    await x.open('/?collapse=none&flows=1');
    const t = await timings();
    console.info(`full view: ${t.elements} elements, fetch ${t.fetchMs?.toFixed(0)} ms, load ${t.loadMs.toFixed(0)} ms, layout ${t.layoutMs.toFixed(1)} ms, ${t.renderer}`);
    expect(t.elements).toBeGreaterThanOrEqual(5000);
    expect(t.renderer).toBe('webgl');
    expect(t.layoutMs).toBeLessThan(500);
    // The first zoom also builds textures; then the median of three zooms is what a person feels.
    const first = await frameAfterZoom();
    const frames = [await frameAfterZoom(), await frameAfterZoom(), await frameAfterZoom()].sort((a, b) => a - b);
    console.info(`frames after a zoom: first ${first.toFixed(0)} ms, then ${frames.map((f) => f.toFixed(0)).join(', ')} ms (software WebGL)`);
    expect(frames[1]).toBeLessThan(1000);
    await x.page.evaluate(() => window.interlock!.cy.fit(undefined, 30));
    await x.shot('32-scale-webgl-all');
    await clickElement(x.page, 'a-0-50');
    await x.page.waitForFunction(() => window.interlock!.cy.$(':selected').length === 1);
    expect(await selectedIds(x.page)).toEqual(['a-0-50']);
    await x.shot('33-scale-webgl-selected');
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
