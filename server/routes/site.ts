import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { stringify } from 'yaml';
import { invalidRequest } from '../errors.js';
import { ErrorBody, ExportQuery, ImportQuery, ImportResult } from '../model/api-schemas.js';
import { SiteDocument } from '../model/site-schema.js';
import { zodErrors } from '../model/validate-site.js';
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
  }, async (request) => {
    // Fastify stops at the first invalid part (body before querystring), and attachValidation
    // lets the request through, so the mode is checked here: never trust request.query as typed.
    const query = ImportQuery.safeParse(request.query);
    if (!query.success) {
      throw invalidRequest('querystring', zodErrors(query.error).map((e) => ({ path: `querystring.${e.path}`, message: e.message })));
    }
    return importSite(app.db, request.body, query.data.mode);
  });

  app.get('/export', {
    schema: {
      tags: ['site'],
      summary: 'Export the whole site as a site document',
      querystring: ExportQuery,
      response: { 200: SiteDocument },
    },
  }, async (request, reply) => {
    const site = await exportSite(app.db);
    if (request.query.format === 'yaml') {
      return reply.type('application/yaml').serializer((payload: unknown) => stringify(payload)).send(site);
    }
    return site;
  });
}
