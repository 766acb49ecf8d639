// The board report as PDF (DOMAIN.md §5.6): headless Chromium prints this server's own /report
// page, so the PDF shows the very page and numbers of the screen. The numbers are checked first
// (an unknown profile is a 404 before any browser starts).
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { boardReport } from '../assurance/report.js';
import { ErrorBody } from '../model/api-schemas.js';
import { Id } from '../model/primitives.js';
import { asCaller, inProcessUrl } from '../pdf/in-process.js';
import { actorOf } from '../plugins/authentication.js';
import { reportPagePath } from '../report/report-page.js';
import { assuranceErrors, failClosed } from './assurance.js';

export const DEFAULT_PROFILE = 'caf-baseline';
/** A footer on every page: a board pack is read on paper, pages loose. */
const REPORT_PDF = {
  format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
  displayHeaderFooter: true, headerTemplate: '<span></span>',
  footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#000">Interlock board report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
} as const;
const PdfQuery = AsOfQuery.extend({ profile: Id.default(DEFAULT_PROFILE).describe('the CAF profile to rate against') });

export async function assuranceReportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);

  app.get('/assurance/report.pdf', {
    schema: {
      tags: ['assurance'], summary: 'The board report as an A4 PDF: the /report page printed by headless Chromium, the same numbers as /api/assurance/report',
      querystring: PdfQuery,
      onlyAnswers: { 200: ['application/pdf'] },
      response: {
        200: z.any().describe('application/pdf'), 404: ErrorBody.describe('unknown profile'),
        ...assuranceErrors, 503: ErrorBody.describe('Chromium is not installed (apt-get install chromium), the renderer is busy or timed out, or the graph is in doubt'),
      },
    },
  }, async (request, reply) => {
    const asOf = request.query.asOf ?? asOfToday();
    const { profile } = request.query;
    await boardReport(app.db, asOf, profile);
    // The page asks the app for its numbers in-process, as the caller: the PDF shows what they may see.
    const pdf = await app.pdf.render(inProcessUrl(reportPagePath(asOf, profile)), { route: asCaller(app, actorOf(request)), pdf: REPORT_PDF });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="board-report-${asOf}.pdf"`).send(pdf);
  });
}
