// The board report as PDF (DOMAIN.md §5.6): headless Chromium prints this server's own /report
// page, so the PDF shows the very page and numbers of the screen. The numbers are checked first
// (an unknown profile is a 404 before any browser starts).
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { boardReport } from '../assurance/report.js';
import { AppError } from '../errors.js';
import { ErrorBody } from '../model/api-schemas.js';
import { Id } from '../model/primitives.js';
import { chromiumPath } from '../report/chromium.js';
import { PdfRenderer } from '../report/pdf-renderer.js';
import { reportPagePath } from '../report/report-page.js';
import { assuranceErrors, failClosed } from './assurance.js';

export const DEFAULT_PROFILE = 'caf-baseline';
const PdfQuery = AsOfQuery.extend({ profile: Id.default(DEFAULT_PROFILE).describe('the CAF profile to rate against') });

/** Where this server can reach itself: the address it listens on (any-address → loopback). */
function ownBase(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') {
    throw new AppError('INTERLOCK_PDF_UNAVAILABLE', 'The PDF is printed from this server\'s own /report page, and the server is not listening on a TCP port.');
  }
  const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function assuranceReportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);
  const renderer = new PdfRenderer({ executablePath: chromiumPath(), concurrency: 1, queue: 4, timeoutMs: 30_000 });
  app.addHook('onClose', async () => renderer.close());

  app.get('/assurance/report.pdf', {
    schema: {
      tags: ['assurance'], summary: 'The board report as an A4 PDF: the /report page printed by headless Chromium, the same numbers as /api/assurance/report',
      querystring: PdfQuery,
      produces: ['application/pdf'],
      response: {
        200: z.any().describe('application/pdf'), 404: ErrorBody.describe('unknown profile'),
        ...assuranceErrors, 503: ErrorBody.describe('Chromium is not installed (apt-get install chromium), the renderer is busy or timed out, or the graph is in doubt'),
      },
    },
  }, async (request, reply) => {
    const asOf = request.query.asOf ?? asOfToday();
    const { profile } = request.query;
    await boardReport(app.db, asOf, profile);
    // The page asks this server for its numbers as the caller would: with the caller's credentials.
    const credentials = Object.fromEntries((['cookie', 'authorization'] as const).flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h] as string]] : [])));
    const pdf = await renderer.render(`${ownBase(app)}${reportPagePath(asOf, profile)}`, credentials);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="board-report-${asOf}.pdf"`).send(pdf);
  });
}
