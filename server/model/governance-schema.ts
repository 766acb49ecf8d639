// The governance part of a site document (DOMAIN.md §5): frameworks and their requirements, the
// typed mappings between requirements, regulator profiles, and the one control baseline with its
// evidence and risk registers. Every string and list is bounded here, so an oversized document is
// refused by the schema itself. Referential checks are the site's (validate-site.ts): the governance
// collections are collections of the site document like the rest.
import { z } from 'zod';
import { CONTROL_STATUSES, Domain, Id, IsoDate } from './primitives.js';

const text = (max: number) => z.string().min(1, 'must not be empty').max(max);
const ids = (max: number) => z.array(Id).max(max, `must list at most ${max} ids`);
const Name = text(200);
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const FRAMEWORK_KINDS = ['standard', 'regulation', 'profile'] as const;
export const RATING_MODELS = ['status', 'caf'] as const;
/** Ordered from worst to best: the order "best source" and "at most partial" rely on. */
export const REQUIREMENT_STATUSES = ['gap', 'not-met', 'partial', 'met'] as const;
/** Ordered from worst to best: a profile is met when the rating is at least the target. */
export const CAF_RATINGS = ['not-achieved', 'partially-achieved', 'achieved'] as const;
export const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;
export const CONTROL_DOMAINS = ['IT', 'OT', 'BOTH'] as const;
export const REGISTERS = ['IT', 'OT', 'JOINT'] as const;
export const SAFETY_CONSEQUENCES = ['none', 'minor', 'major', 'severe'] as const;
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;

export const Domains = z.array(Domain).min(1, 'must name IT, OT or both').max(2).refine(unique, 'must not repeat a domain');
export const CafRating = z.enum(CAF_RATINGS);
export const Relationship = z.enum(RELATIONSHIPS);

/** A point still to check against the licensed text; `refs` names the requirements it concerns. */
export const UncertainNote = z
  .object({ topic: text(120), note: text(1000), refs: ids(500).default([]) })
  .strict();

export const Framework = z
  .object({
    id: Id,
    name: Name,
    version: text(50),
    kind: z.enum(FRAMEWORK_KINDS),
    domains: Domains,
    ratingModel: z.enum(RATING_MODELS),
    // Its assessable requirements carry slFrom and gate zone security levels (IEC 62443-3-3).
    securityLevels: z.boolean().default(false),
    sources: z.array(text(500)).min(1, 'must name at least one source').max(20),
    licence: text(1000),
    uncertain: z.array(UncertainNote).max(50).default([]),
  })
  .strict();

export const Requirement = z
  .object({
    id: Id,
    framework: Id,
    ref: text(50),
    title: text(300),
    parent: Id.optional(),
    assessable: z.boolean().default(true),
    slFrom: z.number().int().min(1, 'must be a security level 1–4').max(4, 'must be a security level 1–4').optional(),
    // The outcome's IGP table has no "Partially achieved" column (CAF only).
    noPartial: z.boolean().default(false),
    uncertain: text(500).optional(),
  })
  .strict();

export const Mapping = z
  .object({
    id: Id,
    from: Id,
    to: Id,
    relationship: Relationship,
    strength: z.number().int().min(0, 'must be 0–10').max(10, 'must be 0–10'),
    rationale: text(1000),
    basis: Id,
  })
  .strict();

export const Profile = z
  .object({
    id: Id,
    name: Name,
    framework: Id,
    description: text(2000),
    basis: Id,
    targets: z.record(Id, CafRating).refine((t) => Object.keys(t).length <= 2000, 'must set at most 2000 targets'),
  })
  .strict();

export const ControlAssessment = z
  .object({
    status: z.enum(CONTROL_STATUSES),
    maturity: z.number().int().min(0, 'must be 0–5').max(5, 'must be 0–5'),
    assessor: Name,
    assessedOn: IsoDate,
  })
  .strict();

export const Control = z
  .object({
    id: Id,
    name: Name,
    domain: z.enum(CONTROL_DOMAINS),
    category: text(100),
    description: text(2000).optional(),
    satisfies: ids(500).default([]),
    // Asset, zone or conduit ids; empty means the control applies site-wide.
    appliesTo: ids(10_000).default([]),
    mitigates: ids(500).default([]),
    assessment: z.object({ IT: ControlAssessment.optional(), OT: ControlAssessment.optional() }).strict().default({}),
  })
  .strict();

