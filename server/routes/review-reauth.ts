// Signing by re-authenticating at the identity provider (server/reviews/sign-step-up.ts): the
// signer asks for a step-up and gets the provider's URL; the provider sends the browser back to
// the callback, which records the signature and sends the browser to the request in the explorer
// (?tab=reviews&cr=<id>&sign=ok, or &sign=<reason> when refused).
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../audit/audit-log.js';
import { notFound } from '../errors.js';
import { OidcClient } from '../identity/oidc.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { actorOf } from '../plugins/authentication.js';
import { ReauthBody, StepUpStarted, type Discipline } from '../reviews/schemas.js';
import { SignStepUps, StepUpRefusal } from '../reviews/sign-step-up.js';
import { reviewTarget } from '../reviews/transition.js';

export const STEP_UP_CALLBACK = '/api/reviews/sign/callback';
const Redirect = z.null().describe('a redirect (Location header)');
const tags = ['reviews'];

export async function reviewReauthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const oidc = app.identity.settings.oidc;
  const stepUps = oidc ? new SignStepUps(new OidcClient(oidc), oidc, new URL(STEP_UP_CALLBACK, oidc.redirectUrl).href) : undefined;

  for (const discipline of ['safety', 'security'] as const satisfies readonly Discipline[]) {
    app.post(`/reviews/:id/sign/${discipline}/reauth`, {
      schema: {
        tags, summary: `Start signing for ${discipline} by re-authenticating at the identity provider (accounts without an Interlock password)`,
        description: `Answers the provider's URL (prompt=login, max_age=0); its state is bound to this request, discipline, meaning, comment and assessment hash. The provider sends the browser back to ${STEP_UP_CALLBACK}, which records the signature when the ID token is the signer's and fresh. A local account signs with its password instead (422).`,
        params: IdParams, body: ReauthBody, response: { 200: StepUpStarted, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 503: ErrorBody },
      },
    }, async (request) => {
      if (!stepUps) throw notFound('identity provider', 'oidc');
      return stepUps.start(app.db, actorOf(request), request.params.id, discipline, request.body);
    });
  }

  app.get('/reviews/sign/callback', {
    schema: { tags, summary: 'Where the identity provider sends the browser back after a signer re-authenticated; records the signature and redirects to the request', response: { 303: Redirect, 404: ErrorBody } },
  }, async (request, reply) => {
    if (!stepUps) throw notFound('identity provider', 'oidc');
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    // Back to the request's page in the explorer's Reviews area (?tab=reviews&cr=<id>), with the outcome.
    const back = (review: string | undefined, outcome: string) => reply.redirect(`/?${new URLSearchParams({ tab: 'reviews', ...(review ? { cr: review } : {}), sign: outcome })}`, 303);
    try {
      const review = await stepUps.finish(app.db, query);
      return back(review.id, 'ok');
    } catch (error) {
      if (error instanceof StepUpRefusal) {
        // A refused signature is a refused attempt: it goes into the audit log.
        if (error.signer) {
          await audit(app.db, {
            actor: error.signer.username, actorId: error.signer.id, action: 'change:sign-refused', outcome: 'refused', target: reviewTarget(error.signer.review),
            details: { discipline: error.signer.discipline, method: 'oidc', reason: error.reason, source: request.ip },
          });
        }
        return back(error.review, error.reason);
      }
      request.log.warn({ err: error }, 'signing after re-authentication at the identity provider failed');
      return back(undefined, 'failed');
    }
  });
}
