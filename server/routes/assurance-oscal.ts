// OSCAL, the format GRC tools exchange: import a catalog as a framework (a versioned merge import),
// and export the baseline's assessment as assessment-results. docs/assurance.md says what maps to what.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { assessmentResults } from '../assurance/oscal/export-results.js';
import { importOscalCatalog } from '../assurance/oscal/import-catalog.js';
import { OscalCatalogDocument } from '../assurance/oscal/oscal-catalog.js';
import { FRAMEWORK_KINDS } from '../model/governance-schema.js';
import { ErrorBody, ImportResult } from '../model/api-schemas.js';
import { DomainList, Id } from '../model/primitives.js';
import { assuranceErrors, failClosed } from './assurance.js';
import { REVISION_HEADER } from './entity-routes.js';
import { actorName } from '../plugins/authentication.js';

const TAG = 'assurance';
/** A full catalog with its prose (NIST SP 800-53 is about 10 MB of JSON); only ids and titles are kept. */
export const OSCAL_BODY_LIMIT = 32 * 1024 * 1024;

const CatalogQuery = z.object({
  framework: Id.describe('the id the framework gets; its requirements are "<framework>.<OSCAL id>"'),
  domains: DomainList.describe('the domains it scopes: IT, OT or IT,OT'),
  kind: z.enum(FRAMEWORK_KINDS).default('standard'),
});

export async function assuranceOscalRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);

  app.post('/assurance/oscal/catalog', {
    bodyLimit: OSCAL_BODY_LIMIT,
    schema: {
      tags: [TAG], summary: 'Import an OSCAL catalog as a framework: groups become groupings, controls assessable requirements, enhancements their children',
      description: 'A merge import: the framework and its requirements are added, or replaced by id; nothing else changes. Controls are not satisfied by any control until the baseline says so.',
      querystring: CatalogQuery, body: OscalCatalogDocument,
      response: { ...assuranceErrors, 201: ImportResult.extend({ framework: Id }), 409: ErrorBody, 413: ErrorBody, 422: ErrorBody.describe('an OSCAL id that cannot become an Interlock id') },
    },
  }, async (request, reply) => {
    const result = await importOscalCatalog(app.db, request.body, request.query, actorName(request));
    await app.integrity.check();
    return reply.code(201).header(REVISION_HEADER, String(result.revision)).send(result);
  });

  app.get('/assurance/oscal/assessment-results', {
    schema: {
      tags: [TAG], summary: "The baseline's assessment as OSCAL assessment-results: a result per framework and domain, a finding per requirement, an observation per control",
      querystring: AsOfQuery.extend({ framework: Id.optional().describe('one framework; default every framework') }),
      response: { 200: z.object({ 'assessment-results': z.record(z.string(), z.unknown()) }).describe('OSCAL 1.1.2 assessment-results'), 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => {
    const [site] = await app.db.read('site/site-info');
    return assessmentResults(app.db, request.query.asOf ?? asOfToday(), request.query.framework ?? null, String(site?.props?.name ?? 'the site'));
  });
}
