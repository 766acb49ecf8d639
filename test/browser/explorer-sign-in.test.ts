// Signing in and out of the explorer as a person does: the sign-in page for someone without a
// session, a refusal in words, the explorer with the user's name in the toolbar, and sign-out back
// to the sign-in page with the API closed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_USER, referencePlant, SCREENSHOTS, startExplorer, type Explorer } from './helpers/explorer.js';

let ex: Explorer;
beforeAll(async () => {
  ex = await startExplorer(referencePlant());
});
afterAll(async () => {
  await ex?.close();
});

describe('signing in to the explorer', () => {
  it('shows the sign-in page, refuses a wrong password, signs in, shows who is signed in, and signs out', async () => {
    const page = await ex.signedOutPage();
    await page.goto(`${ex.base}/?sel=sis-ls-01`);
    await page.locator('#sign-in-username').waitFor({ state: 'visible' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });

    await page.fill('#sign-in-username', EXPLORER_USER.username);
    await page.fill('#sign-in-password', 'not the password');
    await page.click('#sign-in-submit');
    await page.locator('#sign-in-error', { hasText: 'Wrong username or password' }).waitFor();
    expect(await page.inputValue('#sign-in-password')).toBe('');

    await page.fill('#sign-in-password', EXPLORER_USER.password);
    await page.click('#sign-in-submit');
    await page.waitForFunction(() => window.interlock?.ready === true, null, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('sel')).toBe('sis-ls-01');
    expect(await page.textContent('#user-name')).toBe(EXPLORER_USER.displayName);
    expect(await page.getAttribute('#user-name', 'title')).toBe('Roles: engineer');
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['interlock_session', true, 'Strict', '/api']]);
    // A changing request with the session cookie alone is refused; with the session's CSRF token it is served.
    const statuses = await page.evaluate(async () => {
      const locate = (headers: Record<string, string>) => fetch('/api/graph/locate', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"ids":["sis-ls-01"]}' });
      const { csrfToken } = await (await fetch('/api/auth/session')).json();
      return [(await locate({})).status, (await locate({ 'x-csrf-token': csrfToken })).status];
    });
    expect(statuses).toEqual([403, 200]);
    await page.screenshot({ path: `${SCREENSHOTS}/signed-in.png` });

    await page.click('#btn-sign-out');
    await page.locator('#sign-in-username').waitFor({ state: 'visible' });
    const api = await page.evaluate(async () => (await fetch('/api/zones')).status);
    expect(api).toBe(401);
    // The refused sign-in and the refused requests above are the only console errors (failed loads).
    expect(ex.errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
    await page.context().close();
  });
});
