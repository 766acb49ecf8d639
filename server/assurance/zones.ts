// Zone security levels from the controls (DOMAIN.md §5.4). The graph says which security-level
// requirements each zone has covered (assurance/security-level-requirements for site-wide
// controls, assurance/zone-coverage for the controls applied to the zone); the levels are counted
// here: SL-C(Z, FR) is the lowest slFrom among the FR's uncovered members, minus one (4 when none
// is uncovered); the zone's SL-C is the vector's minimum; the gaps are the uncovered members at or
// below SL-T; an FR value is uncertain when an uncovered member's slFrom is flagged uncertain.
import type { Tx } from '../db/client.js';
import type { Baseline } from './baseline.js';
import type { ZoneLevelT } from './schemas.js';

interface Gated { requirement: string; slFrom: number; uncertain: boolean; fr: string; ref: string; siteWide: boolean }
type ZoneRow = Omit<ZoneLevelT, 'vector' | 'slC' | 'uncertain' | 'gaps' | 'slANotSupported'> & { covered: string[] };

export function zoneLevel(zone: ZoneRow, gated: Gated[]): ZoneLevelT {
  const covered = new Set(zone.covered);
  const uncovered = gated.filter((g) => !g.siteWide && !covered.has(g.requirement));
  const frs = [...new Map(gated.map((g) => [g.fr, g.ref])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const vector = frs.map(([fr, ref]) => {
    const open = uncovered.filter((g) => g.fr === fr);
    return { fr, ref, slC: Math.min(5, ...open.map((g) => g.slFrom)) - 1, uncertainBy: open.filter((g) => g.uncertain).map((g) => g.requirement) };
  });
  const slC = vector.length === 0 ? 0 : Math.min(...vector.map((v) => v.slC));
  const { covered: _covered, ...facts } = zone;
  return {
    ...facts, vector, slC,
    uncertain: vector.some((v) => v.slC === slC && v.uncertainBy.length > 0),
    gaps: uncovered.filter((g) => g.slFrom <= zone.slTarget).map((g) => g.requirement),
    slANotSupported: zone.slAchieved > slC,
  };
}

export async function zoneLevels(tx: Tx, baseline: Baseline, zones: string[] | null = null): Promise<ZoneLevelT[]> {
  const gated = (await tx.run('assurance/security-level-requirements', { effective: baseline.effective })) as Gated[];
  const rows = (await tx.run('assurance/zone-coverage', { zones, effective: baseline.effective })) as ZoneRow[];
  return rows.map((z) => zoneLevel(z, gated));
}
