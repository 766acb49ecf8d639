// The review meeting in the browser: raise a change request from a what-if's finding, submit it,
// see why the requester may not sign, sign it as a security and a safety approver (each signed in
// as themselves, re-entering their password), implement it, and open the meeting pack.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUser } from '../helpers/users.js';
import { miniSite } from '../helpers/mini-site.js';
import { SCREENSHOTS, startExplorer, waitText, type Explorer } from './helpers/explorer.js';

const SIGNERS = { sam: 'sam-signs-security', sue: 'sue-signs-safety' } as const;
const REMOVE_NTP = { kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-ntp'] };

let ex: Explorer;
beforeAll(async () => {
  ex = await startExplorer(miniSite());
  await ensureUser(ex.db, { username: 'sam', displayName: 'Sam Security', roles: ['security-approver'], password: SIGNERS.sam });
  await ensureUser(ex.db, { username: 'sue', displayName: 'Sue Safety', roles: ['safety-approver'], password: SIGNERS.sue });
});
afterAll(async () => {
  await ex?.close();
});

async function signedInAs(username: keyof typeof SIGNERS, path: string): Promise<Page> {
  const page = await ex.signedOutPage();
  await page.goto(`${ex.base}${path}`);
  await page.fill('#sign-in-username', username);
  await page.fill('#sign-in-password', SIGNERS[username]);
  await page.click('#sign-in-submit');
  await page.waitForFunction(() => window.interlock?.ready === true, null, { timeout: 30_000 });
  return page;
}

async function sign(page: Page, discipline: 'safety' | 'security', password: string, comment: string): Promise<void> {
  await page.click(`#review-sign-${discipline}`);
  await page.fill(`#sign-${discipline}-comment`, comment);
  await page.fill(`#sign-${discipline}-password`, password);
  await page.click(`#sign-${discipline}-submit`);
  await waitText(page, `#signatures tr[data-discipline="${discipline}"]`, 'approve');
}

describe('a change request in the explorer', () => {
  it('is raised from a finding, signed by two people, implemented and printed in a meeting pack', async () => {
    const { page } = ex;
    await ex.open(`/?tab=whatif&change=${encodeURIComponent(JSON.stringify(REMOVE_NTP))}`);
    await page.locator('#verdict[data-touched="true"]').waitFor();
    await page.locator('.finding').first().click();
    await page.click('#raise-open');
    await page.fill('#raise-title', 'Close SIS NTP through c-ctl-sis');
    await page.fill('#raise-reason', 'The SIS takes its time from its own GPS clock now.');
    await ex.shot('review-raise');
    await page.click('#raise-submit');
    await page.locator('#review-title', { hasText: 'Close SIS NTP through c-ctl-sis' }).waitFor();
    const id = new URL(page.url()).searchParams.get('cr')!;
    expect(new URL(page.url()).searchParams.get('tab')).toBe('reviews');

    // Edited as a draft, with the version shown (If-Match).
    await page.click('#review-edit');
    await page.fill('#edit-reason', 'The SIS takes its time from its own GPS clock since the 2026 upgrade.');
    await page.click('#edit-save');
    await waitText(page, '#review-pane-reason', 'since the 2026 upgrade');

    await page.click('#review-submit');
    await page.locator('#review-assessment').waitFor();
    expect(await page.isDisabled('#review-sign-security')).toBe(true);
    expect(await page.textContent('.why[data-for="review-sign-security"]')).toBe('change:sign-security needs one of the roles security-approver; explorer holds engineer');
    expect(await page.isDisabled('#review-implement')).toBe(true);
    await page.locator('#review-assessment .finding').first().click();
    await page.waitForFunction(() => window.interlock!.highlighted().includes('f-ntp'));
    await ex.shot('review-submitted');

    // Someone else edits the conduit the assessment read: the request is stale, says what changed,
    // compares with a fresh assessment, and is reassessed.
    const conduit = await ex.app.inject({ method: 'GET', url: '/api/conduits/c-ctl-sis' });
    const doc = conduit.json();
    doc.rules = doc.rules.map((r: { id: string }) => (r.id === 'r-deny' ? { ...r, description: 'catch-all deny, reviewed' } : r));
    expect((await ex.app.inject({ method: 'PUT', url: '/api/conduits/c-ctl-sis', payload: doc, headers: { 'if-match': conduit.headers.etag as string } })).statusCode).toBe(200);
    await ex.open(`/?tab=reviews&cr=${id}`);
    await waitText(page, '#stale-box', 'conduits/c-ctl-sis: update at revision');
    await page.click('#review-preview');
    await waitText(page, '#assessment-diff', 'A reassessment would give the same findings.');
    await ex.shot('review-stale');
    await page.click('#review-reassess');
    await page.locator('#stale-box').waitFor({ state: 'detached' });

    const sam = await signedInAs('sam', `/?tab=reviews&cr=${id}`);
    await sam.locator('#review-title').waitFor();
    expect(await sam.isDisabled('#review-sign-safety')).toBe(true);
    expect(await sam.textContent('.why[data-for="review-sign-safety"]')).toBe('change:sign-safety needs one of the roles safety-approver; sam holds security-approver');
    await sign(sam, 'security', SIGNERS.sam, 'Firewall change reviewed');
    await sam.screenshot({ path: `${SCREENSHOTS}/review-signed-security.png` });

    const sue = await signedInAs('sue', `/?tab=reviews&cr=${id}`);
    await sue.locator('#review-title').waitFor();
    await sign(sue, 'safety', SIGNERS.sue, 'SIS keeps its own time source');
    expect(await sue.textContent('.review-badges')).toContain('APPROVED');
    await sue.screenshot({ path: `${SCREENSHOTS}/review-approved.png` });

    await ex.open(`/?tab=reviews&cr=${id}`);
    await page.click('#review-implement');
    await waitText(page, '#implemented', 'Implemented at revision');

    await page.click('#review-back');
    await page.locator(`.review-item[data-id="${id}"][data-status="IMPLEMENTED"]`).waitFor();
    await page.locator(`.review-item[data-id="${id}"] .pack-pick`).check();
    await ex.shot('review-list');
    await page.click('#pack-open');
    await page.locator('#print-view[data-ready="true"]').waitFor();
    const pack = await page.textContent('#print-view');
    expect(pack).toContain('Sam Security (sam)');
    expect(pack).toContain('Sue Safety (sue)');
    expect(pack).toContain('Audit chain head: entry');
    await ex.shot('review-meeting-pack');
    for (const p of [sam, sue]) await p.context().close();
    // The signers' pages asked who was signed in before they signed in: those 401s are the only errors.
    expect(ex.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
