// Drives the built web explorer (dist/client, from `npm run build:client`) in Debian's headless
// Chromium against the real API and the test run's Neo4j. Collects console errors so every test
// can assert there were none, and saves screenshots under test-artifacts/screenshots/. Every page
// is signed in (its own browser context, its own session) as an engineer account, unless a test
// asks for a page with no session.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { buildApp } from '../../../server/app.js';
import type { DbClient } from '../../../server/db/client.js';
import { createUser, findUser } from '../../../server/identity/accounts.js';
import type { IdentitySettings } from '../../../server/identity/settings.js';
import { actAsAdminByDefault } from '../../helpers/app.js';
import { loadSite, testDb } from '../../helpers/db.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLIENT_DIR = `${ROOT}dist/client`;
export const SCREENSHOTS = `${ROOT}test-artifacts/screenshots`;

/** The account every browser test signs in as. */
export const EXPLORER_USER = { username: 'explorer', password: 'explorer-test-password', displayName: 'Erin Explorer' };

export const referencePlant = (): unknown => parseYaml(readFileSync(`${ROOT}fixtures/reference-plant.yaml`, 'utf8'));

export interface Explorer {
  app: FastifyInstance;
  db: DbClient;
  browser: Browser;
  page: Page;
  base: string;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Opens a path and waits until the explorer is ready; `meanwhile` runs before that wait. */
  open(path?: string, meanwhile?: () => Promise<void>): Promise<void>;
  /** Opens a path in a new page, as someone else following a link would; errors are collected too. */
  openFresh(path: string): Promise<Page>;
  /** A new page with no session: what someone who has not signed in sees. */
  signedOutPage(): Promise<Page>;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** An identity provider's tests choose the port (its redirect URLs name it) and the identity settings. */
export interface ExplorerOptions { port?: number; identity?: Partial<IdentitySettings> }

export async function startExplorer(site: unknown, viewport = { width: 1600, height: 1000 }, options: ExplorerOptions = {}): Promise<Explorer> {
  const db = await testDb();
  await loadSite(db, site);
  if (!(await findUser(db, EXPLORER_USER.username))) {
    await createUser(db, { username: 'test' }, { ...EXPLORER_USER, roles: ['engineer'] });
  }
  // Every page signs in from the same address: the per-address sign-in limit is not under test here.
  const app = await buildApp({ db, clientDir: CLIENT_DIR, edge: { pressure: false }, identity: { signInPerMinute: 10_000, ...options.identity } });
  actAsAdminByDefault(app);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const errors: string[] = [];
  /** A page of its own browser context (no shared storage or history), its errors collected; signed in unless told not to. */
  const newPage = async (signedIn = true) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
    if (signedIn) {
      const res = await context.request.post(`${base}/api/auth/sign-in`, { data: { username: EXPLORER_USER.username, password: EXPLORER_USER.password } });
      if (!res.ok()) throw new Error(`the browser test could not sign in: ${res.status()} ${await res.text()}`);
    }
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${(e.stack ?? e.message).split('\n').slice(0, 4).join(' | ')}`));
    return page;
  };
  const openIn = async (page: Page, path: string, meanwhile?: () => Promise<void>) => {
    await page.goto(`${base}${path}`);
    await meanwhile?.();
    await page.waitForFunction(() => window.interlock?.ready === true, null, { timeout: 30_000 });
  };
  const page = await newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app, db, browser, page, base, errors,
    open: (path = '/', meanwhile) => openIn(page, path, meanwhile),
    async openFresh(path) {
      const fresh = await newPage();
      await openIn(fresh, path);
      return fresh;
    },
    signedOutPage: () => newPage(false),
    async shot(name) {
      const path = `${SCREENSHOTS}/${name}.png`;
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** Where an element of the graph is on the page (a zone: a point inside its top padding). */
export async function elementPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const cy = window.interlock!.cy;
    const el = cy.getElementById(id);
    if (el.empty()) throw new Error(`no element ${id} in the view`);
    const c = cy.container()!.getBoundingClientRect();
    // Bring it into view first, as a person would.
    let r = el.renderedBoundingBox({ includeLabels: false });
    if (el.isNode() && !el.isParent() && r.x2 - r.x1 < 12) {
      cy.zoom(cy.zoom() * (30 / Math.max(1, r.x2 - r.x1)));
      cy.center(el);
      r = el.renderedBoundingBox({ includeLabels: false });
    }
    if (r.x1 < 0 || r.y1 < 0 || r.x2 > c.width || r.y2 > c.height) {
      if (r.x2 - r.x1 > c.width * 0.9 || r.y2 - r.y1 > c.height * 0.9) cy.fit(el, 30);
      else cy.center(el);
    }
    if (el.isEdge()) {
      const m = el.renderedMidpoint();
      return { x: c.left + m.x, y: c.top + m.y };
    }
    const node = el as unknown as import('cytoscape').NodeSingular;
    const b = node.renderedBoundingBox({ includeLabels: false });
    if (!node.isParent()) return { x: c.left + (b.x1 + b.x2) / 2, y: c.top + (b.y1 + b.y2) / 2 };
    // A compound zone: the first point inside it that no child (or child label) covers.
    const kids = node.children().map((k) => k.renderedBoundingBox({ includeLabels: true }));
    for (let fy = 0.95; fy > 0.05; fy -= 0.05) {
      for (let fx = 0.95; fx > 0.05; fx -= 0.05) {
        const x = b.x1 + (b.x2 - b.x1) * fx;
        const y = b.y1 + (b.y2 - b.y1) * fy;
        if (!kids.some((k) => x >= k.x1 - 2 && x <= k.x2 + 2 && y >= k.y1 - 2 && y <= k.y2 + 2)) return { x: c.left + x, y: c.top + y };
      }
    }
    throw new Error(`no free point inside zone ${id}`);
  }, id);
}

export async function clickElement(page: Page, id: string, clickCount = 1): Promise<void> {
  const p = await elementPoint(page, id);
  await page.mouse.click(p.x, p.y, { clickCount });
}

/** Waits until the element matching the selector contains the text. */
export async function waitText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ state: 'attached', timeout });
}

export const selectedIds = (page: Page) => page.evaluate(() => window.interlock!.cy.$(':selected').map((e) => e.id()).sort());
export const highlighted = (page: Page) => page.evaluate(() => window.interlock!.highlighted());
