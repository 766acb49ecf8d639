// Scale: a synthetic estate of about 5,000 elements. By default its zones come back as summaries
// (fast, readable); asked for everything, it is drawn by the WebGL renderer and stays interactive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigSite } from './helpers/big-site.js';
import { clickElement, selectedIds, startExplorer, type Explorer } from './helpers/explorer.js';
import { longTasksBetween, recordLongTasks } from './helpers/long-tasks.js';

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(bigSite(4320, 640));
  await recordLongTasks(x.page);
});
afterAll(async () => x?.close());

/**
 * The page must never be busy with most of the draw in one go. Seconds depend on the machine
 * (drawn in one step on this 2-core machine, 2.4–3.7 s; a slice at a time, 0.95–1.3 s, and up to
 * 2.9 s while other test runs loaded it), so the check is a share, not a time: no slice may hold
 * half the drawing work (a slice's share, measured under load: up to 0.4, the first slice paying
 * for a cold JIT). A one-step draw is one slice holding all of it.
 */
const LARGEST_SLICE_SHARE = 1 / 2;

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

  it('draws all ~5,000 elements a slice at a time, showing its progress, and the page never freezes', async () => {
    const progress = x.page.locator('#draw-progress');
    let seen = '';
    await x.open('/?collapse=none&flows=1', async () => {
      await progress.waitFor({ state: 'visible', timeout: 30_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), the text as a person sees it
      seen = await progress.innerText();
    });
    expect(seen).toMatch(/^Drawing [\d,]+ \/ 5,0\d\d elements$/);
    expect(await progress.isHidden()).toBe(true);
    // From the start of the draw to the first frames after it, so drawing the full view counts.
    const span = await x.page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { from: performance.getEntriesByName('interlock:draw-start')[0]!.startTime, to: performance.now() };
    });
    const tasks = await longTasksBetween(x.page, span.from, span.to);
    const longest = tasks[0]?.duration ?? 0;
    const slices = await x.page.evaluate(() => performance.getEntriesByName('interlock:draw-slice').map((m) => m.duration));
    console.info(`drawing the full view: ${Math.round(span.to - span.from)} ms in ${slices.length} slices (longest ${Math.max(...slices).toFixed(0)} ms),` +
      ` ${tasks.length} long tasks, longest ${longest.toFixed(0)} ms (then ${tasks.slice(1, 5).map((t) => t.duration.toFixed(0)).join(', ')})`);
    const work = slices.reduce((a, b) => a + b, 0);
    console.info(`largest slice: ${(Math.max(...slices) / work).toFixed(2)} of the drawing work`);
    expect(Math.max(...slices) / work).toBeLessThan(LARGEST_SLICE_SHARE);
  });

  it('ends the slice-by-slice draw exactly where the one-step layout puts everything', async () => {
    const same = await x.page.evaluate(() => {
      const cy = window.interlock!.cy;
      const state = () => JSON.stringify(cy.elements().map((e) => [e.id(), e.classes().join(' '), e.isNode() ? e.position() : e.data('bend'), e.data('zf')]).sort());
      const drawn = state();
      window.interlock!.app.canvas.layout();
      return drawn === state();
    });
    expect(same).toBe(true);
  });

  it('draws all ~5,000 elements with the WebGL renderer, lays them out fast and stays interactive', async () => {
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
