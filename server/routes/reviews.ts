// Change requests (server/reviews/): raise from a what-if, edit with If-Match, submit, reassess,
// withdraw, sign for a discipline, implement; and the meeting pack as PDF. Every route answers
// the request as the caller may see it, with its ETag.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { actorOf } from '../plugins/authentication.js';
import { implementReview } from '../reviews/implement.js';
import { asCaller, inProcessUrl } from '../pdf/in-process.js';
import { ListQuery, NewReview, PackQuery, ReviewEdit, ReviewListItem, ReviewView, SignBody, type Discipline } from '../reviews/schemas.js';
import { createReview, editReview, reassessReview, submitReview, withdrawReview } from '../reviews/service.js';
import { signReview } from '../reviews/sign.js';
import { listReviews, readReview, type ReviewRecord } from '../reviews/store.js';
import { listItem, reviewView } from '../reviews/view.js';
import { etag, parseIfMatch, REVISION_HEADER } from './entity-routes.js';

const IfMatch = z.object({
  'if-match': z.string().max(200).regex(/^\s*("\d{1,15}"|\d{1,15}|\*)\s*$/, 'must be one ETag such as "3" (as returned by GET), or *').optional()
    .describe('The ETag of the version you read; refused with 412 if the request has changed since.'),
});
const tags = ['reviews'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody.describe('the request\'s status does not allow it, or it is stale, or already signed or implemented'), 412: ErrorBody, 422: ErrorBody };

export async function reviewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const answer = async (request: { actor?: unknown }, reply: FastifyReply, review: ReviewRecord, code = 200) =>
    reply.code(code).header('etag', etag(review.version)).send(await reviewView(app.db, actorOf(request as never), review));

  app.get('/reviews', {
    schema: { tags, summary: 'Change requests, newest first, each marked stale when its assessment read something that changed since', querystring: ListQuery, response: { 200: z.array(ReviewListItem), 400: ErrorBody } },
  }, async (request) => Promise.all((await listReviews(app.db, request.query.status, request.query.limit)).map((r) => listItem(app.db, r))));

  app.post('/reviews', {
    schema: {
      tags, summary: 'Raise a change request (DRAFT) from a what-if: the same change or change set POST /api/impact takes',
      body: NewReview, response: { 201: ReviewView, ...errors },
    },
  }, async (request, reply) => answer(request, reply, await createReview(app.db, actorOf(request), request.body), 201));

  app.get('/reviews/pack.pdf', {
    schema: {
      tags, summary: 'The meeting pack of these requests as PDF: agenda, changes, findings with path pictures, decisions, signatures and the audit chain head',
      description: 'Rendered from the explorer\'s own meeting pack page by headless Chromium, as the caller sees it.',
      querystring: PackQuery,
      onlyAnswers: { 200: ['application/pdf'] },
      response: { 200: z.any().describe('application/pdf'), 400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 503: ErrorBody.describe('Chromium is not installed, the renderer is busy or timed out') },
    },
  }, async (request, reply) => {
    // Every id must exist: a pack silently missing a request is worse than none.
    await Promise.all(request.query.ids.map((id) => readReview(app.db, id)));
    const pdf = await app.pdf.render(inProcessUrl(`/?pack=${encodeURIComponent(request.query.ids.join(','))}`), {
      route: asCaller(app, actorOf(request)), readySelector: '#print-view[data-ready="true"]', viewport: { width: 1400, height: 900 },
    });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="meeting-pack.pdf"').send(pdf);
  });

  app.get('/reviews/:id', {
    schema: { tags, summary: 'One change request: its assessment, signatures, staleness and what you may do with it', params: IdParams, response: { 200: ReviewView, 404: ErrorBody } },
  }, async (request, reply) => answer(request, reply, await readReview(app.db, request.params.id)));

  app.patch('/reviews/:id', {
    schema: {
      tags, summary: 'Edit a request: it becomes a DRAFT again, its assessment and signatures are dismissed',
      params: IdParams, headers: IfMatch, body: ReviewEdit, response: { 200: ReviewView, ...errors },
    },
  }, async (request, reply) => answer(request, reply, await editReview(app.db, actorOf(request), request.params.id, request.body, parseIfMatch(request.headers['if-match']))));

  for (const [verb, summary, run] of [
    ['submit', 'Submit a DRAFT: its assessment is run and stored with the site revision it read', submitReview],
    ['reassess', 'Assess a submitted or approved request again on the current site; its signatures are dismissed', reassessReview],
    ['withdraw', 'Withdraw a request that is not decided or implemented', withdrawReview],
    ['implement', 'Apply an APPROVED, fresh request to the site in one transaction; the revision it made is in X-Interlock-Revision', implementReview],
  ] as const) {
    app.post(`/reviews/:id/${verb}`, {
      schema: { tags, summary, params: IdParams, headers: IfMatch, response: { 200: ReviewView, ...errors } },
    }, async (request, reply) => {
      const review = await run(app.db, actorOf(request), request.params.id, parseIfMatch(request.headers['if-match']));
      if ('revision' in review) reply.header(REVISION_HEADER, String(review.revision));
      return answer(request, reply, review);
    });
  }

  for (const discipline of ['safety', 'security'] as const satisfies readonly Discipline[]) {
    app.post(`/reviews/:id/sign/${discipline}`, {
      schema: {
        tags, summary: `Sign a submitted request for ${discipline} (approve or reject), re-entering your password`,
        description: 'The requester never signs; one person never signs for both disciplines; a stale request must be reassessed first.',
        params: IdParams, body: SignBody, response: { 200: ReviewView, ...errors },
      },
    }, async (request, reply) => answer(request, reply,
      await signReview(app.db, actorOf(request), request.params.id, discipline, request.body, { source: request.ip, settings: app.identity.settings })));
  }
}
