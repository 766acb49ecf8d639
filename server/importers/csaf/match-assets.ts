// Matches an advisory's products to the estate's assets by vendor, model and version
// (match-rules.ts) and says, per asset, whether it is affected or possibly affected, and why.
// Pure: the assets come in as rows grouped by (vendor, model, version).
import { modelMatch, sameVendor, versionVerdict, type AssetIdentity } from './match-rules.js';
import type { Product } from './product-tree.js';
import type { RemediationFacts, VulnerabilityFacts } from './vulnerabilities.js';

export interface AssetGroup extends AssetIdentity {
  assets: Array<{ id: string; name: string; zone: string }>;
}

export type MatchStatus = 'affected' | 'possibly-affected';

export interface MatchReason {
  vulnerability: string;
  product: string;
  status: MatchStatus;
  why: string;
}

export interface AffectedAsset {
  asset: string;
  name: string;
  zone: string;
  vendor: string;
  model: string;
  version: string | null;
  status: MatchStatus;
  reasons: MatchReason[];
  remediations: Array<{ vulnerability: string; category: RemediationFacts['category']; restart: string | null }>;
}

type Role = 'affected' | 'investigating' | 'not-affected';

/** Every product of the vulnerability that is this asset, with the role its status list gives it. */
function productsOf(v: VulnerabilityFacts, products: ReadonlyMap<string, Product>, asset: AssetIdentity) {
  const found: Array<{ product: Product; role: Role; model: string }> = [];
  const visit = (ids: Set<string>, role: Role) => {
    for (const id of ids) {
      const product = products.get(id);
      const model = product && sameVendor(product, asset) ? modelMatch(product, asset) : null;
      if (product && model) found.push({ product, role, model });
    }
  };
  visit(v.affected, 'affected');
  visit(v.underInvestigation, 'investigating');
  visit(v.notAffected, 'not-affected');
  return found;
}

/**
 * One vulnerability against one asset identity. A fixed or not-affected product whose version is
 * the asset's settles it (not affected), whatever a wider affected range says: a vendor listing
 * 11.8.1 as fixed under "all versions affected" means 11.8.1 is safe.
 */
function reasonsFor(v: VulnerabilityFacts, products: ReadonlyMap<string, Product>, asset: AssetIdentity): MatchReason[] {
  const candidates = productsOf(v, products, asset);
  const verdicts = candidates.map((c) => ({ ...c, verdict: versionVerdict(c.product, asset.version) }));
  if (verdicts.some((c) => c.role === 'not-affected' && 'in' in c.verdict && c.verdict.in)) return [];
  const reasons: MatchReason[] = [];
  for (const c of verdicts) {
    if (c.role === 'not-affected' || ('in' in c.verdict && !c.verdict.in)) continue;
    const definite = c.role === 'affected' && 'in' in c.verdict;
    const status: MatchStatus = definite ? 'affected' : 'possibly-affected';
    const investigating = c.role === 'investigating' ? '; the vendor is still investigating this product' : '';
    reasons.push({
      vulnerability: v.key,
      product: c.product.id,
      status,
      why: `${c.product.vendor} "${c.product.name}" (${c.product.id}): ${c.model}; ${c.verdict.why}${investigating}`,
    });
  }
  return reasons;
}

export function matchAssets(groups: ReadonlyArray<AssetGroup>, products: ReadonlyMap<string, Product>, vulnerabilities: ReadonlyArray<VulnerabilityFacts>): AffectedAsset[] {
  const out: AffectedAsset[] = [];
  for (const group of groups) {
    const reasons = vulnerabilities.flatMap((v) => reasonsFor(v, products, group));
    if (reasons.length === 0) continue;
    const matched = new Set(reasons.map((r) => `${r.vulnerability}\u0000${r.product}`));
    const remediations = vulnerabilities.flatMap((v) => v.remediations
      .filter((r) => r.productIds.some((p) => matched.has(`${v.key}\u0000${p}`)))
      .map((r) => ({ vulnerability: v.key, category: r.category, restart: r.restart })));
    const status: MatchStatus = reasons.some((r) => r.status === 'affected') ? 'affected' : 'possibly-affected';
    for (const a of group.assets) {
      out.push({ asset: a.id, name: a.name, zone: a.zone, vendor: group.vendor, model: group.model, version: group.version, status, reasons, remediations });
    }
  }
  return out.sort((a, b) => (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0));
}
