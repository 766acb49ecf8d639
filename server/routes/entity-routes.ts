// The routes every editable collection has: read one (with its ETag), create, replace and delete.
// Writes are incremental site writes (site/site-edits.ts); If-Match makes a replace or delete
// conditional on the version the client read, and every answer carries the entity's ETag.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Row, Tx } from '../db/client.js';
import { invalidRequest } from '../errors.js';
import { actorName } from '../plugins/authentication.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { COLLECTIONS, type CollectionName } from '../model/collections.js';
import { withArticle } from '../model/validate-site.js';
import { readOne, readOneIn, type Versioned } from '../site/read-entities.js';
import { createEntity, deleteEntity, updateEntity, type EditResult } from '../site/site-edits.js';
import type { Doc } from '../site/stored.js';

export interface EntityRouteOptions {
  collection: CollectionName;
  /** e.g. /zones */
  path: string;
  tag: string;
  /** What GET /:id answers, and what a write answers with. */
  view: z.ZodType;
  /** A query of extras read beside the document (gets $id). */
  extras?: string;
  // biome-ignore lint: a route's view of any collection's documents
  toView?: (entity: Versioned<any> & { extras: Row }) => unknown;
  readSummary: string;
  readDescription?: string;
}

const breaksRules = ErrorBody.describe('the body matches the schema but breaks a rule it cannot state (a CIDR with host bits set, a port range a-b with a > b, a date that does not exist)');

export const etag = (version: number) => `"${version}"`;
export const REVISION_HEADER = 'x-interlock-revision';

// Bare digits are taken as the tag they name: some clients (and HTTP libraries) drop the quotes.
export const IfMatch = z.string().max(200).regex(/^\s*("\d{1,15}"|\d{1,15}|\*)\s*$/, 'must be one ETag such as "3" (as returned by GET), or *');

const IfMatchHeaders = z.object({
  'if-match': IfMatch.optional()
    .describe('The ETag of the version you read ("3"). The write is refused with 412 if the entity has changed since; leave it out to write over whatever is current.'),
});

/** `"3"` → 3. `*` (any current version) → undefined. Weak tags never match (RFC 9110 strong comparison). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*"?(\d{1,15})"?\s*$/.exec(header);
  if (!m) throw invalidRequest('headers', [{ path: 'headers.if-match', message: 'must be one ETag such as "3" (as returned by GET), or *' }]);
  return Number(m[1]);
}

export function registerEntityRoutes(fastify: FastifyInstance, options: EntityRouteOptions): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { collection, path, tag } = options;
  const { kind, schema } = COLLECTIONS[collection];
  const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const toView = options.toView ?? ((e) => e.doc);
  const view = (entity: Versioned<unknown> & { extras: Row }) => ({ body: toView(entity), version: entity.version });
  const readBack = (id: string) => async (tx: Tx) => view(await readOneIn(tx, collection, id, options.extras));
  /** The written entity as the write's own transaction read it, its ETag, and the revision the write made (or found, when it changed nothing). */
  const answer = (reply: FastifyReply, result: EditResult<ReturnType<typeof view>>, code: number) =>
    reply.code(code).header(REVISION_HEADER, String(result.revision)).header('etag', etag(result.view!.version)).send(result.view!.body);

  app.get(`${path}/:id`, {
    schema: {
      tags: [tag], summary: options.readSummary, ...(options.readDescription ? { description: options.readDescription } : {}),
      params: IdParams, response: { 200: options.view.describe('The entity; its ETag header holds its version for If-Match.'), 404: ErrorBody },
    },
  }, async (request, reply) => {
    const entity = view(await readOne(app.db, collection, request.params.id, options.extras));
    return reply.header('etag', etag(entity.version)).send(entity.body);
  });

  app.post(path, {
    schema: { tags: [tag], summary: `Create ${withArticle(kind)}`, body: schema, response: { 201: options.view, ...errors, 422: breaksRules } },
  }, async (request, reply) => {
    const item = request.body as Doc;
    return answer(reply, await createEntity(app.db, collection, item, { actor: actorName(request), readBack: readBack(item.id) }), 201);
  });

  app.put(`${path}/:id`, {
    schema: {
      tags: [tag], summary: `Replace ${withArticle(kind)}`, params: IdParams, headers: IfMatchHeaders, body: schema,
      response: { 200: options.view, ...errors, 412: ErrorBody.describe('If-Match named a version that is no longer current'), 422: breaksRules },
    },
  }, async (request, reply) => {
    const ifMatch = parseIfMatch(request.headers['if-match']);
    return answer(reply, await updateEntity(app.db, collection, request.params.id, request.body as Doc, { ifMatch, actor: actorName(request), readBack: readBack(request.params.id) }), 200);
  });

  app.delete(`${path}/:id`, {
    schema: {
      tags: [tag], summary: `Delete ${withArticle(kind)} (409 while anything references it)`, params: IdParams, headers: IfMatchHeaders,
      response: { 204: z.null().describe('deleted'), ...errors, 412: ErrorBody.describe('If-Match named a version that is no longer current') },
    },
  }, async (request, reply) => {
    const result = await deleteEntity(app.db, collection, request.params.id, { ifMatch: parseIfMatch(request.headers['if-match']), actor: actorName(request) });
    return reply.code(204).header(REVISION_HEADER, String(result.revision)).send(null);
  });
}
