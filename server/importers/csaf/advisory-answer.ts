// What POST /api/advisories and `npm run advisory` answer: the advisory's affected assets, the
// patch what-if for applying its vendor fix, and the shared-system triage hook.
import { z } from 'zod';
import { ImpactResponse, PatchChange } from '../../impact/change-schema.js';
import { Id } from '../../model/site-schema.js';
import { REMEDIATION_CATEGORIES } from './csaf-document.js';
import { Triage } from './triage.js';

/** The request body: any JSON object; the CSAF validator decides whether it is an advisory. */
export const AdvisoryBody = z.record(z.string(), z.unknown()).describe('a CSAF 2.0 document (JSON)');

const Status = z.enum(['affected', 'possibly-affected']);
const Remediation = z.enum(REMEDIATION_CATEGORIES);

export const AffectedAssetView = z.object({
  asset: Id, name: z.string(), zone: Id, vendor: z.string(), model: z.string(), version: z.string().nullable(),
  status: Status.describe('"possibly-affected": vendor and model match, the version is unknown or the range unreadable'),
  reasons: z.array(z.object({ vulnerability: z.string(), product: z.string(), status: Status, why: z.string() })),
  remediations: z.array(z.object({ vulnerability: z.string(), category: Remediation, restart: z.string().nullable() })),
});

export const AdvisoryAnswer = z.object({
  advisory: z.object({
    id: z.string(), title: z.string(), publisher: z.string(), category: z.string(), version: z.string(),
    initialReleaseDate: z.string(), currentReleaseDate: z.string(),
  }),
  vulnerabilities: z.array(z.object({
    key: z.string().describe('the CVE, else the first other id'),
    cve: z.string().nullable(),
    title: z.string().nullable(),
    cvss: z.object({ baseScore: z.number(), baseSeverity: z.string(), vectorString: z.string() }).nullable().describe('highest CVSS v3 base score given'),
    remediations: z.array(z.object({
      category: Remediation, details: z.string(), url: z.string().nullable(),
      restart: z.string().nullable().describe('restart_required.category; null when the advisory does not say'),
      products: z.array(z.string()),
    })),
  })),
  affected: z.array(AffectedAssetView),
  patch: z.object({ change: PatchChange, impact: ImpactResponse }).nullable().describe('the what-if of applying the vendor fix; null when there is none to apply'),
  patchNote: z.string(),
  triage: Triage,
  notUnderstood: z.array(z.object({ path: z.string(), reason: z.string() })).describe('parts of the advisory Interlock did not use, with why'),
  summary: z.object({ affected: z.number().int(), possiblyAffected: z.number().int(), message: z.string() }),
});
export type AdvisoryAnswer = z.infer<typeof AdvisoryAnswer>;
