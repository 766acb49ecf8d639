// The board report's numbers (DOMAIN.md §5.6), all from one read transaction as of one date: per
// framework and domain the summaries, the CAF ratings against a profile, the risk position per
// register, evidence currency per domain, and the safety exposure.
import { inOrder, type DbClient, type Tx } from '../db/client.js';
import { notFound } from '../errors.js';
import { DOMAINS } from '../model/primitives.js';
import { REGISTERS, type DomainT } from '../model/governance-schema.js';

import { readBaseline, type Baseline } from './baseline.js';
import { readDecidedChanges } from './decided-changes.js';
import { controlsWithoutCurrentEvidence } from './evidence.js';
import { conformance, frameworkViews, readFrameworks, readProfile } from './frameworks.js';
import { inconsistencies } from './inconsistencies.js';
import { BANDS, TREATMENT_COLUMNS, type BoardReportT } from './report-schema.js';
import { riskFindings } from './risks.js';
import { CURRENCIES, INCONSISTENCY_KINDS, RISK_FLAGS, type RiskFindingT, type ZoneLevelT } from './schemas.js';
import { zoneLevels } from './zones.js';

const tally = <K extends string>(keys: readonly K[], of: K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, of.filter((x) => x === k).length])) as Record<K, number>;

function registerPosition(register: (typeof REGISTERS)[number], risks: RiskFindingT[]): BoardReportT['risks'][number] {
  const mine = risks.filter((r) => r.register === register);
  const column = (r: RiskFindingT) => (r.treatment === 'mitigate' ? r.treatmentState! : r.treatment);
  return {
    register,
    risks: mine.length,
    bands: Object.fromEntries(BANDS.map((b) => [b, tally(TREATMENT_COLUMNS, mine.filter((r) => r.band === b).map(column))])) as BoardReportT['risks'][number]['bands'],
    openTreatments: mine.filter((r) => r.treatmentState === 'open').map((r) => r.risk),
    flags: Object.fromEntries(RISK_FLAGS.map((f) => [f, mine.filter((r) => r.flags.includes(f)).map((r) => r.risk)])) as BoardReportT['risks'][number]['flags'],
  };
}

function evidencePosition(baseline: Baseline): BoardReportT['evidence'] {
  const without = controlsWithoutCurrentEvidence(baseline);
  return DOMAINS.map((domain: DomainT) => ({
    domain,
    ...tally(CURRENCIES, [...baseline.evidence.values()].filter((e) => e.domains.includes(domain)).map((e) => e.currency)),
    controlsWithoutCurrentEvidence: without[domain],
  }));
}

async function safetyExposure(tx: Tx, asOf: string, zones: ZoneLevelT[], risks: RiskFindingT[]): Promise<BoardReportT['safety']> {
  const below = new Map(zones.filter((z) => z.slC < z.slTarget).map((z) => [z.zone, z]));
  const sifs = await tx.run('assurance/sifs-crossing-zones', { zones: Object.fromEntries([...below.keys()].map((z) => [z, true])) });
  return {
    sifs: sifs.map((s) => ({
      sif: s.sif, name: s.name, sil: s.sil,
      zones: (s.zones as string[]).map((id) => {
        const z = below.get(id)!;
        return { zone: id, slC: z.slC, slTarget: z.slTarget, uncertain: z.uncertain };
      }),
    })),
    risks: risks.filter((r) => r.safetyConsequence === 'major' || r.safetyConsequence === 'severe')
      .map(({ risk, title, register, owner, safetyConsequence, treatment, treatmentState }) => ({ risk, title, register, owner, safetyConsequence, treatment, treatmentState })),
    changes: await readDecidedChanges(tx, asOf),
  };
}

export async function boardReport(db: DbClient, asOf: string, profileId: string | null): Promise<BoardReportT> {
  return db.readTx(async (tx) => {
    const profile = profileId === null ? undefined : await readProfile(tx, profileId);
    if (profileId !== null && !profile) throw notFound('profile', profileId, 'querystring.profile');
    const baseline = await readBaseline(tx, asOf);
    // Independent sections, sent together: the driver queues them on the transaction's connection,
    // so no round trip waits for the previous section's answer to be shaped.
    const [views, risks, zones, found] = await inOrder([
      readFrameworks(tx).then((frameworks) => frameworkViews(tx, baseline, frameworks)),
      riskFindings(tx, baseline), zoneLevels(tx, baseline), inconsistencies(tx, baseline),
    ]);
    return {
      asOf,
      profile: profile?.profile ?? null,
      frameworks: views.map((v) => v.summary),
      caf: profile
        ? views.filter((v) => v.summary.framework === profile.framework).map((v) => {
          const { outcomes, ...rest } = conformance(profile, v.summary.domain, v.requirements);
          return { ...rest, ratings: tally(['achieved', 'partially-achieved', 'not-achieved'] as const, outcomes.map((o) => o.rating)), notMeeting: outcomes.filter((o) => o.meets === false).map((o) => o.requirement) };
        })
        : [],
      risks: REGISTERS.map((r) => registerPosition(r, risks)),
      evidence: evidencePosition(baseline),
      inconsistencies: tally(INCONSISTENCY_KINDS, found.map((i) => i.kind)),
      safety: await safetyExposure(tx, asOf, zones, risks),
    };
  });
}
