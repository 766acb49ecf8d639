// The risk counts the Risks view draws, from /assurance/risks: cells of the 5 × 5 likelihood ×
// impact matrix per register, and bands × treatment (a mitigate risk counts as treated or open),
// the same tally as the board report's risk position. Pure.
import { BANDS, TREATMENT_COLUMNS } from '../../../server/assurance/report-schema.js';
import type { RiskFindingT } from '../../../server/assurance/schemas.js';


/** [likelihood − 1, impact − 1, score, count] for every cell, empty ones included. */
export function matrix(risks: RiskFindingT[]): Array<[number, number, number, number]> {
  const cells: Array<[number, number, number, number]> = [];
  for (let l = 1; l <= 5; l += 1) {
    for (let i = 1; i <= 5; i += 1) cells.push([l - 1, i - 1, l * i, risks.filter((r) => r.likelihood === l && r.impact === i).length]);
  }
  return cells;
}

/** The heat map's words: the cells holding risks, as likelihood × impact: count. */
export const heatmapText = (register: string, risks: RiskFindingT[]) =>
  `${register} register, risks by likelihood × impact: ${matrix(risks).filter((c) => c[3] > 0).map(([l, i, , n]) => `${l + 1}×${i + 1}: ${n}`).join(', ') || 'none'}`;

export function bandsByTreatment(risks: RiskFindingT[]): Array<{ band: string; counts: number[] }> {
  const column = (r: RiskFindingT) => (r.treatment === 'mitigate' ? r.treatmentState ?? 'open' : r.treatment);
  return BANDS.map((band) => ({ band, counts: TREATMENT_COLUMNS.map((t) => risks.filter((r) => r.band === band && column(r) === t).length) }));
}

export { BANDS, TREATMENT_COLUMNS };
