// The engineer bringing a Zeek capture to the explorer: the counts per category on screen are the
// API's answer for the same file (TSV from disk, JSON lines from disk, or the demo capture), each
// category is drawn on the topology in its own line style, picking a finding lights up its edge,
// ends, zones and conduits, a link reproduces the demo view, collapsing a zone keeps the overlay,
// and clearing removes it.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONN_FIELDS } from '../../server/importers/zeek/conn-log-format.js';
import type { TrafficAnswer, TrafficFinding } from '../../server/importers/zeek/traffic-answer.js';
import { clickElement, highlighted, referencePlant, SCREENSHOTS, startExplorer, waitText, type Explorer } from './helpers/explorer.js';

const LOG_PATH = new URL('../../fixtures/traffic/reference-plant-conn.log', import.meta.url);
const LOG = readFileSync(LOG_PATH, 'utf8');
const CATEGORY_KEYS: Record<string, string> = {
  'TRAFFIC-UNDECLARED-SAFETY': 'safety', 'TRAFFIC-UNDECLARED-CONDUIT': 'conduit', 'TRAFFIC-SAFETY-FLOW-UNSEEN': 'unseen', 'TRAFFIC-DENIED-BY-MODEL': 'denied',
};

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(referencePlant());
  await x.open('/?tab=traffic');
});
afterAll(async () => x?.close());

/** The API's answer for a capture, asked directly (not through the page). */
async function apiAnswer(log: string): Promise<TrafficAnswer> {
  const res = await x.app.inject({ method: 'POST', url: '/api/traffic', payload: log, headers: { 'content-type': 'text/plain' } });
  expect(res.statusCode).toBe(200);
  return res.json() as TrafficAnswer;
}

const countsOf = (findings: TrafficFinding[]) => Object.fromEntries(Object.keys(CATEGORY_KEYS).map((rule) => [rule, findings.filter((f) => f.rule === rule).length]));

/** What a person sees of the Traffic tab and the canvas. */
const trafficView = (page: Page) => page.evaluate(() => {
  const cy = window.interlock!.cy;
  return {
    counts: [...document.querySelectorAll<HTMLElement>('#traffic-counts .traffic-count')].map((li) => [li.dataset.rule, Number(li.querySelector('.n')!.textContent)] as const),
    groups: [...document.querySelectorAll<HTMLElement>('#traffic-findings .traffic-group')].map((g) => g.dataset.rule),
    findings: [...document.querySelectorAll<HTMLElement>('#traffic-findings .finding')].map((f) => f.dataset.id!),
    edges: cy.edges('.traffic-edge').map((e) => ({ id: e.id(), classes: e.classes().filter((c) => c.startsWith('traffic')).sort(), source: e.source().id(), target: e.target().id() })),
    addresses: cy.nodes('.traffic-address').map((n) => n.id()).sort(),
    legend: !document.querySelector('#legend-traffic')!.hasAttribute('hidden'),
  };
});

