// Zone security levels from the controls (DOMAIN.md §5.4), computed by assurance/zone-levels; here
// only whether the zone's SL-C rests on a catalogue row still flagged uncertain.
import type { Tx } from '../db/client.js';
import type { Baseline } from './baseline.js';
import type { ZoneLevelT } from './schemas.js';

export async function zoneLevels(tx: Tx, baseline: Baseline, zones: string[] | null = null): Promise<ZoneLevelT[]> {
  const rows = (await tx.run('assurance/zone-levels', { zones, effective: baseline.effective })) as Array<Omit<ZoneLevelT, 'uncertain'>>;
  return rows.map((z) => ({ ...z, uncertain: z.vector.some((v) => v.slC === z.slC && v.uncertainBy.length > 0) }));
}
