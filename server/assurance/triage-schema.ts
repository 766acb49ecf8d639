// The shared-system vulnerability triage (DOMAIN.md §5.5): its request and the items it answers,
// shared by POST /api/assurance/triage and the advisory answer (POST /api/advisories).
import { z } from 'zod';
import { ImpactResponse, PatchChange, PatchSelector } from '../impact/change-schema.js';
import { Domain, Id, IsoDate } from '../model/primitives.js';
import { REGISTERS } from '../model/governance-schema.js';
import { RiskFinding, SharedSystem } from './schemas.js';

export const TriageRequest = z
  .object({
    assets: z.array(Id).min(1, 'list at least one asset').max(5000).optional(),
    selector: PatchSelector.optional().describe('vendor and/or model, optionally versionBelow, as for a patch'),
    requiresReboot: z.boolean().default(true).describe('for the patch what-if'),
    downtimeMinutes: z.number().min(0).max(100_000).default(0),
    asOf: IsoDate.optional().describe('the date treatments are judged on; default today (UTC)'),
  })
  .strict()
  .refine((t) => (t.assets === undefined) !== (t.selector === undefined), { message: 'name the assets or a selector, exactly one of the two' });
export type TriageRequestT = z.infer<typeof TriageRequest>;

export const TriageItem = z.object({
  asset: Id, name: z.string(), type: z.string(), zone: Id, zoneDomain: Domain,
  vendor: z.string().nullable(), model: z.string().nullable(), version: z.string().nullable(),
  shared: z.boolean().describe('a shared system: in a Purdue 3.5 zone, or talking to a zone of the other domain'),
  sharedReasons: SharedSystem.shape.reasons,
  risks: z.array(RiskFinding.pick({ risk: true, title: true, register: true, owner: true, treatment: true, treatmentState: true, score: true, band: true, flags: true })
    .extend({ via: Id.describe('the asset itself or its zone, as the risk names it') })),
  registers: z.array(z.enum(REGISTERS)).describe('the registers that capture it; empty: no register does'),
  controls: z.array(z.object({ control: Id, name: z.string(), domain: z.string(), why: z.enum(['applies-to', 'mitigates']) })),
  note: z.string().describe('which register captures it and who drives remediation, in words'),
});

export const TriageItems = z.object({
  asOf: z.string(),
  items: z.array(TriageItem),
  summary: z.object({
    assets: z.number().int(), shared: z.number().int(), uncovered: z.number().int().describe('assets no risk register covers'),
    registers: z.array(z.enum(REGISTERS)), message: z.string(),
  }),
});

export const TriageAnswer = TriageItems.extend({
  targets: z.array(Id).describe('the assets triaged (a selector resolved)'),
  patch: z.object({ change: PatchChange, impact: ImpactResponse }).describe('the what-if of patching them'),
});
export type TriageItemT = z.infer<typeof TriageItem>;
export type TriageItemsT = z.infer<typeof TriageItems>;
export type TriageAnswerT = z.infer<typeof TriageAnswer>;
