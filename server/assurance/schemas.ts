// The assurance API's response shapes (DOMAIN.md §5), one source for the routes' OpenAPI
// document, the engine's types and the clients (the board report, the CLI). Every status is
// given with its "why"; every date is YYYY-MM-DD in UTC.
import { z } from 'zod';
import { CAF_RATINGS, CONTROL_DOMAINS, REGISTERS, RELATIONSHIPS, REQUIREMENT_STATUSES, SAFETY_CONSEQUENCES, TREATMENTS } from '../model/governance-schema.js';
import { CONTROL_STATUSES, Domain, Id } from '../model/primitives.js';

export const CURRENCIES = ['fresh', 'due', 'expired', 'absent'] as const;
export const Currency = z.enum(CURRENCIES);
export const RequirementStatus = z.enum(REQUIREMENT_STATUSES);
export const ControlStatus = z.enum(CONTROL_STATUSES);
export const CafRating = z.enum(CAF_RATINGS);

export const Assessment = z.object({
  status: ControlStatus, maturity: z.number().int(), assessor: z.string(), assessedOn: z.string(),
});

export const EvidenceCurrency = z.object({
  evidence: Id, name: z.string(), kind: z.string(), source: z.string(), domains: z.array(Domain), refreshDays: z.number().int(),
  supports: z.array(Id).describe('the controls it supports'),
  latestCollectedOn: z.string().nullable().describe('the latest revision\'s collection date: it decides currency'),
  latestSha256: z.string().nullable(),
  expiresOn: z.string().nullable().describe('latest collection + refreshDays'),
  currency: Currency.describe('expired: expiresOn before asOf; due: within asOf … asOf + 30 days; fresh: later; absent: no revision'),
});

export const ControlInDomain = z.object({
  control: Id, name: z.string(), category: z.string(), controlDomain: z.enum(CONTROL_DOMAINS), domain: Domain,
  assessed: Assessment.nullable().describe('the assessment for this domain; null when there is none'),
  effective: ControlStatus.describe('the status that counts: unassessed is not-implemented; implemented with no current evidence is partial'),
  downgrade: z.enum(['unassessed', 'unevidenced']).nullable().describe('why effective differs from the assessment'),
  evidence: z.array(EvidenceCurrency.pick({ evidence: true, name: true, currency: true, expiresOn: true, latestCollectedOn: true }))
    .describe('the evidence supporting it that covers this domain'),
});

export const Projection = z.object({
  mapping: Id, source: Id,
  relationship: z.enum(RELATIONSHIPS).describe('how the source relates to this requirement, read from the source\'s side'),
  strength: z.number().int(), sourceStatus: RequirementStatus,
  full: z.boolean().describe('equal or superset: the source\'s status carries over; otherwise capped at partial'),
  projected: RequirementStatus,
  sourceControls: z.array(ControlInDomain),
});

export const RequirementResult = z.object({
  requirement: Id, framework: Id, ref: z.string(), title: z.string(), parent: Id.nullable(), domain: Domain,
  status: RequirementStatus, source: z.enum(['direct', 'projected', 'none']),
  rating: CafRating.nullable().describe('the CAF rating, for a framework rated on the CAF scale'),
  why: z.object({
    controls: z.array(ControlInDomain).describe('the direct controls: those satisfying it that cover the domain'),
    chosen: Projection.nullable().describe('the mapping the status was projected through'),
    candidates: z.array(Projection).describe('every source considered, by mapping id'),
  }),
});

export const StatusCounts = z.object({ met: z.number().int(), partial: z.number().int(), 'not-met': z.number().int(), gap: z.number().int() });

export const FrameworkSummary = z.object({
  framework: Id, name: z.string(), domain: Domain, assessable: z.number().int(), counts: StatusCounts,
  compliance: z.number().nullable().describe('(met + ½ partial) ÷ assessable × 100, one decimal, rounded half up; null with nothing assessable'),
  maturity: z.number().nullable().describe('mean maturity (0–5) of the distinct assessed controls directly satisfying its assessable requirements, one decimal'),
  maturityControls: z.array(Id),
});

export const FrameworkInfo = z.object({
  framework: Id, name: z.string(), version: z.string(), kind: z.string(), ratingModel: z.enum(['status', 'caf']),
  domains: z.array(Domain), securityLevels: z.boolean(), sources: z.array(z.string()), licence: z.string(),
  requirements: z.number().int(), assessable: z.number().int(),
  profiles: z.array(z.object({ profile: Id, name: z.string() })),
});

