// The Content-Security-Policy must not break the pages it protects: the explorer (with a SIF's
// path lit, a what-if run and its printable record) and Swagger UI at /docs are driven in
// Chromium with the production headers, and no CSP violation or console error may occur.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickElement, referencePlant, startExplorer, type Explorer } from './helpers/explorer.js';

let x: Explorer;
beforeAll(async () => {
  x = await startExplorer(referencePlant());
});
afterAll(async () => x?.close());

/** Every securitypolicyviolation the page reports, recorded from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations ?? []);
}

describe('Content-Security-Policy in the browser', () => {
  it('the explorer works under it: topology, a SIF path, a what-if and its printed record, no violation', async () => {
    const violations = await watchViolations(x.page);
    const res = await x.page.request.get(`${x.base}/`);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    await x.open();
    await x.page.locator('#sif-list button.pick').first().click();
    // The SIF's path is drawn (and the view has moved to it) before the next click lands on the canvas.
    await x.page.waitForFunction(() => (window.interlock?.highlighted().length ?? 0) > 0);
    await clickElement(x.page, 'c-ctl-sis-a');
    await x.page.locator('#try-change').click();
    await x.page.locator('[name="remove-r-ctlsisa-040"]').check();
    await x.page.locator('#run-whatif').click();
    await x.page.locator('#verdict').waitFor({ timeout: 30_000 });
    await x.page.locator('#print-view-btn').click();
    await x.page.locator('#print-view:not([hidden]) .print-finding img').first().waitFor();
    await x.page.locator('#print-close').click();
    expect(await violations()).toEqual([]);
    expect(x.errors).toEqual([]);
  });

  it('Swagger UI at /docs renders every operation under it, no violation', async () => {
    const page = await x.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const violations = await watchViolations(page);
    await page.goto(`${x.base}/docs/`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
