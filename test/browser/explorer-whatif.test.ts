// The engineer trying a change before raising it, and the review meeting reading the answer:
// compose a change by clicking, see which safety path it breaks, see that a harmless change
// touches none, and print the record.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickElement, highlighted, referencePlant, SCREENSHOTS, startExplorer, waitText, type Explorer } from './helpers/explorer.js';

let x: Explorer;
/** Every request asking the server where path members sit, with the ids asked about. */
const locates: string[][] = [];
beforeAll(async () => {
  x = await startExplorer(referencePlant());
  x.page.on('request', (r) => {
    if (r.url().endsWith('/api/graph/locate')) locates.push((r.postDataJSON() as { ids: string[] }).ids);
  });
  await x.open();
});
afterAll(async () => x?.close());

const verdict = () => x.page.locator('#verdict');
/** The link to a composed change and the finding picked, once a test has made it. */
let sharedLink = '';

async function assess(): Promise<void> {
  await x.page.locator('#run-whatif').click();
  await x.page.locator('#verdict, #whatif-error').first().waitFor({ timeout: 30_000 });
  const error = await x.page.locator('#whatif-error').count();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), the text as a person sees it
  if (error) throw new Error(await x.page.locator('#whatif-error').innerText());
}

/** What a person sees of the what-if: the tab, the form as filled in, the findings, the one picked and its path. */
const whatIfView = (page: Page) => page.evaluate(() => {
  const pane = document.querySelector('#pane-whatif')!;
  const fields = [...pane.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.form-box [name]')]
    .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
    .map((el) => [el.name, el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value] as const);
  return {
    tab: document.querySelector('.tab.active')?.id,
    kind: pane.querySelector<HTMLElement>('.seg.active')?.dataset.kind,
    fields: Object.fromEntries(fields),
    findings: [...pane.querySelectorAll<HTMLElement>('#findings .finding')].map((f) => `${f.dataset.index} ${f.dataset.rule}: ${f.querySelector('.finding-title')!.textContent}`),
    picked: pane.querySelector<HTMLElement>('#findings .finding.active')?.dataset.index,
    highlighted: window.interlock!.highlighted(),
    banner: document.querySelector('#banner')!.textContent,
  };
});

describe('what-if', () => {
  it('shows FW-BLOCKS-SAFETY-FLOW when a firewall change blocks a safety-required flow, and highlights its path', async () => {
    // A newcomer's route: click the conduit into the SIS zone, then "Try a change on this conduit".
    await clickElement(x.page, 'c-ctl-sis-a');
    await x.page.locator('#try-change').click();
    await x.page.locator('#pane-whatif tr[data-rule="r-ctlsisa-040"]').waitFor();
    expect(await x.page.locator('#fw-conduit').inputValue()).toBe('c-ctl-sis-a');
    await x.page.locator('[name="remove-r-ctlsisa-040"]').check();
    await x.shot('20-whatif-compose');
    await assess();
    expect(await verdict().getAttribute('data-touched')).toBe('true');
    const card = x.page.locator('#findings .finding[data-rule="FW-BLOCKS-SAFETY-FLOW"]').filter({ hasText: 'f-sis02-dcs03-status' }).first();
    await card.waitFor();
    await card.click();
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('f-sis02-dcs03-status').hasClass('hl'));
    const ids = await highlighted(x.page);
    expect(ids).toEqual(expect.arrayContaining(['f-sis02-dcs03-status', 'c-ctl-sis-a', 'sis-ls-02', 'dcs-ctl-03']));
    expect(ids).not.toContain('c-ent-dmz');
    // Everything of the path is in this view: nothing to ask the server.
    expect(locates).toEqual([]);
    await waitText(x.page, '#banner', 'FW-BLOCKS-SAFETY-FLOW');
    expect(x.page.url()).toMatch(/change=.*finding=\d+/);
    await x.shot('21-whatif-blocks-safety-flow');
  });

  it('reopens the same result from a shared link', async () => {
    await x.open(new URL(x.page.url()).search ? `/${new URL(x.page.url()).search}` : '/');
    await verdict().waitFor();
    expect(await verdict().getAttribute('data-touched')).toBe('true');
    expect(await x.page.evaluate(() => window.interlock!.cy.getElementById('f-sis02-dcs03-status').hasClass('hl'))).toBe(true);
  });

  it('prints the result with a picture of each finding path', async () => {
    await x.page.locator('#print-view-btn').click();
    await x.page.locator('#print-view:not([hidden]) .print-finding img').first().waitFor();
    const images = await x.page.locator('#print-view img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 22)));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((src) => src === 'data:image/png;base64,')).toBe(true);
    await x.shot('22-print-view');
    await x.page.emulateMedia({ media: 'print' });
    await x.page.screenshot({ path: `${SCREENSHOTS}/23-print-media.png`, fullPage: true });
    await x.page.emulateMedia({ media: 'screen' });
    await x.page.locator('#print-close').click();
    expect(await x.page.locator('#print-view').isHidden()).toBe(true);
  });

  it('says clearly that a harmless change touches no safety path, and what was checked', async () => {
    await x.open('/?tab=whatif');
    await x.page.selectOption('#fw-conduit', 'c-ent-dmz');
    await x.page.locator('[name="remove-r-entdmz-030"]').check();
    await assess();
    expect(await verdict().getAttribute('data-touched')).toBe('false');
    await waitText(x.page, '#verdict', 'No safety path touched');
    await waitText(x.page, '#verdict', 'Checked');
    expect(await highlighted(x.page)).toEqual([]);
    await x.shot('24-whatif-harmless');
  });

  it('validates the forms with the shared schemas before asking the server', async () => {
    await x.page.locator('.seg[data-kind="patch"]').click();
    await x.page.locator('#run-whatif').click();
    await waitText(x.page, '#pane-whatif [data-error="targets"]', 'list at least one target asset');
    await x.page.locator('.seg[data-kind="auth"]').click();
    await x.page.locator('#run-whatif').click();
    await waitText(x.page, '#pane-whatif [data-error="appliesTo"]', 'name at least one zone, asset or role');
    await waitText(x.page, '#form-issues', 'an auth policy sets mfa, lockoutThreshold or sessionTimeoutMinutes');
    await x.shot('25-whatif-validation');
  });

  it('assesses an auth policy that slows the manual ESD', async () => {
    await x.page.fill('[name="assets"]', 'hmi-01, hmi-02');
    await x.page.fill('[name="mfa"]', '30');
    await assess();
    await x.page.locator('#findings .finding[data-rule="AUTH-DELAYS-EMERGENCY"]').first().waitFor();
    await x.shot('26-whatif-auth');
  });

  it('assesses a patch of a SIF element', async () => {
    await x.page.locator('.seg[data-kind="patch"]').click();
    await x.page.fill('[name="targets"]', 'sis-ls-02');
    await assess();
    await x.page.locator('#findings .finding[data-rule="PATCH-SIF-ELEMENT"]').first().click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().includes('sis-ls-02'));
    await x.shot('27-whatif-patch');
  });

  it('reproduces a composed change from its link in a fresh page: the form, the findings, the finding picked and its path', async () => {
    await x.open('/?tab=whatif');
    await x.page.selectOption('#fw-conduit', 'c-ctl-sis-a');
    await x.page.locator('#pane-whatif tr[data-rule="r-ctlsisa-040"]').waitFor();
    await x.page.locator('[name="remove-r-ctlsisa-040"]').check();
    await x.page.selectOption('[name="action-r-ctlsisa-030"]', 'deny');
    await x.page.fill('[name="ports-r-ctlsisa-060"]', '123-124');
    await x.page.locator('#fw-add-rule').click();
    await x.page.fill('[name="add-seq-0"]', '15');
    await x.page.selectOption('[name="add-action-0"]', 'allow');
    await x.page.fill('[name="add-src-0"]', 'zone:z-ctl');
    await x.page.fill('[name="add-dst-0"]', 'sis-ls-01');
    await x.page.fill('[name="add-ports-0"]', '502');
    await x.page.selectOption('[name="defaultAction"]', 'deny');
    await assess();
    await x.page.locator('#findings .finding[data-rule="FW-BLOCKS-SAFETY-FLOW"]').filter({ hasText: 'f-sis02-dcs03-status' }).first().click();
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('f-sis02-dcs03-status').hasClass('hl'));
    const composed = await whatIfView(x.page);

    sharedLink = `/${new URL(x.page.url()).search}`;
    const fresh = await x.openFresh(sharedLink);
    try {
      const reopened = await whatIfView(fresh);
      expect(reopened).toEqual(composed);
      expect(fresh.url()).toBe(x.page.url());
      expect(reopened.fields).toMatchObject({ 'remove-r-ctlsisa-040': true, 'action-r-ctlsisa-030': 'deny', 'ports-r-ctlsisa-060': '123-124', 'add-src-0': 'zone:z-ctl', defaultAction: 'deny' });
      expect(reopened.findings[Number(reopened.picked)]).toContain('FW-BLOCKS-SAFETY-FLOW: Safety flow f-sis02-dcs03-status');
      expect(reopened.highlighted).toEqual(['c-ctl-sis-a', 'dcs-ctl-03', 'f-sis02-dcs03-status', 'sis-ls-02', 'z-ctl', 'z-sis']);
      expect(await fresh.locator('#link-note').isHidden()).toBe(true);
      await fresh.screenshot({ path: `${SCREENSHOTS}/28-whatif-shared-link.png` });
    } finally {
      await fresh.context().close();
    }
  });

  it('lights up a collapsed zone on a finding path in place of the members it hides', async () => {
    await x.open(`${sharedLink}&collapsed=z-sis`);
    expect(await highlighted(x.page)).toEqual(['c-ctl-sis-a', 'dcs-ctl-03', 'z-ctl', 'z-sis']);
    expect(await x.page.evaluate(() => window.interlock!.cy.getElementById('z-sis').classes())).toEqual(expect.arrayContaining(['summary', 'hl', 'sev-HIGH']));
    await x.shot('29-whatif-finding-collapsed-sis');
    expect(locates).toEqual([]);
  });

  it('lights up a zone summarised by the server in place of the path members it hides, as a collapsed one, and the members once it opens', async () => {
    await x.open('/?tab=whatif&collapse=all&expand=z-ctl');
    expect(await x.page.evaluate(() => window.interlock!.cy.getElementById('z-sis').classes())).toEqual(expect.arrayContaining(['summary']));
    await x.page.selectOption('#fw-conduit', 'c-ctl-sis-a');
    await x.page.locator('#pane-whatif tr[data-rule="r-ctlsisa-040"]').waitFor();
    await x.page.locator('[name="remove-r-ctlsisa-040"]').check();
    await assess();
    await x.page.locator('#findings .finding[data-rule="FW-BLOCKS-SAFETY-FLOW"]').filter({ hasText: 'f-sis02-dcs03-status' }).first().click();
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('z-sis').hasClass('hl'));
    const view = () => x.page.evaluate(() => {
      const cy = window.interlock!.cy;
      return {
        highlighted: window.interlock!.highlighted(),
        sis: cy.getElementById('z-sis').classes().filter((c) => ['summary', 'client-collapsed', 'hl', 'sev-HIGH', 'faded'].includes(c)).sort(),
        // Everything is either on the path, a zone around it, or faded.
        unaccounted: cy.elements().not('.hl, .hl-context, .faded').map((e) => e.id()),
        faded: cy.$('.faded').map((e) => e.id()),
      };
    });
    const summarised = await view();
    expect(summarised.highlighted).toEqual(['c-ctl-sis-a', 'dcs-ctl-03', 'z-ctl', 'z-sis']);
    expect(summarised.sis).toEqual(['hl', 'sev-HIGH', 'summary']);
    expect(summarised.unaccounted).toEqual([]);
    expect(summarised.faded).toEqual(expect.arrayContaining(['z-ent', 'z-dmz', 'z-fgs', 'z-field', 'c-ent-dmz', 'c-ctl-sis-b', 'fw-ot-01']));
    // One request, for the path members missing from the view.
    expect(locates).toHaveLength(1);
    expect(locates[0]).toEqual(expect.arrayContaining(['sis-ls-02', 'f-sis02-dcs03-status']));
    expect(locates[0]).not.toContain('dcs-ctl-03');
    await x.shot('29b-whatif-finding-server-summarised-sis');

    await clickElement(x.page, 'z-sis', 2);
    await x.page.waitForFunction(() => window.interlock!.cy.getElementById('sis-ls-02').hasClass('hl'), null, { timeout: 20_000 });
    expect(x.page.url()).toContain('expand=z-ctl%2Cz-sis');
    expect(await highlighted(x.page)).toEqual(['c-ctl-sis-a', 'dcs-ctl-03', 'f-sis02-dcs03-status', 'sis-ls-02', 'z-ctl', 'z-sis']);
    expect(locates).toHaveLength(1);
  });

  it('refills the patch and auth forms from a link', async () => {
    const link = (change: object) => `/?tab=whatif&change=${encodeURIComponent(JSON.stringify(change))}`;
    await x.open(link({ kind: 'patch', selector: { vendor: 'Emerson', model: 'Rosemount 3051S SIS', versionBelow: '7.3' }, requiresReboot: false, downtimeMinutes: 5 }));
    await verdict().waitFor();
    expect((await whatIfView(x.page)).fields).toEqual({
      'patch-mode': 'selector', targets: '', vendor: 'Emerson', model: 'Rosemount 3051S SIS', versionBelow: '7.3', requiresReboot: false, downtimeMinutes: '5',
    });
    expect(await x.page.locator('[name="patch-mode"][value="selector"]').isChecked()).toBe(true);
    await x.open(link({ kind: 'auth', appliesTo: { zones: ['z-ops'], assets: ['hmi-01', 'hmi-02'], roles: [] }, mfa: { addedSeconds: 30 }, lockoutThreshold: 5, sessionTimeoutMinutes: 15 }));
    await verdict().waitFor();
    expect((await whatIfView(x.page)).fields).toEqual({ zones: 'z-ops', assets: 'hmi-01, hmi-02', roles: '', mfa: '30', lockoutThreshold: '5', sessionTimeoutMinutes: '15' });
    expect(await x.page.locator('#link-note').isHidden()).toBe(true);
  });

  it('says so when a link holds more than the form can show', async () => {
    await x.open(`/?tab=whatif&change=${encodeURIComponent(JSON.stringify({ kind: 'firewall', conduit: 'c-ctl-sis-a', modify: [{ id: 'r-ctlsisa-030', src: 'any' }] }))}`);
    await verdict().waitFor();
    await waitText(x.page, '#link-note', 'more than the form can show');
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
