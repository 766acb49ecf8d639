// The board report's page, /report: report.html of the web explorer's build (client/src/report/),
// served beside the explorer. The PDF route and `npm run report` print this page.
import type { FastifyInstance } from 'fastify';

export const reportPagePath = (asOf: string, profile: string) =>
  `/report?asOf=${encodeURIComponent(asOf)}&profile=${encodeURIComponent(profile)}`;

/** Needs @fastify/static registered on the built client (reply.sendFile). */
export function registerReportPage(app: FastifyInstance): void {
  app.get('/report', { schema: { hide: true } }, (_request, reply) => reply.sendFile('report.html'));
}
