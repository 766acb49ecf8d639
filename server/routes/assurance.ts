// The assurance views of the one control baseline (DOMAIN.md §5.2): frameworks with their summaries,
// a framework's requirement tree, one requirement's status with why, a profile's conformance, the
// controls with their statuses and assessing one for a domain. Every number as of `asOf`.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { assessControl, requireIfMatch } from '../assurance/baseline-edits.js';
import { FrameworkInfo, FrameworkSummary, ProfileConformance, RequirementResult, ControlInDomain, CafRating, RequirementStatus } from '../assurance/schemas.js';
import { frameworkSummaries, frameworkTree, frameworksWithSummaries, profileConformance, readControls, requirementWithWhy } from '../assurance/views.js';
import { ControlAssessment } from '../model/governance-schema.js';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import { Domain, Id } from '../model/primitives.js';
import { etag, IfMatch, parseIfMatch, REVISION_HEADER } from './entity-routes.js';
import { actorName } from '../plugins/authentication.js';

export const assuranceErrors = {
  400: ErrorBody,
  422: ErrorBody.describe('a rule the schema cannot state: a date that does not exist, one field against another'),
  503: ErrorBody.describe('the graph failed its integrity check, or the database is unreachable'),
};
const TAG = 'assurance';
const asOf = (q: { asOf?: string }) => q.asOf ?? asOfToday();

const ControlView = z.object({
  control: Id, name: z.string(), category: z.string(), domain: z.string(), version: z.number().int().describe('for If-Match'),
  statuses: z.array(ControlInDomain).describe('one per domain the control covers'),
});
interface TreeNodeT { requirement: string; ref: string; title: string; assessable: boolean; slFrom: number | null; uncertain: string | null; statuses: unknown[]; children: TreeNodeT[] }
const TreeNode: z.ZodType<TreeNodeT> = z.lazy(() => z.object({
  requirement: Id, ref: z.string(), title: z.string(), assessable: z.boolean(), slFrom: z.number().int().nullable(), uncertain: z.string().nullable(),
  statuses: z.array(z.object({ domain: Domain, status: RequirementStatus, source: z.enum(['direct', 'projected', 'none']), rating: CafRating.nullable() })),
  children: z.array(TreeNode),
// A recursive schema needs a name of its own: the OpenAPI document states it once, as a component
// its children refer to (without one, the reference points nowhere).
})).meta({ id: 'RequirementTreeNode' });

/** Assurance answers come from the graph only while it passes its integrity check. */
export function failClosed(app: FastifyInstance): void {
  app.addHook('preHandler', async () => app.integrity.assertSound());
}

export async function assuranceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);

  app.get('/assurance/frameworks', {
    schema: {
      tags: [TAG], summary: 'Every framework with its compliance, status counts and maturity per domain it scopes',
      querystring: AsOfQuery, response: { 200: z.array(FrameworkInfo.extend({ summaries: z.array(FrameworkSummary) })), ...assuranceErrors },
    },
  }, async (request) => frameworksWithSummaries(app.db, asOf(request.query)));

  app.get('/assurance/frameworks/:id', {
    schema: {
      tags: [TAG], summary: "A framework's requirement tree (groupings included) with each assessable requirement's status per domain",
      params: IdParams, querystring: AsOfQuery,
      response: { 200: FrameworkInfo.extend({ asOf: z.string(), summaries: z.array(FrameworkSummary), tree: z.array(TreeNode).describe('top-level requirements, each with its children') }), 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => frameworkTree(app.db, request.params.id, asOf(request.query)));

  app.get('/assurance/frameworks/:id/summary', {
    schema: {
      tags: [TAG], summary: "One framework's compliance, status counts and maturity per domain it scopes (no tree)",
      params: IdParams, querystring: AsOfQuery, response: { 200: z.array(FrameworkSummary), 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => frameworkSummaries(app.db, request.params.id, asOf(request.query)));

  app.get('/assurance/requirements/:id', {
    schema: {
      tags: [TAG], summary: "One requirement's status in each domain its framework scopes, with why: controls, assessments, evidence, mappings",
      params: IdParams, querystring: AsOfQuery.extend({ domain: Domain.optional() }),
      response: { 200: z.array(RequirementResult), 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => requirementWithWhy(app.db, request.params.id, asOf(request.query), request.query.domain));

  app.get('/assurance/profiles/:id', {
    schema: {
      tags: [TAG], summary: "A profile's conformance: every outcome's CAF rating against its target, per domain",
      params: IdParams, querystring: AsOfQuery, response: { 200: z.array(ProfileConformance), 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => profileConformance(app.db, request.params.id, asOf(request.query)));

  app.get('/assurance/controls', {
    schema: { tags: [TAG], summary: 'Every control with its assessment and effective status per domain', querystring: AsOfQuery, response: { 200: z.array(ControlView), ...assuranceErrors } },
  }, async (request) => app.db.readTx((tx) => readControls(tx, asOf(request.query))));

  app.get('/assurance/controls/:id', {
    schema: {
      tags: [TAG], summary: 'One control with its assessment and effective status per domain; its ETag is its version',
      params: IdParams, querystring: AsOfQuery, response: { 200: ControlView, 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request, reply) => {
    const [view] = await app.db.readTx((tx) => readControls(tx, asOf(request.query), request.params.id));
    return reply.header('etag', etag(view!.version)).send(view!);
  });

  app.put('/assurance/controls/:id/assessments/:domain', {
    schema: {
      tags: [TAG], summary: 'Assess a control for one domain: an incremental, versioned site write, only over the version you read (If-Match)',
      params: z.object({ id: Id, domain: Domain }),
      headers: z.object({ 'if-match': IfMatch.optional().describe('the control\'s ETag as read; required') }),
      body: ControlAssessment,
      response: { ...assuranceErrors,
        200: ControlView, 404: ErrorBody, 409: ErrorBody.describe('the site would be left inconsistent'),
        412: ErrorBody.describe('the control changed since you read it'), 422: ErrorBody.describe('the control does not cover that domain'),
        428: ErrorBody.describe('If-Match missing'),
      },
    },
  }, async (request, reply) => {
    const { id, domain } = request.params;
    const ifMatch = requireIfMatch(parseIfMatch(request.headers['if-match']));
    const result = await assessControl(app.db, id, domain, request.body, {
      ifMatch, actor: actorName(request), readBack: async (tx) => (await readControls(tx, asOfToday(), id))[0]!,
    });
    const view = { ...result.view!, version: result.version };
    return reply.header(REVISION_HEADER, String(result.revision)).header('etag', etag(result.version)).send(view);
  });
}
