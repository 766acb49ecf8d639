// Signing a change request in the browser as an account of the identity provider: the sign form
// offers no password field but a re-authentication at the provider (a real OpenID Connect
// provider in this process, on its own loopback port); the provider sends the browser back to the
// request, which says what came of it. Someone else logging in at the provider signs nothing.
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniSite } from '../helpers/mini-site.js';
import { startTestProvider, TEST_CLIENT, type TestProvider } from '../helpers/oidc-provider.js';
import { createAccounts, get, submitted } from '../reviews/review-kit.js';
import { SCREENSHOTS, startExplorer, type Explorer } from './helpers/explorer.js';

const people = {
  ines: { preferred_username: 'ines', name: 'Ines Security', groups: ['sec'] },
  otto: { preferred_username: 'otto', name: 'Otto Other', groups: ['sec'] },
};

/** A loopback port nobody listens on: the provider's redirect URLs must name the explorer's port before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

let idp: TestProvider;
let ex: Explorer;
let page: Page;

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  idp = await startTestProvider(people, [`${base}/api/auth/oidc/callback`, `${base}/api/reviews/sign/callback`]);
  ex = await startExplorer(miniSite(), undefined, {
    port,
    identity: {
      oidc: {
        issuer: idp.issuer, ...TEST_CLIENT, redirectUrl: `${base}/api/auth/oidc/callback`, rolesClaim: 'groups', usernameClaim: 'preferred_username',
        roleMap: [['sec', 'security-approver']], name: 'Test IdP', allowHttp: true,
      },
    },
  });
  await createAccounts(ex.app);
  // Ines signs in at the provider, as she does every morning.
  idp.signIn('ines');
  page = await ex.signedOutPage();
  await page.goto(`${ex.base}/`);
  await page.click('.sign-in-oidc');
  await page.waitForFunction(() => window.interlock?.ready === true, null, { timeout: 30_000 });
  // The sign-in page asked who was signed in before anyone was (401): expected, not an error of the explorer.
  ex.errors.length = 0;
});
afterAll(async () => {
  await ex?.close();
  await idp?.close();
});

async function openSignForm(id: string): Promise<void> {
  await page.goto(`${ex.base}/?tab=reviews&cr=${id}`);
  await page.waitForFunction(() => window.interlock?.ready === true, null, { timeout: 30_000 });
  await page.click('#review-sign-security');
  await page.fill('#sign-security-comment', 'Ines agrees: the SIS keeps its own GPS time.');
}

/** Back from the provider: the request's page and what it says came of the signature. */
async function outcome(id: string): Promise<{ text: string; reason: string | null }> {
  const notice = page.locator('#sign-outcome');
  await notice.waitFor({ timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get('cr')).toBe(id);
  return { text: (await notice.textContent()) ?? '', reason: await notice.getAttribute('data-reason') };
}

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

describe('signing at the identity provider in the explorer', () => {
  it('shows the provider account no password field, and a wrong person at the provider signs nothing', async () => {
    const id = await submitted(ex.app);
    await openSignForm(id);
    expect(await page.locator('#sign-security-password').count()).toBe(0);
    expect(await page.textContent('#sign-security-submit')).toBe('Re-authenticate at the identity provider and sign');
    await shot('review-sign-at-provider');

    idp.signIn('otto');
    await page.click('#sign-security-submit');
    const refused = await outcome(id);
    expect(refused.reason).toBe('other-person');
    expect(refused.text).toContain('Someone other than you logged in at the identity provider');
    expect((await get(ex.app, id)).signatures).toEqual([]);
    expect(await page.textContent('#signatures tr[data-discipline="security"]')).toContain('awaiting');
  });

  it('sends the signer to log in again and back to the request, signed', async () => {
    const id = await submitted(ex.app);
    await openSignForm(id);
    const logins = idp.logins;
    idp.signIn('ines');
    await page.click('#sign-security-submit');
    const signed = await outcome(id);
    expect(idp.logins).toBe(logins + 1);
    expect(signed.reason).toBeNull();
    expect(signed.text).toBe('You re-authenticated at the identity provider: your signature is recorded below.');
    // The one-shot outcome leaves the address bar once the page has shown it.
    expect(new URL(page.url()).searchParams.get('sign')).toBeNull();
    expect(await page.textContent('#signatures tr[data-discipline="security"]')).toContain('Ines Security (ines)');
    expect((await get(ex.app, id)).signatures).toEqual([expect.objectContaining({
      discipline: 'security', username: 'ines', meaning: 'approve', comment: 'Ines agrees: the SIS keeps its own GPS time.',
    })]);
    await shot('review-signed-at-provider');
    expect(ex.errors).toEqual([]);
  });
});
