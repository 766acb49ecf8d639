// Renders a page of the web explorer to PDF in headless Chromium — the board report and the
// meeting pack: one browser per process, started on first use and again if it dies; at most
// `concurrency` pages at once, a bounded queue behind them (a full queue is refused rather than
// left to grow), and a deadline for each render.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { AppError } from '../errors.js';
import { launchChromium } from './chromium.js';

export interface PdfRendererOptions {
  executablePath: string;
  /** Pages rendered at once; each is a Chromium renderer process (about 100 MB). */
  concurrency: number;
  /** Renders waiting for a slot before new ones are refused. */
  queue: number;
  timeoutMs: number;
}

/** The page tells the renderer it has drawn everything (or failed) through this global. */
export interface ReportReadiness { ready: boolean; error?: string }

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

export interface PageOptions {
  /** Sent with every request of the page. */
  headers?: Record<string, string>;
  /** Answers every request of the page instead of the network (in-process.ts: the app, as the caller). */
  route?: (route: Route) => Promise<void>;
  /** A selector that matches once the page is drawn; without it, the page's `interlockReport` global says so. */
  readySelector?: string;
  viewport?: { width: number; height: number };
  /** Over the A4 defaults: a footer, other margins. */
  pdf?: PdfOptions;
}

const busy = () => new AppError('INTERLOCK_PDF_UNAVAILABLE', 'Too many PDFs are being rendered; try again in a few seconds.', undefined, { 'retry-after': '5' });

export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: PdfRendererOptions) {}

  async render(url: string, options: PageOptions = {}): Promise<Buffer> {
    await this.slot();
    let context: BrowserContext | undefined;
    try {
      return await this.withDeadline(this.renderNow(url, options, (c) => {
        context = c;
      }));
    } catch (error) {
      // Past the deadline the page may still be working: close it, so the slot is really free.
      await context?.close().catch(() => undefined);
      throw error;
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  private async slot(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.options.queue) throw busy();
    // The finishing render hands its slot over: running stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private startBrowser(): Promise<Browser> {
    if (!this.browser) {
      const started = launchChromium(this.options.executablePath);
      this.browser = started;
      started.then((b) => b.on('disconnected', () => {
        if (this.browser === started) this.browser = undefined;
      }), () => {
        if (this.browser === started) this.browser = undefined;
      });
    }
    return this.browser;
  }

  private async renderNow(url: string, options: PageOptions, opened: (context: BrowserContext) => void): Promise<Buffer> {
    const browser = await this.startBrowser();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1100, height: 1500 }, extraHTTPHeaders: options.headers ?? {} });
    opened(context);
    try {
      if (options.route) await context.route('**/*', options.route);
      const page = await context.newPage();
      page.setDefaultTimeout(this.options.timeoutMs);
      const answer = await page.goto(url);
      if (!answer?.ok()) {
        throw new AppError('INTERLOCK_PDF_UNAVAILABLE', `The page ${new URL(url).pathname} answered ${answer?.status() ?? 'nothing'}: is the web explorer built (npm run build:client)?`);
      }
      await drawn(page, options.readySelector);
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' }, ...options.pdf });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('INTERLOCK_PDF_UNAVAILABLE', `Rendering the PDF took longer than ${this.options.timeoutMs / 1000} s; try again when the server is less busy.`)), this.options.timeoutMs);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }
}

/** Waits until the page has drawn what is printed: its selector, or its `interlockReport` global. */
async function drawn(page: Page, readySelector: string | undefined): Promise<void> {
  if (readySelector) {
    await page.waitForSelector(readySelector, { state: 'attached' });
    return;
  }
  await page.waitForFunction(() => {
    const r = (window as unknown as { interlockReport?: ReportReadiness }).interlockReport;
    return r?.ready === true || Boolean(r?.error);
  });
  const failed = await page.evaluate(() => (window as unknown as { interlockReport?: ReportReadiness }).interlockReport?.error);
  if (failed) throw new AppError('INTERLOCK_INTERNAL', `The page could not be drawn: ${failed}`);
}