export const OutcomeConformance = z.object({
  requirement: Id, ref: z.string(), status: RequirementStatus, rating: CafRating,
  target: CafRating.nullable(), meets: z.boolean().nullable().describe('rating ≥ target; null where the profile sets no target'),
});
export const ProfileConformance = z.object({
  profile: Id, framework: Id, domain: Domain, meeting: z.number().int(), targets: z.number().int(), outcomes: z.array(OutcomeConformance),
});

export const INCONSISTENCY_KINDS = ['NOT-ASSESSED', 'BOTH-STATUS-DIFFERS', 'BOTH-MATURITY-DIFFERS', 'EQUAL-STATUS-DIFFERS'] as const;
export const Inconsistency = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NOT-ASSESSED'), control: Id, domain: Domain }),
  z.object({ kind: z.literal('BOTH-STATUS-DIFFERS'), control: Id, IT: ControlStatus, OT: ControlStatus }),
  z.object({ kind: z.literal('BOTH-MATURITY-DIFFERS'), control: Id, IT: z.number().int(), OT: z.number().int() }),
  z.object({
    kind: z.literal('EQUAL-STATUS-DIFFERS'), mapping: Id, domain: Domain,
    from: Id, fromStatus: RequirementStatus, to: Id, toStatus: RequirementStatus,
  }),
]);

export const EvidenceReuse = z.object({
  requirements: z.array(z.object({ requirement: Id, framework: Id, via: z.string().describe('"direct", or the mapping it is reached through') })),
  frameworks: z.array(Id),
});

export const FrLevel = z.object({
  fr: Id, ref: z.string(), slC: z.number().int(),
  uncertainBy: z.array(Id).describe('uncovered members flagged uncertain in the catalogue: their true slFrom could move this value'),
});
export const ZoneLevel = z.object({
  zone: Id, name: z.string(), domain: Domain, purdueLevel: z.number(), safety: z.boolean(),
  slTarget: z.number().int(), slAchieved: z.number().int(),
  vector: z.array(FrLevel).describe('SL-C per foundational requirement'),
  slC: z.number().int().describe('the vector\'s minimum'),
  uncertain: z.boolean().describe('an FR value at the minimum depends on an uncertain catalogue row'),
  gaps: z.array(Id).describe('uncovered SRs and REs required at or below SL-T'),
  slANotSupported: z.boolean().describe('the declared SL-A is above the computed SL-C'),
});

export const SharedSystem = z.object({
  asset: Id, name: z.string(), zone: Id,
  reasons: z.array(z.object({
    kind: z.enum(['purdue-3.5', 'cross-domain-flow']), zone: Id.nullable(), flow: Id.nullable(), other: Id.nullable(), otherDomain: Domain.nullable(),
  })),
});

export const RISK_FLAGS = ['JOINT-OWNERSHIP-GAP', 'SAFETY-RISK-OUTSIDE-OT', 'SAFETY-CONSEQUENCE-UNDERSTATED'] as const;
export const RiskFinding = z.object({
  risk: Id, title: z.string(), register: z.enum(REGISTERS), owner: z.string(), treatment: z.enum(TREATMENTS),
  likelihood: z.number().int(), impact: z.number().int(), safetyConsequence: z.enum(SAFETY_CONSEQUENCES),
  score: z.number().int(), band: z.enum(['low', 'medium', 'high', 'very-high']),
  affects: z.array(Id), affectedAssets: z.array(Id), affectedDomains: z.array(Domain), sharedSystems: z.array(Id),
  safetyTargets: z.array(Id).describe('safety zones touched, SIF elements and assets in safety zones'),
  flags: z.array(z.enum(RISK_FLAGS)),
  treatmentState: z.enum(['treated', 'open']).nullable().describe('for a mitigate risk; null otherwise'),
  checks: z.array(z.object({ control: Id, domain: Domain, effective: ControlStatus })),
});

export type EvidenceCurrencyT = z.infer<typeof EvidenceCurrency>;
export type ControlInDomainT = z.infer<typeof ControlInDomain>;
export type ProjectionT = z.infer<typeof Projection>;
export type RequirementResultT = z.infer<typeof RequirementResult>;
export type FrameworkSummaryT = z.infer<typeof FrameworkSummary>;
export type FrameworkInfoT = z.infer<typeof FrameworkInfo>;
export type ProfileConformanceT = z.infer<typeof ProfileConformance>;
export type InconsistencyT = z.infer<typeof Inconsistency>;
export type EvidenceReuseT = z.infer<typeof EvidenceReuse>;
export type ZoneLevelT = z.infer<typeof ZoneLevel>;
export type SharedSystemT = z.infer<typeof SharedSystem>;
export type RiskFindingT = z.infer<typeof RiskFinding>;
