// Scale for the Assurance area: the generated 20,000-asset estate with its baseline topped up to
// 1,000 controls. The control table stays responsive because it never draws more than a page of
// rows, whatever the baseline's size: that is what is asserted. Times (load, sort, filter, page)
// and the page's long tasks are printed for the record, not asserted — they depend on the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../client/src/assurance/control-rows.js';
import { generateEstate } from '../../server/generate/estate.js';
import type { ControlT } from '../../server/model/site-schema.js';
import { drawn } from './helpers/assurance.js';
import { startExplorer, waitText, type Explorer } from './helpers/explorer.js';
import { longTasksBetween, recordLongTasks } from './helpers/long-tasks.js';

const CONTROLS = 1000;
let x: Explorer;

/** The generated estate; its plants' OT controls copied (new ids, same requirements and zones) until the baseline holds 1,000. */
function estate() {
  const doc = generateEstate({ assets: 20_000, seed: 7 });
  const controls = doc.controls as ControlT[];
  const plantControls = controls.filter((c) => c.appliesTo.length > 0 && c.mitigates.length === 0);
  for (let k = 0; controls.length < CONTROLS; k += 1) {
    const c = plantControls[k % plantControls.length]!;
    controls.push({ ...c, id: `${c.id}-copy-${Math.floor(k / plantControls.length) + 1}`, name: `${c.name} (copy)` });
  }
  return doc;
}

beforeAll(async () => {
  const t0 = Date.now();
  x = await startExplorer(estate());
  console.info(`20,000-asset estate with ${CONTROLS} controls loaded and served in ${Date.now() - t0} ms`);
  await recordLongTasks(x.page);
}, 600_000);
afterAll(async () => x?.close());

/** Runs a step and returns how long the page took and its longest task meanwhile. */
async function measured(label: string, step: () => Promise<void>): Promise<void> {
  const from = await x.page.evaluate(() => performance.now());
  await step();
  const to = await x.page.evaluate(() => performance.now());
  const tasks = await longTasksBetween(x.page, from, to);
  console.info(`${label}: ${Math.round(to - from)} ms, ${tasks.length} long tasks, longest ${Math.round(tasks[0]?.duration ?? 0)} ms`);
}

describe('the control table on a 1,000-control baseline', () => {
  it('draws one page of rows, and says how many there are', async () => {
    await measured('control table, first load (the estate\'s topology included)', async () => {
      await x.open('/?tab=assurance&av=controls');
      console.info(`control table drawn in ${await drawn(x.page, 'controls')} ms from the view's start`);
    });
    const total = Number((await x.app.inject({ method: 'GET', url: '/api/assurance/controls' })).json().length);
    expect(total).toBe(CONTROLS);
    await waitText(x.page, '#controls-count', `${CONTROLS} of ${CONTROLS} controls · page 1 of ${Math.ceil(CONTROLS / PAGE_SIZE)}`);
    expect(await x.page.locator('.controls-table tbody tr').count()).toBe(PAGE_SIZE);
    await x.shot('55-assurance-scale-controls');
  });

  it('sorts, pages and filters without drawing more than a page', async () => {
    await measured('sort by status', async () => {
      await x.page.locator('button.sort[data-sort="status"]').click();
      await drawn(x.page, 'controls');
    });
    expect(await x.page.locator('.controls-table tbody tr').count()).toBe(PAGE_SIZE);
    await measured('next page', async () => {
      await x.page.locator('#page-next').click();
      await drawn(x.page, 'controls');
    });
    await waitText(x.page, '#controls-count', 'page 2 of');
    await measured('filter "copy"', async () => {
      await x.page.locator('#controls-filter').fill('copy');
      await waitText(x.page, '#controls-count', 'page 1 of');
    });
    expect(await x.page.locator('.controls-table tbody tr').count()).toBeLessThanOrEqual(PAGE_SIZE);
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
