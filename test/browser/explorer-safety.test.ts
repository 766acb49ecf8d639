// The engineer's question "what does this SIF need to act?": picking a SIF lights up exactly
// its safety path (as the API defines it) and fades the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickElement, highlighted, referencePlant, selectedIds, startExplorer, waitText, type Explorer } from './helpers/explorer.js';

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(referencePlant());
  await x.open();
});
afterAll(async () => x?.close());

interface SafetyPath {
  elements: Array<{ asset: string }>;
  flows: Array<{ id: string; from: string; to: string; routesThrough: string[] }>;
  conduits: Array<{ id: string; firewalls: string[] }>;
  zones: string[];
}

/**
 * The safety path as the read API (not the graph view) states it, as element ids. With a zone
 * collapsed, its assets and the flows to them are out of the view: the zone stands in for them.
 */
async function expectedPath(sif: string, collapsed?: string): Promise<string[]> {
  const get = async (url: string) => (await x.app.inject({ method: 'GET', url })).json();
  const path = (await get(`/api/sifs/${sif}`)).safetyPath as SafetyPath;
  const firewalls = path.conduits.flatMap((c) => c.firewalls);
  const assets = new Set([...path.elements.map((e) => e.asset), ...path.flows.flatMap((f) => [f.from, f.to, ...f.routesThrough]), ...firewalls]);
  const zones = new Set(path.zones);
  for (const fw of firewalls) zones.add((await get(`/api/assets/${fw}`)).zone as string);
  const ids = [...assets, ...zones, ...path.flows.map((f) => f.id), ...path.conduits.map((c) => c.id)];
  if (!collapsed) return ids.sort();
  const members = new Set(((await get(`/api/zones/${collapsed}`)).assets as Array<{ id: string }>).map((a) => a.id));
  const hidden = new Set([...members, ...path.flows.filter((f) => members.has(f.from) || members.has(f.to)).map((f) => f.id)]);
  expect(zones).toContain(collapsed);
  return ids.filter((id) => !hidden.has(id)).sort();
}

