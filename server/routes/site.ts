import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { invalidRequest } from '../errors.js';
import { ErrorBody, ExportQuery, ImportQuery, ImportResult } from '../model/api-schemas.js';
import { SiteDocument } from '../model/site-schema.js';
import { zodErrors } from '../model/validate-site.js';
import { exportSite } from '../site/export-site.js';
import { EXPORT_CONTENT_TYPES, exportStream } from '../site/export-stream.js';
import { importSite } from '../site/import-site.js';
import { actorName } from '../plugins/authentication.js';

/**
 * A whole site document may be large: a generated 100,000-asset estate is about 60 MB of JSON.
 * Other routes keep the 1 MB default (app.ts).
 */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

export async function siteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/import', {
    schema: {
      tags: ['site'],
      summary: 'Import a site document (JSON or YAML) in one transaction',
      description: 'JSON, or YAML with content-type application/yaml. An invalid document changes nothing and is answered with its problems, each with its path (the first 1,000, and how many there are). ' +
        'The body may be up to 256 MB; replace compares the document with the stored site and writes only what differs.',
      querystring: ImportQuery,
      body: SiteDocument,
      response: {
        200: ImportResult,
        400: ErrorBody.describe('INTERLOCK_INVALID_SITE: the document does not match the schema; every problem with its path (the first 1,000, and total)'),
        422: ErrorBody.describe('INTERLOCK_INCONSISTENT_SITE: the document matches the schema but breaks the site\'s rules: a reference that does not resolve, a duplicate id, a flow whose conduits do not chain, an address outside its zone, a voting group larger than its elements'),
      },
    },
    // The body schema documents the shape; validation happens in importSite so that shape and
    // reference problems are reported together in one list.
    attachValidation: true,
    bodyLimit: IMPORT_BODY_LIMIT,
  }, async (request) => {
    // Fastify stops at the first invalid part (body before querystring), and attachValidation
    // lets the request through, so the mode is checked here: never trust request.query as typed.
    const query = ImportQuery.safeParse(request.query);
    if (!query.success) {
      throw invalidRequest('querystring', zodErrors(query.error).map((e) => ({ path: `querystring.${e.path}`, message: e.message })));
    }
    // A replace on a graph that failed its check rewrites every entity: the way to repair it.
    const repair = query.data.mode === 'replace' && app.integrity.last?.ok === false;
    const result = await importSite(app.db, request.body, query.data.mode, { repair, actor: actorName(request) });
    await app.integrity.check();
    return result;
  });

  app.get('/export', {
    schema: {
      tags: ['site'],
      summary: 'Export the whole site as a site document',
      description: 'JSON, or YAML with `format=yaml` (application/yaml). Streamed a collection at a time.',
      querystring: ExportQuery,
      response: { 200: SiteDocument.describe('the site document') },
      alsoAnswers: { 200: ['application/yaml'] },
    },
  }, async (request, reply) => {
    const site = await exportSite(app.db);
    // A stream is sent as it is (not serialised); its pieces are the document the schema describes.
    return reply.type(EXPORT_CONTENT_TYPES[request.query.format]).send(exportStream(site, request.query.format) as unknown as typeof site);
  });
}
