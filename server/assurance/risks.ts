// Shared systems and the risk registers (DOMAIN.md §5.5): assurance/shared-systems and
// assurance/risk-findings compute; nothing is decided here.
import type { Tx } from '../db/client.js';
import type { Baseline } from './baseline.js';
import type { RiskFindingT, SharedSystemT } from './schemas.js';

export async function sharedSystems(tx: Tx, assets: string[] | null = null): Promise<SharedSystemT[]> {
  return (await tx.run('assurance/shared-systems', { assets })) as SharedSystemT[];
}

/** `shared`: the estate's shared systems, when the caller has them already. */
export async function riskFindings(tx: Tx, baseline: Baseline, risks: string[] | null = null, shared?: SharedSystemT[]): Promise<RiskFindingT[]> {
  const marked = Object.fromEntries((shared ?? (await sharedSystems(tx))).map((s) => [s.asset, true]));
  const rows = (await tx.run('assurance/risk-findings', { risks, effective: baseline.effective, shared: marked })) as RiskRow[];
  return rows.map(({ assetLists, sharedLists, safetyLists, safetyZones, ...risk }) => ({
    ...risk, affectedAssets: union(assetLists), sharedSystems: union(sharedLists), safetyTargets: [...safetyZones, ...union(safetyLists)],
  }));
}

type RiskRow = Omit<RiskFindingT, 'affectedAssets' | 'sharedSystems' | 'safetyTargets'> &
  { assetLists: string[][]; sharedLists: string[][]; safetyLists: string[][]; safetyZones: string[] };

/** A risk naming an asset and its zone counts the asset once; ids sorted. */
const union = (lists: string[][]) => [...new Set(lists.flat())].sort();
