// Evidence and its lifecycle (DOMAIN.md §5.3): currency as of a date, revisions (never
// overwritten), reuse across frameworks; adding a revision from an uploaded file (its SHA-256
// computed here) or from a given SHA-256 and source URI, each an incremental, versioned site write.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { addEvidenceRevision, requireIfMatch, sha256Of, type NewRevision } from '../assurance/baseline-edits.js';
import { EvidenceCurrency, EvidenceReuse } from '../assurance/schemas.js';
import { evidenceList, readEvidence } from '../assurance/views.js';
import { EvidenceRevision } from '../model/governance-schema.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { Domain, Id, IsoDate } from '../model/primitives.js';
import { assuranceErrors, failClosed } from './assurance.js';
import { etag, IfMatch, parseIfMatch, REVISION_HEADER } from './entity-routes.js';
import { actorName } from '../plugins/authentication.js';

const TAG = 'assurance';
/** Evidence files (drawings, exports, scans) up to 64 MB: only their hash is kept. */
export const EVIDENCE_UPLOAD_LIMIT = 64 * 1024 * 1024;

const EvidenceDetail = EvidenceCurrency.extend({
  asOf: z.string(),
  revisions: z.array(EvidenceRevision).describe('newest first; never overwritten'),
  reuse: EvidenceReuse,
});
const IfMatchHeader = z.object({ 'if-match': IfMatch.optional().describe('the evidence record\'s ETag as read; required') });
const RevisionBody = EvidenceRevision.describe('a revision whose content lives elsewhere: its SHA-256 and where it is (uri)');
const UploadQuery = z.object({
  collectedOn: IsoDate, addedBy: z.string().min(1).max(200), uri: z.string().min(1).max(2000).optional(),
});
const writeErrors = {
  ...assuranceErrors,
  404: ErrorBody, 409: ErrorBody.describe('identical to the latest revision, or the site would be left inconsistent'),
  412: ErrorBody.describe('the evidence record changed since you read it'), 422: ErrorBody.describe('collectedOn is in the future'),
  428: ErrorBody.describe('If-Match missing'),
};

export async function assuranceEvidenceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: EVIDENCE_UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/assurance/evidence', {
    schema: {
      tags: [TAG], summary: 'Every evidence item with its currency, and per domain the controls left with no current evidence',
      querystring: AsOfQuery,
      response: { 200: z.object({ asOf: z.string(), evidence: z.array(EvidenceCurrency), controlsWithoutCurrentEvidence: z.record(Domain, z.array(Id)) }), ...assuranceErrors },
    },
  }, async (request) => evidenceList(app.db, request.query.asOf ?? asOfToday()));

  app.get('/assurance/evidence/:id', {
    schema: {
      tags: [TAG], summary: 'One evidence item: currency, every revision, and where it is reused; its ETag is its version',
      params: IdParams, querystring: AsOfQuery, response: { 200: EvidenceDetail, 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request, reply) => {
    const { version, body } = await app.db.readTx((tx) => readEvidence(tx, request.params.id, request.query.asOf ?? asOfToday()));
    return reply.header('etag', etag(version)).send(body);
  });

  app.get('/assurance/evidence/:id/revisions', {
    schema: { tags: [TAG], summary: "An evidence item's revisions, newest first", params: IdParams, response: { 200: z.array(EvidenceRevision), 404: ErrorBody, ...assuranceErrors } },
  }, async (request) => (await app.db.readTx((tx) => readEvidence(tx, request.params.id, asOfToday()))).body.revisions);

  const add = async (reply: FastifyReply, actor: string, id: string, header: string | undefined, revision: NewRevision) => {
    const today = asOfToday();
    const result = await addEvidenceRevision(app.db, id, revision, today, {
      ifMatch: requireIfMatch(parseIfMatch(header)), actor, readBack: (tx) => readEvidence(tx, id, today),
    });
    return reply.code(201).header(REVISION_HEADER, String(result.revision)).header('etag', etag(result.version)).send(result.view!.body);
  };

  app.post('/assurance/evidence/:id/revisions', {
    schema: {
      tags: [TAG], summary: 'Add a revision from a given SHA-256 and source URI (never overwrites; a copy of the latest is refused)',
      params: IdParams, headers: IfMatchHeader, body: RevisionBody, response: { 201: EvidenceDetail, ...writeErrors },
    },
  }, async (request, reply) => add(reply, actorName(request), request.params.id, request.headers['if-match'], request.body));

  app.post('/assurance/evidence/:id/revisions/upload', {
    bodyLimit: EVIDENCE_UPLOAD_LIMIT,
    schema: {
      tags: [TAG], summary: 'Add a revision from an uploaded file (application/octet-stream): its SHA-256 is computed here, the file is not kept',
      params: IdParams, headers: IfMatchHeader, querystring: UploadQuery,
      response: { 201: EvidenceDetail, 413: ErrorBody, ...writeErrors },
    },
  }, async (request, reply) => {
    const content = request.body as Buffer | undefined;
    if (!Buffer.isBuffer(content) || content.length === 0) {
      // The body is the file's bytes, which no schema can state: an empty one breaks a rule (422).
      return reply.code(422).send({ statusCode: 422, code: 'INTERLOCK_UNPROCESSABLE', message: 'Send the file as the body, with Content-Type: application/octet-stream.', errors: [{ path: 'body', message: 'must be the file\'s bytes' }] });
    }
    const { collectedOn, addedBy, uri } = request.query;
    return add(reply, actorName(request), request.params.id, request.headers['if-match'], { collectedOn, addedBy, sha256: sha256Of(content), ...(uri ? { uri } : {}) });
  });
}
