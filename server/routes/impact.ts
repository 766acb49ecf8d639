import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { FirewallChange, ImpactRequest, ImpactResponse } from '../impact/change-schema.js';
import { assessImpact } from '../impact/assess.js';
import { explainFlow } from '../impact/explain.js';
import { ErrorBody, IdParams, SafetyPath } from '../model/api-schemas.js';
import { Id } from '../model/site-schema.js';

const Decision = z.object({ rule: z.string().nullable().describe('deciding rule id; null when the default action decides'), action: z.enum(['allow', 'deny']) });
const FlowExplanation = z.object({
  flow: Id, from: Id, to: Id, fromZone: Id, toZone: Id, protocol: z.string(), port: z.number().int().nullable(),
  safetyRequired: z.boolean(),
  crossings: z.array(z.object({ conduit: Id, zones: z.array(Id), edited: z.boolean(), before: Decision, after: Decision })),
  allowedBefore: z.boolean(),
  allowedAfter: z.boolean(),
});
const ExplainFlowBody = z.object({ flow: Id, change: FirewallChange.optional() }).strict();

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody.describe('the graph failed its integrity check, or the database is unreachable') };

export async function impactRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Fail closed: no safety answer from a graph that failed its integrity check.
  app.addHook('preHandler', async () => app.integrity.assertSound());
  app.post('/impact', {
    schema: {
      tags: ['impact'],
      summary: 'What-if: does a proposed security change touch a safety path?',
      description: 'Send one change as `change` or a change set as `changes` (firewall rule set edit, patch, or authentication policy). ' +
        'Nothing is written. Findings come sorted by severity, then id, each with the path to highlight.',
      body: ImpactRequest,
      response: { 200: ImpactResponse, ...errors },
    },
  }, async (request) => assessImpact(app.db, request.body));

  app.post('/explain/flow', {
    schema: {
      tags: ['impact'],
      summary: "Explain a flow's firewall decision on every conduit it crosses, now and after a proposed firewall change",
      body: ExplainFlowBody,
      response: { 200: FlowExplanation, ...errors },
    },
  }, async (request) => explainFlow(app.db, request.body.flow, request.body.change));

  app.get('/explain/sif/:id', {
    schema: {
      tags: ['impact'],
      summary: 'The full safety path of a SIF: elements, flows, conduits, firewalls and zones',
      params: IdParams,
      response: { 200: SafetyPath, 404: ErrorBody, 503: ErrorBody },
    },
  }, async (request) => {
    const [path] = await app.db.read('read/sif-safety-path', { id: request.params.id });
    if (!path) throw notFound('SIF', request.params.id);
    return path as z.infer<typeof SafetyPath>;
  });
}
