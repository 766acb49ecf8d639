// The change journal over HTTP: what every site write changed, revision by revision.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { queryNumber } from '../model/primitives.js';
import { ErrorBody } from '../model/api-schemas.js';
import { headRevision, listChanges, listRevisions } from '../site/journal.js';

const Change = z.object({
  seq: z.number().int(),
  collection: z.string().describe('the collection, or "site" for the document\'s site block'),
  entity: z.string().describe('the entity id'),
  op: z.enum(['create', 'update', 'delete']),
  before: z.record(z.string(), z.unknown()).nullable().describe('the changed fields before (the whole document for a delete); null for a create'),
  after: z.record(z.string(), z.unknown()).nullable().describe('the changed fields after (the whole document for a create); null for a delete'),
});
const Revision = z.object({
  number: z.number().int(),
  at: z.string().describe('when it was committed, ISO-8601 UTC'),
  action: z.string().describe('import:replace, import:merge, create, update or delete'),
  actor: z.string(),
  summary: z.string(),
  changeCount: z.number().int(),
  changes: z.array(Change).describe(`its first changes (at most perRevision); page through the rest with /revisions/{number}/changes`),
});

const RevisionsQuery = z.object({
  since: queryNumber(z.coerce.number().int().min(0).default(0).describe('list revisions numbered above this')),
  limit: queryNumber(z.coerce.number().int().min(1).max(500).default(50)),
  perRevision: queryNumber(z.coerce.number().int().min(0).max(1000).default(200)),
});
const ChangesQuery = z.object({
  offset: queryNumber(z.coerce.number().int().min(0).default(0)),
  limit: queryNumber(z.coerce.number().int().min(1).max(5000).default(1000)),
});

export async function revisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/revisions', {
    schema: {
      tags: ['site'],
      summary: 'The change journal: site revisions after `since`, oldest first, each with what it changed',
      description: 'Every site write (import, create, update, delete) is one revision; a write that changed nothing makes none. ' +
        'Each change names the entity and holds only the fields that changed. `head` is the current revision.',
      querystring: RevisionsQuery,
      response: { 200: z.object({ head: z.number().int(), revisions: z.array(Revision) }), 400: ErrorBody },
    },
  }, async (request) => listRevisions(app.db, request.query.since, request.query.limit, request.query.perRevision));

  app.get('/revisions/:number/changes', {
    schema: {
      tags: ['site'],
      summary: "One revision's changes, a page at a time",
      params: z.object({ number: z.coerce.number().int().min(1) }),
      querystring: ChangesQuery,
      response: { 200: z.array(Change), 400: ErrorBody, 404: ErrorBody },
    },
  }, async (request) => {
    if (request.params.number > (await headRevision(app.db))) throw notFound('revision', String(request.params.number));
    return listChanges(app.db, request.params.number, request.query.offset, request.query.limit);
  });
}
