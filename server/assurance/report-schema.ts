// The board report's numbers (DOMAIN.md §5.6) as JSON: the same numbers the on-screen page and
// its PDF show, for one site as of one date.
import { z } from 'zod';
import { Domain, Id } from '../model/primitives.js';
import { REGISTERS, SAFETY_CONSEQUENCES, TREATMENTS } from '../model/governance-schema.js';
import { FrameworkSummary, INCONSISTENCY_KINDS, ProfileConformance, RISK_FLAGS } from './schemas.js';

const Count = z.number().int();
export const BANDS = ['low', 'medium', 'high', 'very-high'] as const;
export const TREATMENT_COLUMNS = ['treated', 'open', 'accept', 'transfer', 'avoid'] as const;

export const RegisterPosition = z.object({
  register: z.enum(REGISTERS),
  risks: Count,
  bands: z.record(z.enum(BANDS), z.record(z.enum(TREATMENT_COLUMNS), Count))
    .describe('per band, risks by treatment: a mitigate risk is treated or open; accept, transfer and avoid as they are'),
  openTreatments: z.array(Id).describe('mitigate risks whose mitigating controls are not all effectively implemented'),
  flags: z.record(z.enum(RISK_FLAGS), z.array(Id)),
});

export const BoardReport = z.object({
  asOf: z.string(),
  profile: Id.nullable().describe('the CAF profile rated against'),
  frameworks: z.array(FrameworkSummary).describe('per framework and domain it scopes'),
  caf: z.array(ProfileConformance.omit({ outcomes: true }).extend({
    ratings: z.record(z.enum(['achieved', 'partially-achieved', 'not-achieved']), Count),
    notMeeting: z.array(Id).describe('outcomes rated below their target'),
  })).describe('the CAF ratings against the profile, per domain'),
  risks: z.array(RegisterPosition),
  evidence: z.array(z.object({
    domain: Domain, fresh: Count, due: Count, expired: Count, absent: Count,
    controlsWithoutCurrentEvidence: z.array(Id),
  })).describe('evidence currency per domain it covers'),
  inconsistencies: z.record(z.enum(INCONSISTENCY_KINDS), Count).describe('how many of each kind (listed at /api/assurance/inconsistencies)'),
  safety: z.object({
    sifs: z.array(z.object({
      sif: Id, name: z.string(), sil: z.number().int(),
      zones: z.array(z.object({ zone: Id, slC: z.number().int(), slTarget: z.number().int(), uncertain: z.boolean() })),
    })).describe('SIFs whose safety path crosses a zone whose SL-C is below its SL-T'),
    risks: z.array(z.object({
      risk: Id, title: z.string(), register: z.enum(REGISTERS), owner: z.string(), safetyConsequence: z.enum(SAFETY_CONSEQUENCES),
      treatment: z.enum(TREATMENTS), treatmentState: z.enum(['treated', 'open']).nullable(),
    })).describe('risks with a major or severe safety consequence'),
    changes: z.object({
      from: z.string().describe('the period: the 90 days up to and including asOf'), to: z.string(),
      changes: z.array(z.object({
        id: Id, title: z.string(), status: z.enum(['APPROVED', 'REJECTED', 'IMPLEMENTED']),
        decidedOn: z.string().describe('the day of the signature that decided it'), decision: z.enum(['approved', 'rejected']),
        sifs: z.array(z.object({ id: Id, sil: z.number().int() })).describe('SIFs of SIL ≥ 2 named by its findings above INFO'),
        signedBy: z.array(z.string()),
      })),
    }).describe('change requests touching SIL ≥ 2 decided in the period'),
  }),
});
export type BoardReportT = z.infer<typeof BoardReport>;
