// Renders a page of this app to PDF with headless Chromium (playwright-core, Debian's
// /usr/bin/chromium): the meeting pack today, the board report next. The browser never reaches
// the network: every request the page makes is answered in-process by the app's own inject,
// acting as the caller (an internal credential, valid on injected requests only), so the PDF
// shows exactly what that person may see and no port or cookie is involved.
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Actor } from '../identity/actor.js';

export const CHROMIUM = process.env.INTERLOCK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The page's origin: never resolved, every request is routed to inject. */
const ORIGIN = 'http://localhost';

export interface PdfRequest {
  /** Path and query of the page, e.g. /?pack=cr-1,cr-2 */
  path: string;
  /** A CSS selector that matches once the page has drawn what should be printed (a selector, not a script: the CSP allows no eval). */
  readySelector: string;
  timeoutMs?: number;
}

/** One Chromium at a time: each takes ~150 MB and a core, and the machine also serves the graph. */
let queue: Promise<unknown> = Promise.resolve();

export function renderPdf(app: FastifyInstance, actor: Actor, request: PdfRequest): Promise<Buffer> {
  const turn = queue.then(() => render(app, actor, request));
  queue = turn.catch(() => undefined);
  return turn;
}

async function render(app: FastifyInstance, actor: Actor, request: PdfRequest): Promise<Buffer> {
  const bearer = app.identity.internal.grant(actor);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.origin !== ORIGIN) return route.abort();
      const res = await app.inject({
        method: req.method() as 'GET', url: `${url.pathname}${url.search}`,
        headers: { ...req.headers(), host: 'localhost', authorization: `Bearer ${bearer}` },
        ...(req.postDataBuffer() ? { payload: req.postDataBuffer()! } : {}),
      });
      const headers = Object.fromEntries(Object.entries(res.headers).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      await route.fulfill({ status: res.statusCode, headers, body: res.rawPayload });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${request.path}`);
    await page.waitForSelector(request.readySelector, { state: 'attached', timeout: request.timeoutMs ?? 60_000 });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
