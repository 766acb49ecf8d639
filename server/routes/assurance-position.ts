// Where the site stands (DOMAIN.md §5.2.6, §5.4–5.6): the inconsistencies between IT and OT, the
// risk registers with their flags and treatment, shared systems, zones' security levels from the
// controls, the shared-system triage of an advisory, and the board report's numbers.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { asOfToday, AsOfQuery } from '../assurance/as-of.js';
import { readBaseline, type Baseline } from '../assurance/baseline.js';
import type { Tx } from '../db/client.js';
import { inconsistencies } from '../assurance/inconsistencies.js';
import { boardReport } from '../assurance/report.js';
import { BoardReport } from '../assurance/report-schema.js';
import { riskFindings, sharedSystems } from '../assurance/risks.js';
import { Inconsistency, RiskFinding, SharedSystem, ZoneLevel } from '../assurance/schemas.js';
import { triage } from '../assurance/triage.js';
import { TriageAnswer, TriageRequest } from '../assurance/triage-schema.js';
import { zoneLevels } from '../assurance/zones.js';
import { REGISTERS } from '../model/governance-schema.js';
import { ErrorBody } from '../model/api-schemas.js';
import { commaIds, Id } from '../model/primitives.js';
import { assuranceErrors, failClosed } from './assurance.js';

const TAG = 'assurance';

export async function assurancePositionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);
  const withBaseline = <T>(asOf: string | undefined, work: (tx: Tx, baseline: Baseline) => Promise<T>) =>
    app.db.readTx(async (tx) => work(tx, await readBaseline(tx, asOf ?? asOfToday())));

  app.get('/assurance/inconsistencies', {
    schema: {
      tags: [TAG], summary: 'Inconsistencies between IT and OT: unassessed domains, BOTH controls assessed differently, equal requirements whose statuses differ',
      querystring: AsOfQuery, response: { 200: z.array(Inconsistency), ...assuranceErrors },
    },
  }, async (request) => withBaseline(request.query.asOf, (tx, b) => inconsistencies(tx, b)));

  app.get('/assurance/risks', {
    schema: {
      tags: [TAG], summary: 'Risks with score, band, what they affect, the three flags and the treatment state',
      querystring: AsOfQuery.extend({ register: z.enum(REGISTERS).optional() }), response: { 200: z.array(RiskFinding), ...assuranceErrors },
    },
  }, async (request) => {
    const risks = await withBaseline(request.query.asOf, (tx, b) => riskFindings(tx, b));
    return request.query.register ? risks.filter((r) => r.register === request.query.register) : risks;
  });

  app.get('/assurance/shared-systems', {
    schema: {
      tags: [TAG], summary: 'Shared systems: assets in a Purdue 3.5 zone or talking across the IT/OT line, each with why',
      querystring: z.object({ assets: commaIds('asset', 2000).optional().describe('comma-separated asset ids') }), response: { 200: z.array(SharedSystem), ...assuranceErrors },
    },
  }, async (request) => app.db.readTx((tx) => sharedSystems(tx, request.query.assets ?? null)));

  app.get('/assurance/zones', {
    schema: {
      tags: [TAG], summary: "Zones' capability security level from the controls: SL vector over FR1–FR7, SL-C, gaps to SL-T, SL-A not supported",
      querystring: AsOfQuery.extend({ zones: commaIds('zone', 500).optional().describe('comma-separated zone ids') }), response: { 200: z.array(ZoneLevel), ...assuranceErrors },
    },
  }, async (request) => withBaseline(request.query.asOf, (tx, b) => zoneLevels(tx, b, request.query.zones ?? null)));

  app.post('/assurance/triage', {
    schema: {
      tags: [TAG], summary: 'Shared-system vulnerability triage: for assets or a vendor/model/version selector, registers, owners, controls and the patch what-if',
      body: TriageRequest, response: { ...assuranceErrors, 200: TriageAnswer, 404: ErrorBody, 422: ErrorBody.describe('the selector matches no asset') },
    },
  }, async (request) => triage(app.db, request.body, request.body.asOf ?? asOfToday()));

  app.get('/assurance/report', {
    schema: {
      tags: [TAG], summary: "The board report's numbers: per framework and domain, CAF ratings against a profile, risk position, evidence currency, safety exposure",
      querystring: AsOfQuery.extend({ profile: Id.optional().describe('the CAF profile to rate against') }),
      response: { 200: BoardReport, 404: ErrorBody, ...assuranceErrors },
    },
  }, async (request) => boardReport(app.db, request.query.asOf ?? asOfToday(), request.query.profile ?? null));
}
