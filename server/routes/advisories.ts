import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { AdvisoryAnswer, AdvisoryBody } from '../importers/csaf/advisory-answer.js';
import { assessAdvisory } from '../importers/csaf/assess-advisory.js';
import { ErrorBody } from '../model/api-schemas.js';

// CSAF advisories are JSON of a few hundred kilobytes; the largest vendor advisories with
// thousands of product versions stay under a few megabytes.
export const ADVISORY_BODY_LIMIT = 16 * 1024 * 1024;

export async function advisoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/advisories', {
    bodyLimit: ADVISORY_BODY_LIMIT,
    schema: {
      tags: ['importers'],
      summary: 'A CSAF 2.0 security advisory: the affected assets, the patch what-if of its vendor fix, and the triage hook',
      description: 'The document is checked with the CSAF validator (strict schema, then the mandatory tests); an invalid one is refused ' +
        'with 422 and every reason the validator gives. Products match assets by vendor, model and version (docs/importers.md). Nothing is written.',
      body: AdvisoryBody,
      response: { 200: AdvisoryAnswer, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => assessAdvisory(app.db, request.body));
}