describe('safety paths', () => {
  it('finds the SIS zone from the zone list', async () => {
    await x.page.locator('#zone-list [data-zone="z-sis"]').click();
    await x.page.waitForFunction(() => window.interlock!.cy.$(':selected').length === 1);
    expect(await selectedIds(x.page)).toEqual(['z-sis']);
    await waitText(x.page, '#info', 'Safety zone');
    await waitText(x.page, '#info', 'SIFs that depend on it');
    await x.shot('10-sis-zone');
  });

  it('lists the SIFs with their SIL, highest first', async () => {
    const items = await x.page.locator('#sif-list button.pick').evaluateAll((bs) => bs.map((b) => `${(b as HTMLElement).dataset.sif}:${b.querySelector('.badge')!.textContent}`));
    expect(items[0]).toMatch(/^sif-(101|301):SIL 3$/);
    expect(items).toContain('sif-101:SIL 3');
    expect(items).toHaveLength(8);
  });

  it('highlights exactly the safety path of the SIF picked, and fades the rest', async () => {
    await x.page.locator('#sif-list [data-sif="sif-101"]').click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().length > 0);
    expect(await highlighted(x.page)).toEqual(await expectedPath('sif-101'));
    const state = await x.page.evaluate(() => {
      const cy = window.interlock!.cy;
      return {
        entFaded: cy.getElementById('z-ent').hasClass('faded'),
        sensor: cy.getElementById('pt-1001a').data('roleLabel') as string,
        logic: cy.getElementById('sis-ls-01').data('roleLabel') as string,
      };
    });
    expect(state.entFaded).toBe(true);
    expect(state.sensor).toBe('pt-1001a\nSENSOR 2oo3');
    expect(state.logic).toBe('sis-ls-01\nLOGIC 1oo1');
    await waitText(x.page, '#info', 'Voting groups');
    await waitText(x.page, '#banner', 'Safety path of sif-101');
    expect(x.page.url()).toContain('sif=sif-101');
    await x.shot('11-sif-101-safety-path');
  });

  it('switches to another SIF, including flows it needs through a procedure', async () => {
    await x.page.locator('#sif-list [data-sif="sif-201"]').click();
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('f-sis02-dcs03-status').hasClass('hl'));
    expect(await highlighted(x.page)).toEqual(await expectedPath('sif-201'));
    await x.shot('12-sif-201-safety-path');
  });

  it('opens a shared link straight onto a safety path', async () => {
    await x.open('/?sif=sif-301');
    expect(await highlighted(x.page)).toEqual(await expectedPath('sif-301'));
  });

  it('clears the highlight', async () => {
    await x.page.locator('#banner-clear').click();
    expect(await highlighted(x.page)).toEqual([]);
    expect(await x.page.evaluate(() => window.interlock!.cy.$('.faded').length)).toBe(0);
    expect(x.page.url()).not.toContain('sif=');
  });

  it('lights up a collapsed zone in place of the path members it hides, and the members once it opens', async () => {
    await x.open('/');
    await clickElement(x.page, 'z-sis', 2);
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('z-sis').hasClass('summary'));
    await x.page.locator('#sif-list [data-sif="sif-101"]').click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().length > 0);
    const state = () => x.page.evaluate(() => {
      const cy = window.interlock!.cy;
      return {
        sis: cy.getElementById('z-sis').classes().filter((c) => ['summary', 'hl', 'faded'].includes(c)).sort(),
        // Everything is either on the path, a zone around it, or faded.
        unaccounted: cy.elements().not('.hl, .hl-context, .faded').map((e) => e.id()),
        faded: cy.$('.faded').length,
        logicLabel: cy.getElementById('sis-ls-01').data('roleLabel') as string | undefined,
      };
    });
    const collapsed = await state();
    expect(await highlighted(x.page)).toEqual(await expectedPath('sif-101', 'z-sis'));
    expect(collapsed).toMatchObject({ sis: ['hl', 'summary'], unaccounted: [], logicLabel: undefined });
    expect(collapsed.faded).toBeGreaterThan(50);
    expect(x.page.url()).toContain('collapsed=z-sis');
    await x.shot('13-sif-101-collapsed-sis');

    await clickElement(x.page, 'z-sis', 2);
    await x.page.waitForFunction(() => !window.interlock!.cy.getElementById('z-sis').hasClass('summary'));
    expect(await highlighted(x.page)).toEqual(await expectedPath('sif-101'));
    expect(await state()).toMatchObject({ sis: ['hl'], unaccounted: [], logicLabel: 'sis-ls-01\nLOGIC 1oo1' });
    await x.shot('14-sif-101-sis-open-again');
  });

  it('keeps zones summarised by the server closed for a SIF path: they stand in for its members, as a collapsed zone does', async () => {
    const locates: string[] = [];
    x.page.on('request', (r) => void (r.url().endsWith('/api/graph/locate') && locates.push(r.url())));
    await x.open('/?collapse=all&sif=sif-101');
    const view = await x.page.evaluate(() => {
      const cy = window.interlock!.cy;
      return { assets: cy.nodes('.asset').length, sis: cy.getElementById('z-sis').classes().filter((c) => ['summary', 'hl'].includes(c)).sort() };
    });
    expect(view).toEqual({ assets: 0, sis: ['hl', 'summary'] });
    // Every zone and conduit of the path lights up; its assets and flows are inside the summaries.
    const inView = await x.page.evaluate((ids) => ids.filter((id) => window.interlock!.cy.getElementById(id).nonempty()), await expectedPath('sif-101'));
    expect(await highlighted(x.page)).toEqual(inView);
    expect(inView).toEqual(expect.arrayContaining(['z-sis', 'z-field', 'c-ctl-sis-a']));
    // The SIF view says where its members sit: nothing to ask.
    expect(locates).toEqual([]);
    await x.shot('15-sif-101-server-summaries');
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
