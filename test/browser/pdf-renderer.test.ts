// The PDF renderer's bounds, with the real Chromium: a render that never finishes is cut at its
// deadline; while the one slot is taken and the queue is full, another render is refused at once
// rather than left to pile up; a missing Chromium is a 503 that says what to install.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { DEFAULT_CHROMIUM } from '../../server/pdf/chromium.js';
import { PdfRenderer } from '../../server/pdf/pdf-renderer.js';

// A page that never says it is drawn, and one that does at once.
let server: Server;
let base = '';
const seen: Array<string | undefined> = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.setHeader('content-type', 'text/html');
    if (req.url === '/missing') res.statusCode = 404;
    res.end(req.url === '/ready' ? '<p>Drawn</p><script>window.interlockReport = { ready: true }</script>' : '<p>Never drawn</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((done) => server.close(() => done())));

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('PdfRenderer', () => {
  it('cuts a render at its deadline, refuses one more than the queue holds, and renders again afterwards', async () => {
    const renderer = new PdfRenderer({ executablePath: DEFAULT_CHROMIUM, concurrency: 1, queue: 1, timeoutMs: 4000 });
    try {
      const stuck = refusal(renderer.render(`${base}/never`));
      const queued = renderer.render(`${base}/ready`);
      const busy = await refusal(renderer.render(`${base}/ready`));
      expect(busy.statusCode).toBe(503);
      expect(busy.headers).toEqual({ 'retry-after': '5' });
      const timedOut = await stuck;
      expect(timedOut.statusCode).toBe(503);
      expect(timedOut.message).toContain('longer than 4 s');
      const pdf = await queued;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await renderer.close();
    }
  });

  it('sends the given headers with the page\'s requests', async () => {
    const renderer = new PdfRenderer({ executablePath: DEFAULT_CHROMIUM, concurrency: 1, queue: 0, timeoutMs: 10_000 });
    try {
      seen.length = 0;
      await renderer.render(`${base}/ready`, { headers: { authorization: 'Bearer test-token' } });
      expect(seen[0]).toBe('Bearer test-token');
    } finally {
      await renderer.close();
    }
  });

  it('says the page is missing (not a timeout) when the report page is not there', async () => {
    const renderer = new PdfRenderer({ executablePath: DEFAULT_CHROMIUM, concurrency: 1, queue: 0, timeoutMs: 20_000 });
    try {
      const missing = await refusal(renderer.render(`${base}/missing`));
      expect(missing.message).toContain('answered 404');
      expect(missing.message).toContain('npm run build:client');
    } finally {
      await renderer.close();
    }
  });

  it('says what to install when Chromium is missing', async () => {
    const renderer = new PdfRenderer({ executablePath: '/nonexistent/chromium', concurrency: 1, queue: 0, timeoutMs: 4000 });
    const missing = await refusal(renderer.render(`${base}/ready`));
    expect(missing.code).toBe('INTERLOCK_PDF_UNAVAILABLE');
    expect(missing.message).toContain('apt-get install chromium');
    // The slot is given back: the next attempt is refused for the same reason, not as busy.
    expect((await refusal(renderer.render(`${base}/ready`))).message).toContain('apt-get install chromium');
  });
});
