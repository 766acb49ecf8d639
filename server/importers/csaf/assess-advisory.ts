// An advisory, end to end: validate (the CSAF validator's reasons on refusal) → read the product
// tree and vulnerabilities (pure) → match the estate's assets (one read) → the patch what-if of
// the vendor fix (the impact engine, which writes nothing) → the triage hook. Writes nothing.
import type { DbClient } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { assessImpact } from '../../impact/assess.js';
import { zodErrors } from '../../model/validate-site.js';
import type { AdvisoryAnswer } from './advisory-answer.js';
import { CsafDocument } from './csaf-document.js';
import { matchAssets, type AffectedAsset, type AssetGroup } from './match-assets.js';
import { planPatch } from './plan-patch.js';
import { readProductTree } from './product-tree.js';
import { triageFor } from './triage.js';
import { validateAdvisory } from './validate-advisory.js';
import { readVulnerabilities, type VulnerabilityFacts } from './vulnerabilities.js';

/** Refuses an invalid document with every reason the validator gives (422). */
export async function readAdvisory(input: unknown): Promise<CsafDocument> {
  const problems = await validateAdvisory(input);
  if (problems.length > 0) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', `Not a valid CSAF 2.0 document: the CSAF validator found ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
  }
  const parsed = CsafDocument.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', 'The advisory is valid CSAF but larger than Interlock reads.', zodErrors(parsed.error));
  }
  return parsed.data;
}

function vulnerabilityViews(vulnerabilities: VulnerabilityFacts[]): AdvisoryAnswer['vulnerabilities'] {
  return vulnerabilities.map((v) => ({
    key: v.key, cve: v.cve, title: v.title, cvss: v.cvss,
    remediations: v.remediations.map((r) => ({ category: r.category, details: r.details, url: r.url, restart: r.restart, products: r.productIds })),
  }));
}

function summary(affected: AffectedAsset[]): AdvisoryAnswer['summary'] {
  const definite = affected.filter((a) => a.status === 'affected').length;
  const possibly = affected.length - definite;
  const message = affected.length === 0
    ? 'No asset matches the advisory.'
    : `${definite} asset${definite === 1 ? '' : 's'} affected, ${possibly} possibly affected.`;
  return { affected: definite, possiblyAffected: possibly, message };
}

export async function assessAdvisory(db: DbClient, input: unknown): Promise<AdvisoryAnswer> {
  const doc = await readAdvisory(input);
  const tree = readProductTree(doc);
  const vulnerabilities = readVulnerabilities(doc, tree.groups);
  const groups = (await db.read('importers/csaf/asset-identities')) as AssetGroup[];
  const affected = matchAssets(groups, tree.products, vulnerabilities);
  const plan = planPatch(affected);
  const [impact, triage] = await Promise.all([
    plan.change ? assessImpact(db, { change: plan.change }) : null,
    triageFor(db, affected.map((a) => a.asset)),
  ]);
  const { document: d } = doc;
  return {
    advisory: {
      id: d.tracking.id, title: d.title, publisher: d.publisher.name, category: d.category, version: d.tracking.version,
      initialReleaseDate: d.tracking.initial_release_date, currentReleaseDate: d.tracking.current_release_date,
    },
    vulnerabilities: vulnerabilityViews(vulnerabilities),
    affected,
    patch: plan.change && impact ? { change: plan.change, impact } : null,
    patchNote: plan.note,
    triage,
    notUnderstood: tree.notUnderstood,
    summary: summary(affected),
  };
}
