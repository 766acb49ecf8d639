// Renders a page of the web explorer to PDF in headless Chromium: one browser per process, started
// on first use and again if it dies; at most `concurrency` pages at once, a bounded queue behind
// them (a full queue is refused rather than left to grow), and a deadline for each render.
import type { Browser, BrowserContext } from 'playwright-core';
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

const busy = () => new AppError('INTERLOCK_PDF_UNAVAILABLE', 'Too many PDFs are being rendered; try again in a few seconds.', undefined, { 'retry-after': '5' });

export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: PdfRendererOptions) {}

  /** `headers` go with every request of the page (the caller's credentials, once the API asks for them). */
  async render(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
    await this.slot();
    let context: BrowserContext | undefined;
    try {
      return await this.withDeadline(this.renderNow(url, headers, (c) => {
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

  private async renderNow(url: string, headers: Record<string, string>, opened: (context: BrowserContext) => void): Promise<Buffer> {
    const browser = await this.startBrowser();
    const context = await browser.newContext({ viewport: { width: 1100, height: 1500 }, extraHTTPHeaders: headers });
    opened(context);
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(this.options.timeoutMs);
      const answer = await page.goto(url);
      if (!answer?.ok()) {
        throw new AppError('INTERLOCK_PDF_UNAVAILABLE', `The report page ${new URL(url).pathname} answered ${answer?.status() ?? 'nothing'}: is the web explorer built (npm run build:client)?`);
      }
      await page.waitForFunction(() => {
        const r = (window as unknown as { interlockReport?: ReportReadiness }).interlockReport;
        return r?.ready === true || Boolean(r?.error);
      });
      const failed = await page.evaluate(() => (window as unknown as { interlockReport?: ReportReadiness }).interlockReport?.error);
      if (failed) throw new AppError('INTERLOCK_INTERNAL', `The report page could not be drawn: ${failed}`);
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4', printBackground: true, preferCSSPageSize: false,
        margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
        displayHeaderFooter: true, headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#000">Interlock board report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      });
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
