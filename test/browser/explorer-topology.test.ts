// The architect's view: every zone of the reference plant laid out by Purdue level, details on
// click, search, filters, collapse, shareable URLs, projector mode and PNG export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickElement, referencePlant, selectedIds, startExplorer, waitText, SCREENSHOTS, type Explorer } from './helpers/explorer.js';

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(referencePlant());
  await x.open();
});
afterAll(async () => x?.close());

const REFERENCE_ZONES = ['z-ctl', 'z-dmz', 'z-ent', 'z-fgs', 'z-field', 'z-ops', 'z-ra', 'z-sis', 'z-vendor'];

describe('topology view', () => {
  it('shows every zone of the reference plant, stacked by Purdue level, in well under a second', async () => {
    const zones = (await x.app.inject({ method: 'GET', url: '/api/zones' })).json() as Array<{ id: string }>;
    expect(zones.map((z) => z.id).sort()).toEqual(REFERENCE_ZONES);
    const shown = await x.page.evaluate(() => window.interlock!.cy.nodes('.zone').map((n) => ({ id: n.id(), visible: n.visible(), y: n.boundingBox().y1, level: n.data('purdueLevel') as number })));
    expect(shown.map((z) => z.id).sort()).toEqual(REFERENCE_ZONES);
    expect(shown.every((z) => z.visible)).toBe(true);
    // Higher Purdue levels sit higher on the page: enterprise above the DMZ above operations above field.
    const top = (id: string) => shown.find((z) => z.id === id)!.y;
    expect(top('z-vendor')).toBeLessThan(top('z-ent'));
    expect(top('z-ent')).toBeLessThan(top('z-dmz'));
    expect(top('z-dmz')).toBeLessThan(top('z-ops'));
    expect(top('z-ops')).toBeLessThan(top('z-ctl'));
    expect(top('z-ctl')).toBeLessThan(top('z-field'));
    const timings = await x.page.evaluate(() => window.interlock!.timings);
    console.info(`reference plant: ${timings.elements} elements, layout ${timings.layoutMs.toFixed(1)} ms, load ${timings.loadMs.toFixed(1)} ms, ${timings.renderer}`);
    expect(timings.layoutMs).toBeLessThan(250);
    await x.shot('01-topology');
  });

  it('makes the safety zones, flagged zones and conduits stand out, with a legend', async () => {
    const classes = await x.page.evaluate(() => Object.fromEntries(window.interlock!.cy.elements().map((e) => [e.id(), e.classes()])));
    expect(classes['z-sis']).toContain('safety');
    expect(classes['z-fgs']).toContain('safety');
    expect(classes['z-ctl']).toContain('below-target');
    expect(classes['sis-ls-01']).toEqual(expect.arrayContaining(['sis', 'sif-element']));
    expect(classes['c-ra-vendor']).toContain('flagged');
    await waitText(x.page, '#legend', 'Safety zone (SIS)');
    await waitText(x.page, '#legend', 'SIS logic solver');
    await waitText(x.page, '#zone-list [data-zone="z-sis"]', 'SAFETY');
  });

  it('has no overlapping asset labels', async () => {
    const overlaps = await x.page.evaluate(() => {
      const boxes = window.interlock!.cy.nodes('.asset').map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeNodes: true, includeOverlays: false }) }));
      const hits: string[] = [];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i]!.b;
          const b = boxes[j]!.b;
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) hits.push(`${boxes[i]!.id}/${boxes[j]!.id}`);
        }
      }
      return hits;
    });
    expect(overlaps).toEqual([]);
  });

  it('selects the asset whose IP is searched, and shows its details', async () => {
    await x.page.fill('#search', '10.21.0.10');
    await x.page.press('#search', 'Enter');
    await x.page.waitForFunction(() => window.interlock!.cy.$(':selected').length === 1);
    expect(await selectedIds(x.page)).toEqual(['sis-ls-01']);
    await waitText(x.page, '#info', 'ESD logic solver A');
    await waitText(x.page, '#info', 'SIFs that depend on it');
    expect(x.page.url()).toContain('sel=sis-ls-01');
    await x.shot('02-search-ip');
  });

  it('shows a conduit with its ordered rules and default action when clicked', async () => {
    await clickElement(x.page, 'c-ctl-sis-a');
    await waitText(x.page, '#info', 'Rules, first match wins (11)');
    const rules = await x.page.locator('#info tr.rule').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.rule));
    expect(rules[0]).toBe('r-ctlsisa-010');
    expect(rules.at(-1)).toBe('r-ctlsisa-999');
    await waitText(x.page, '#info tr.default', 'deny');
    await x.shot('03-conduit');
  });

  it('collapses and expands a zone', async () => {
    await clickElement(x.page, 'z-ent', 2);
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('z-ent').hasClass('summary'));
    expect(await x.page.evaluate(() => window.interlock!.cy.$id('ent-dc-01').length)).toBe(0);
    expect(x.page.url()).toContain('collapsed=z-ent');
    await x.shot('04-collapsed-zone');
    await clickElement(x.page, 'z-ent', 2);
    await x.page.waitForFunction(() => !window.interlock!.cy.getElementById('z-ent').hasClass('summary'));
    expect(await x.page.evaluate(() => window.interlock!.cy.$id('ent-dc-01').length)).toBe(1);
  });

  it('filters by asset type and by domain', async () => {
    await x.page.selectOption('#filter-type', 'firewall');
    const visible = await x.page.evaluate(() => window.interlock!.cy.nodes('.asset').filter((n) => n.visible()).map((n) => n.data('type') as string));
    expect(new Set(visible)).toEqual(new Set(['firewall']));
    expect(visible.length).toBe(8);
    await x.shot('05-filter-firewalls');
    await x.page.selectOption('#filter-type', '');
    await x.page.selectOption('#filter-domain', 'IT');
    const zones = await x.page.evaluate(() => window.interlock!.cy.nodes('.zone').filter((n) => n.visible()).map((n) => n.id()).sort());
    expect(zones).toEqual(['z-ent', 'z-ra', 'z-vendor']);
    await x.page.selectOption('#filter-domain', '');
  });

  it('expands an asset neighbourhood', async () => {
    await x.page.fill('#search', 'hmi-01');
    await x.page.press('#search', 'Enter');
    await x.page.locator('#info button[data-depth="1"]').click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().length > 0);
    const ids = await x.page.evaluate(() => window.interlock!.highlighted());
    expect(ids).toEqual(expect.arrayContaining(['hmi-01', 'sis-ls-01', 'f-hmi01-sis01-esd', 'fw-sis-a']));
    await x.shot('06-neighbourhood');
    await x.page.locator('#banner-clear').click();
  });

  it('keeps the view in the URL, so a shared link opens the same view', async () => {
    await x.open('/?sel=fw-sis-a&flows=1&collapsed=z-vendor');
    expect(await selectedIds(x.page)).toEqual(['fw-sis-a']);
    await waitText(x.page, '#info', 'SIS firewall A');
    expect(await x.page.evaluate(() => window.interlock!.cy.getElementById('z-vendor').hasClass('summary'))).toBe(true);
    expect(await x.page.locator('#toggle-flows').isChecked()).toBe(true);
    await x.shot('07-shared-url-flows');
  });

  it('reads on a projector in large-text mode, and exports the view as PNG', async () => {
    await x.open('/');
    await x.page.locator('#toggle-large').check();
    expect(x.page.url()).toContain('large=1');
    const size = await x.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(size)).toBeGreaterThan(14);
    await x.shot('08-large-text');
    await x.page.locator('#sif-list [data-sif="sif-101"]').click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().length > 0);
    await x.shot('08b-large-text-sif-101');
    await x.page.locator('#banner-clear').click();
    const [download] = await Promise.all([x.page.waitForEvent('download'), x.page.locator('#btn-png').click()]);
    const path = await download.path();
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    await download.saveAs(`${SCREENSHOTS}/09-export.png`);
    await x.page.locator('#toggle-large').uncheck();
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});

