// Helpers for the Assurance area's browser tests: the reference plant with its governance (the
// site `npm start` loads), waiting for a view to be drawn, and the API's answers to compare with.
import type { Page } from 'playwright-core';
import type { Explorer } from './explorer.js';

/** The date the reference baseline is designed for (fixtures/governance/reference-baseline.yaml). */
export const AS_OF = '2026-12-31';

/** Waits until the Assurance area has drawn this view (and its charts); returns how long it took. */
export async function drawn(page: Page, view: string): Promise<number> {
  await page.waitForFunction((v) => document.getElementById('assurance')?.dataset.drawn === v, view, { timeout: 30_000 });
  return Number(await page.locator('#assurance').getAttribute('data-draw-ms'));
}

/** GET through the app (inject), as JSON. */
export const apiGet = async <T = unknown>(x: Explorer, url: string): Promise<T> => {
  const res = await x.app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

/** What a chart says it shows (ECharts' aria description, written once it has drawn). */
export async function chartDescription(page: Page, selector: string): Promise<string> {
  const chart = page.locator(selector).first();
  await chart.locator('canvas').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction((sel) => Boolean(document.querySelector(sel)?.getAttribute('aria-label')), selector, { timeout: 15_000 });
  return (await chart.getAttribute('aria-label'))!;
}

export const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} %`);