async function waitForAnswer(page: Page): Promise<void> {
  await page.locator('#traffic-counts, #traffic-error').first().waitFor({ timeout: 30_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), the text as a person sees it
  if (await page.locator('#traffic-error').count()) throw new Error(await page.locator('#traffic-error').innerText());
}

/** The TSV capture as Zeek's JSON writer would log it (flat "id.orig_h" keys, numbers as numbers). */
function asJsonLines(tsv: string): string {
  return tsv.split('\n').filter((l) => l && !l.startsWith('#')).map((line) => {
    const f = line.split('\t');
    if (f.length !== CONN_FIELDS.length) return '{"ts": 1795503599.8, "uid": "Ctrunc01", "id.orig_h": "10.21.0.10"';
    const o: Record<string, unknown> = {};
    CONN_FIELDS.forEach((name, i) => {
      if (f[i] !== '-') o[name] = /^(ts|id\.orig_p|id\.resp_p|orig_bytes|resp_bytes)$/.test(name) ? Number(f[i]) : f[i];
    });
    return JSON.stringify(o);
  }).join('\n');
}

describe('observed traffic on the topology', () => {
  let demo: TrafficAnswer;

  it('shows the demo capture\'s counts per category as the API answers them, safety first, and draws every finding', async () => {
    demo = await apiAnswer(LOG);
    await x.page.locator('#traffic-demo').click();
    await waitForAnswer(x.page);
    const view = await trafficView(x.page);
    const expected = countsOf(demo.findings);
    expect(Object.fromEntries(view.counts)).toEqual(expected);
    // Every category is there, and the highest-value one is read first.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    expect(view.counts[0]![0]).toBe('TRAFFIC-UNDECLARED-SAFETY');
    expect(view.groups).toEqual(Object.keys(CATEGORY_KEYS));
    expect([...view.findings].sort()).toEqual(demo.findings.map((f) => f.id).sort());
    // One edge per finding, classed by its category; the unknown laptop gets an address node.
    expect(view.edges.map((e) => e.id).sort()).toEqual(demo.findings.map((f) => `traffic:${f.id}`).sort());
    for (const f of demo.findings) {
      expect(view.edges.find((e) => e.id === `traffic:${f.id}`)!.classes).toEqual(['traffic', 'traffic-edge', `traffic-${CATEGORY_KEYS[f.rule]}`].sort());
    }
    expect(view.addresses).toEqual(expect.arrayContaining(['10.21.0.99']));
    expect(view.legend).toBe(true);
    await waitText(x.page, '#traffic-capture', '1,085 connections');
    await waitText(x.page, '#traffic-capture', '2 lines not understood');
    expect(x.page.url()).toContain('traffic=demo');
    await x.shot('60-traffic-demo-overlay');
    // Close up, where most of the findings meet: each category told apart by its line and arrow head.
    await x.page.evaluate(() => window.interlock!.cy.fit(window.interlock!.cy.$('.traffic-edge').connectedNodes().union(window.interlock!.cy.getElementById('z-sis')), 30));
    await x.shot('60b-traffic-overlay-close-up');
  });

  it('highlights a finding\'s edge, its ends, their zones and the conduits on its route when it is clicked', async () => {
    const finding = demo.findings.find((f) => f.id === 'TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502')!;
    expect(finding).toBeDefined();
    await x.page.locator(`#traffic-findings .finding[data-id="${finding.id}"]`).click();
    const edge = `traffic:${finding.id}`;
    await x.page.waitForFunction((id) => window.interlock!.cy.getElementById(id).hasClass('hl'), edge);
    const ids = await highlighted(x.page);
    const o = finding.observed!;
    expect(ids).toEqual(expect.arrayContaining([edge, o.srcAsset!, o.dstAsset!, o.srcZone!, o.dstZone!, ...finding.path.edges]));
    // Nothing but the path: every other finding's edge fades.
    const others = await x.page.evaluate((id) => window.interlock!.cy.edges('.traffic-edge').filter((e) => e.id() !== id).map((e) => e.hasClass('faded')), edge);
    expect(others.every(Boolean)).toBe(true);
    expect(await x.page.evaluate((id) => window.interlock!.cy.getElementById(id).classes(), edge)).toEqual(expect.arrayContaining(['hl', 'traffic-safety', `sev-${finding.severity}`]));
    await waitText(x.page, '#banner', 'TRAFFIC-UNDECLARED-SAFETY');
    expect(new URL(x.page.url()).searchParams.get('tf')).toBe(finding.id);
    await x.shot('61-traffic-finding-safety');
  });

  it('highlights a safety flow never seen between its two assets, and the unknown laptop by its address', async () => {
    const unseen = demo.findings.find((f) => f.rule === 'TRAFFIC-SAFETY-FLOW-UNSEEN')!;
    await x.page.locator(`#traffic-findings .finding[data-id="${unseen.id}"]`).click();
    await x.page.waitForFunction((id) => window.interlock!.cy.getElementById(id).hasClass('hl'), `traffic:${unseen.id}`);
    const ids = await highlighted(x.page);
    expect(ids).toEqual(expect.arrayContaining([`traffic:${unseen.id}`, ...unseen.path.nodes.slice(0, 2), ...unseen.path.edges.filter((e) => e !== unseen.flow)]));
    // Its own edge stands for the declared flow, which would lie on top of it.
    expect(ids).not.toContain(unseen.flow);
    await x.shot('62-traffic-finding-unseen');
    const laptop = demo.findings.find((f) => f.id.startsWith('TRAFFIC-UNDECLARED-SAFETY:10.21.0.99:'))!;
    await x.page.locator(`#traffic-findings .finding[data-id="${laptop.id}"]`).click();
    await x.page.waitForFunction((id) => window.interlock!.cy.getElementById(id).hasClass('hl'), `traffic:${laptop.id}`);
    expect(await highlighted(x.page)).toEqual(expect.arrayContaining([`traffic:${laptop.id}`, '10.21.0.99', 'sis-ls-01', 'z-sis']));
  });

  it('picks a finding when its edge on the canvas is clicked', async () => {
    const denied = demo.findings.find((f) => f.rule === 'TRAFFIC-DENIED-BY-MODEL')!;
    await clickElement(x.page, `traffic:${denied.id}`);
    await x.page.locator(`#traffic-findings .finding.active[data-id="${denied.id}"]`).waitFor();
    expect(await highlighted(x.page)).toContain(`traffic:${denied.id}`);
    // The banner's Clear unpicks it and keeps the overlay.
    await x.page.locator('#banner-clear').click();
    expect(await x.page.locator('#traffic-findings .finding.active').count()).toBe(0);
    expect(await highlighted(x.page)).toEqual([]);
    expect((await trafficView(x.page)).edges).toHaveLength(demo.findings.length);
    expect(new URL(x.page.url()).searchParams.get('tf')).toBeNull();
    expect(new URL(x.page.url()).searchParams.get('traffic')).toBe('demo');
  });

  it('reopens the demo capture and the finding picked from a link, in a fresh page', async () => {
    const finding = 'TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502';
    const link = `/?tab=traffic&traffic=demo&tf=${encodeURIComponent(finding)}`;
    const fresh = await x.openFresh(link);
    try {
      await fresh.locator('#traffic-findings .finding.active').waitFor();
      expect(await fresh.locator('#traffic-findings .finding.active').getAttribute('data-id')).toBe(finding);
      expect(await highlighted(fresh)).toContain(`traffic:${finding}`);
      expect(await fresh.locator('#tab-traffic').getAttribute('class')).toContain('active');
    } finally {
      await fresh.context().close();
    }
  });

  it('keeps the overlay when a zone collapses: the zone stands in for the assets it hides', async () => {
    await x.open('/?tab=traffic&traffic=demo');
    await waitForAnswer(x.page);
    await clickElement(x.page, 'z-sis', 2);
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('z-sis').hasClass('summary'));
    await x.page.waitForFunction(() => window.interlock!.cy.edges('.traffic-edge').length > 0);
    const view = await trafficView(x.page);
    expect(view.edges).toHaveLength(demo.findings.length);
    const intoSis = view.edges.find((e) => e.id === 'traffic:TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502')!;
    expect(intoSis.target).toBe('z-sis');
    await x.shot('63-traffic-collapsed-sis');
    await clickElement(x.page, 'z-sis', 2);
    await x.page.waitForFunction((id) => window.interlock!.cy.getElementById(id).target().id() === 'sis-ls-01', intoSis.id);
    expect((await trafficView(x.page)).edges).toHaveLength(demo.findings.length);
  });

  it('draws onto zones the server summarised, and lights them up in place of the assets they hide', async () => {
    const finding = 'TRAFFIC-UNDECLARED-SAFETY:hmi-03:sis-ls-01:tcp/502';
    await x.open(`/?tab=traffic&traffic=demo&collapse=all&tf=${encodeURIComponent(finding)}`);
    await x.page.locator('#traffic-findings .finding.active').waitFor();
    const ends = await x.page.evaluate(() => window.interlock!.cy.edges('.traffic-edge').connectedNodes()
      .map((n) => (n.hasClass('zone') ? 'zone' : n.hasClass('traffic-address') ? 'address' : n.id())));
    expect(new Set(ends)).toEqual(new Set(['zone', 'address']));
    expect(await highlighted(x.page)).toEqual(expect.arrayContaining([`traffic:${finding}`, 'z-ctl', 'z-sis', 'c-ctl-sis-a']));
    expect(await x.page.evaluate(() => window.interlock!.cy.getElementById('z-sis').classes())).toEqual(expect.arrayContaining(['summary', 'hl']));
    await x.shot('63b-traffic-server-summarised');
  });

  it('counts a TSV file and a JSON-lines file picked from disk exactly as the API does', async () => {
    await x.page.setInputFiles('#traffic-file', LOG_PATH.pathname);
    await waitText(x.page, '#traffic-capture', 'reference-plant-conn.log');
    expect(Object.fromEntries((await trafficView(x.page)).counts)).toEqual(countsOf(demo.findings));
    // A file cannot be linked: the URL forgets the demo.
    expect(x.page.url()).not.toContain('traffic=');

    const json = asJsonLines(LOG);
    const path = `${SCREENSHOTS}/../reference-plant-conn.json`;
    writeFileSync(path, json);
    const answer = await apiAnswer(json);
    await x.page.setInputFiles('#traffic-file', path);
    await waitText(x.page, '#traffic-capture', 'JSON lines');
    const view = await trafficView(x.page);
    expect(Object.fromEntries(view.counts)).toEqual(countsOf(answer.findings));
    expect(view.edges).toHaveLength(answer.findings.length);
  });

  it('reads in the projector mode', async () => {
    await x.open('/?tab=traffic&traffic=demo&large=1');
    await waitForAnswer(x.page);
    expect((await trafficView(x.page)).edges.length).toBeGreaterThan(0);
    await x.shot('64-traffic-projector');
  });

  it('prints the counts and a picture of each finding on the topology', async () => {
    await x.open('/?tab=traffic&traffic=demo');
    await waitForAnswer(x.page);
    await x.page.locator('#traffic-print').click();
    await x.page.locator('#print-view:not([hidden]) .print-finding img').first().waitFor();
    const printed = await x.page.evaluate(() => ({
      counts: [...document.querySelectorAll<HTMLElement>('#print-traffic-counts .traffic-count')].map((li) => [li.dataset.rule, Number(li.dataset.count)]),
      findings: [...document.querySelectorAll<HTMLElement>('#print-view .print-finding .finding')].map((f) => f.dataset.id),
      images: [...document.querySelectorAll<HTMLImageElement>('#print-view img')].map((i) => i.src.slice(0, 22)),
    }));
    expect(Object.fromEntries(printed.counts)).toEqual(countsOf(demo.findings));
    expect(printed.findings[0]).toMatch(/^TRAFFIC-UNDECLARED-SAFETY:/);
    expect([...printed.findings].sort()).toEqual(demo.findings.map((f) => f.id).sort());
    expect(printed.images).toHaveLength(demo.findings.length + 1);
    expect(printed.images.every((src) => src === 'data:image/png;base64,')).toBe(true);
    await x.shot('66-traffic-print-view');
    await x.page.emulateMedia({ media: 'print' });
    await x.page.screenshot({ path: `${SCREENSHOTS}/67-traffic-print-media.png`, fullPage: true });
    await x.page.emulateMedia({ media: 'screen' });
    await x.page.locator('#print-close').click();
    // The screen view is as it was: the overlay drawn, nothing highlighted.
    expect((await trafficView(x.page)).edges).toHaveLength(demo.findings.length);
    expect(await highlighted(x.page)).toEqual([]);
  });

  it('removes the overlay, the legend entry and the link when cleared', async () => {
    await x.page.locator('#traffic-clear').click();
    await x.page.waitForFunction(() => window.interlock!.cy.$('.traffic').empty());
    const view = await trafficView(x.page);
    expect([view.counts, view.edges, view.addresses, view.legend]).toEqual([[], [], [], false]);
    expect(await highlighted(x.page)).toEqual([]);
    expect(x.page.url()).not.toContain('traffic=');
    await x.shot('65-traffic-cleared');
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
