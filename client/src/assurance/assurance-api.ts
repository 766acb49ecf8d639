// The assurance routes, typed and parsed with the server's own zod schemas (as api-client.ts does
// for the topology): a drift between server and client fails here, not as a wrong number.
import { z } from 'zod';
import { BoardReport } from '../../../server/assurance/report-schema.js';
import { ControlScope, SiteName } from '../../../server/assurance/scope-schema.js';
import {
  CafRating, ControlInDomain, EvidenceCurrency, FrameworkInfo, FrameworkSummary, Inconsistency, ProfileConformance,
  RequirementResult, RequirementStatus, RiskFinding, ZoneLevel,
} from '../../../server/assurance/schemas.js';
import { EvidenceRevision } from '../../../server/model/governance-schema.js';
import { Domain, Id } from '../../../server/model/primitives.js';
import { getJson } from '../api-client.js';

const enc = encodeURIComponent;
const q = (asOf: string) => `asOf=${enc(asOf)}`;

const FrameworkCard = FrameworkInfo.extend({ summaries: z.array(FrameworkSummary) });
export interface TreeNodeT {
  requirement: string; ref: string; title: string; assessable: boolean; slFrom: number | null; uncertain: string | null;
  statuses: Array<{ domain: 'IT' | 'OT'; status: z.infer<typeof RequirementStatus>; source: 'direct' | 'projected' | 'none'; rating: z.infer<typeof CafRating> | null }>;
  children: TreeNodeT[];
}
const TreeNode: z.ZodType<TreeNodeT> = z.lazy(() => z.object({
  requirement: Id, ref: z.string(), title: z.string(), assessable: z.boolean(), slFrom: z.number().int().nullable(), uncertain: z.string().nullable(),
  statuses: z.array(z.object({ domain: Domain, status: RequirementStatus, source: z.enum(['direct', 'projected', 'none']), rating: CafRating.nullable() })),
  children: z.array(TreeNode),
}));
const FrameworkTree = FrameworkCard.extend({ asOf: z.string(), tree: z.array(TreeNode) });
const ControlView = z.object({ control: Id, name: z.string(), category: z.string(), domain: z.string(), version: z.number().int(), statuses: z.array(ControlInDomain) });
const EvidenceList = z.object({ asOf: z.string(), evidence: z.array(EvidenceCurrency), controlsWithoutCurrentEvidence: z.record(Domain, z.array(Id)) });
const EvidenceDetail = EvidenceCurrency.extend({ asOf: z.string(), revisions: z.array(EvidenceRevision) });

export const assuranceApi = {
  frameworks: (asOf: string) => getJson(z.array(FrameworkCard), `/api/assurance/frameworks?${q(asOf)}`),
  framework: (id: string, asOf: string) => getJson(FrameworkTree, `/api/assurance/frameworks/${enc(id)}?${q(asOf)}`),
  requirement: (id: string, asOf: string) => getJson(z.array(RequirementResult), `/api/assurance/requirements/${enc(id)}?${q(asOf)}`),
  profile: (id: string, asOf: string) => getJson(z.array(ProfileConformance), `/api/assurance/profiles/${enc(id)}?${q(asOf)}`),
  controls: (asOf: string) => getJson(z.array(ControlView), `/api/assurance/controls?${q(asOf)}`),
  controlScope: () => getJson(z.array(ControlScope), '/api/assurance/control-scope'),
  evidence: (asOf: string) => getJson(EvidenceList, `/api/assurance/evidence?${q(asOf)}`),
  evidenceItem: (id: string, asOf: string) => getJson(EvidenceDetail, `/api/assurance/evidence/${enc(id)}?${q(asOf)}`),
  inconsistencies: (asOf: string) => getJson(z.array(Inconsistency), `/api/assurance/inconsistencies?${q(asOf)}`),
  risks: (asOf: string) => getJson(z.array(RiskFinding), `/api/assurance/risks?${q(asOf)}`),
  zones: (asOf: string, zones?: string[]) => getJson(z.array(ZoneLevel), `/api/assurance/zones?${q(asOf)}${zones ? `&zones=${enc(zones.join(','))}` : ''}`),
  site: () => getJson(SiteName, '/api/assurance/site'),
  report: (asOf: string, profile: string) => getJson(BoardReport, `/api/assurance/report?${q(asOf)}&profile=${enc(profile)}`),
};

export type FrameworkCardT = z.infer<typeof FrameworkCard>;
export type FrameworkTreeT = z.infer<typeof FrameworkTree>;
export type ControlViewT = z.infer<typeof ControlView>;
