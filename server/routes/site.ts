import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { stringify } from 'yaml';
import { ErrorBody, ExportQuery, ImportQuery, ImportResult } from '../model/api-schemas.js';
import { SiteDocument } from '../model/site-schema.js';
import { exportSite, importSite } from '../site/site-store.js';

export async function siteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/import', {
    schema: {
      tags: ['site'],
      summary: 'Import a site document (JSON or YAML) in one transaction',
      description: 'An invalid document changes nothing and is answered with every problem found, each with its path.',
      querystring: ImportQuery,
      body: SiteDocument,
      response: { 200: ImportResult, 400: ErrorBody },
    },
    // The body schema documents the shape; validation happens in importSite so that shape and
    // reference problems are reported together in one list.
    attachValidation: true,
  }, async (request) => importSite(app.graph, request.body, request.query.mode));

  app.get('/export', {
    schema: {
      tags: ['site'],
      summary: 'Export the whole site as a site document',
      querystring: ExportQuery,
      response: { 200: SiteDocument },
    },
  }, async (request, reply) => {
    const site = await exportSite(app.graph);
    if (request.query.format === 'yaml') {
      return reply.type('application/yaml').serializer((payload: unknown) => stringify(payload)).send(site);
    }
    return site;
  });
}