/** Each evidence kind and the culture it comes from (a label: the domains it covers are separate). */
export const EVIDENCE_CULTURE = {
  policy: 'IT',
  'access-review': 'IT',
  'vulnerability-scan': 'IT',
  'audit-log': 'IT',
  'penetration-test': 'IT',
  'training-record': 'IT',
  'p-and-id': 'OT',
  'network-drawing': 'OT',
  'configuration-baseline': 'OT',
  'commissioning-record': 'OT',
  'proof-test-record': 'OT',
  'cause-and-effect-matrix': 'OT',
  'sis-security-assessment': 'OT',
  'moc-record': 'OT',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_CULTURE;
const EVIDENCE_KINDS = Object.keys(EVIDENCE_CULTURE) as [EvidenceKind, ...EvidenceKind[]];

export const EvidenceRevision = z
  .object({
    collectedOn: IsoDate,
    sha256: z.string().regex(/^[a-f0-9]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)'),
    addedBy: Name,
    uri: text(2000).optional(),
  })
  .strict();

export const Evidence = z
  .object({
    id: Id,
    name: Name,
    kind: z.enum(EVIDENCE_KINDS),
    source: text(300),
    domains: Domains,
    refreshDays: z.number().int().min(1, 'must be 1–3650 days').max(3650, 'must be 1–3650 days'),
    supports: ids(500).default([]),
    // Never overwritten: a new collection is a new revision; the latest by date decides currency.
    revisions: z.array(EvidenceRevision).max(1000).default([]),
  })
  .strict();

export const Risk = z
  .object({
    id: Id,
    title: text(300),
    register: z.enum(REGISTERS),
    likelihood: z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5'),
    impact: z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5'),
    safetyConsequence: z.enum(SAFETY_CONSEQUENCES),
    treatment: z.enum(TREATMENTS),
    owner: Name,
    // Asset or zone ids; a zone stands for every asset in it.
    affects: ids(10_000).default([]),
  })
  .strict();

export const Governance = z
  .object({
    frameworks: z.array(Framework).max(100).default([]),
    requirements: z.array(Requirement).max(20_000).default([]),
    mappings: z.array(Mapping).max(50_000).default([]),
    profiles: z.array(Profile).max(100).default([]),
    controls: z.array(Control).max(10_000).default([]),
    evidence: z.array(Evidence).max(50_000).default([]),
    risks: z.array(Risk).max(50_000).default([]),
  })
  .strict();

export type FrameworkT = z.infer<typeof Framework>;
export type RequirementT = z.infer<typeof Requirement>;
export type MappingT = z.infer<typeof Mapping>;
export type ProfileT = z.infer<typeof Profile>;
export type ControlT = z.infer<typeof Control>;
export type ControlAssessmentT = z.infer<typeof ControlAssessment>;
export type EvidenceT = z.infer<typeof Evidence>;
export type EvidenceRevisionT = z.infer<typeof EvidenceRevision>;
export type RiskT = z.infer<typeof Risk>;
export type GovernanceT = z.infer<typeof Governance>;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export type CafRatingT = (typeof CAF_RATINGS)[number];
export type RelationshipT = (typeof RELATIONSHIPS)[number];
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export type DomainT = z.infer<typeof Domain>;

/** A requirement no control satisfies, said out loud with the reason (the baseline's gap list). */
export const DeclaredGap = z.object({ requirement: Id, reason: text(500) }).strict();

/**
 * A site's control baseline as shipped in fixtures/governance/: the controls, evidence and risks a
 * site document carries, the requirements it leaves as gaps on purpose, and the date its evidence
 * currency was designed for (evaluation takes its own asOf).
 */
export const BaselineFile = z
  .object({
    designedForAsOf: IsoDate,
    gaps: z.array(DeclaredGap).max(5000).default([]),
    controls: Governance.shape.controls,
    evidence: Governance.shape.evidence,
    risks: Governance.shape.risks,
  })
  .strict();
export type DeclaredGapT = z.infer<typeof DeclaredGap>;
