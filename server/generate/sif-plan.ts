// What each SIF of a site will be, decided before any asset exists: its SIL decides its voting,
// and the voting decides how many sensors and final elements the site must build for it.
import type { Rng } from './random.js';

export interface HazardTemplate {
  trip: string;
  sensorTag: string;
  sensorKind: string;
  finalTag: string;
  finalKind: string;
  equipment: string;
  hazard: string;
}

const HAZARDS: readonly HazardTemplate[] = [
  { trip: 'High pressure trip', sensorTag: 'PT', sensorKind: 'pressure transmitter', finalTag: 'XV', finalKind: 'emergency shutdown valve', equipment: 'V', hazard: 'Overpressure of {eq} and loss of containment' },
  { trip: 'High-high level trip', sensorTag: 'LT', sensorKind: 'level transmitter', finalTag: 'XV', finalKind: 'inlet shutdown valve', equipment: 'D', hazard: 'Overfill of {eq} and liquid carry-over to the flare' },
  { trip: 'High temperature trip', sensorTag: 'TT', sensorKind: 'temperature transmitter', finalTag: 'XV', finalKind: 'feed shutoff valve', equipment: 'R', hazard: 'Runaway reaction in {eq}' },
  { trip: 'Low flow heater trip', sensorTag: 'FT', sensorKind: 'flow transmitter', finalTag: 'XV', finalKind: 'burner fuel shutoff valve', equipment: 'H', hazard: 'Tube rupture and fire in {eq}' },
  { trip: 'High vibration trip', sensorTag: 'VT', sensorKind: 'vibration transmitter', finalTag: 'MB', finalKind: 'motor breaker', equipment: 'K', hazard: 'Mechanical failure of {eq} and release of process gas' },
  { trip: 'Toxic gas isolation', sensorTag: 'AT', sensorKind: 'gas detector', finalTag: 'XV', finalKind: 'isolation valve', equipment: 'T', hazard: 'Toxic release from {eq}' },
  { trip: 'Low-low level pump trip', sensorTag: 'LT', sensorKind: 'level transmitter', finalTag: 'MB', finalKind: 'pump motor breaker', equipment: 'P', hazard: 'Dry running and seal failure of {eq}' },
];

export interface SifSpec {
  number: number;
  sil: 1 | 2 | 3;
  template: HazardTemplate;
  equipmentTag: string;
  sensorVoting: string;
  logicVoting: string;
  finalVoting: string;
  /** Indexes of the site's logic solvers in the LOGIC group. */
  logicSolvers: number[];
}

export const channels = (voting: string) => Number(/oo(\d+)$/.exec(voting)![1]);

export function planSifs(rng: Rng, count: number, logicSolvers: number): SifSpec[] {
  const specs: SifSpec[] = [];
  for (let i = 0; i < count; i++) {
    const sil = rng.weighted([[1, 40], [2, 45], [3, 15]] as const);
    const template = rng.pick(HAZARDS);
    // Higher SILs need hardware fault tolerance, so they get redundant channels more often.
    const sensorVoting = sil === 1
      ? rng.weighted([['1oo1', 70], ['1oo2', 30]] as const)
      : sil === 2
        ? rng.weighted([['1oo1', 15], ['1oo2', 50], ['2oo3', 35]] as const)
        : rng.weighted([['1oo2', 30], ['2oo3', 70]] as const);
    const finalVoting = rng.chance(sil === 1 ? 0.2 : sil === 2 ? 0.5 : 0.8) ? '1oo2' : '1oo1';
    const redundantLogic = logicSolvers > 1 && sil > 1 && rng.chance(sil === 3 ? 0.6 : 0.2);
    const home = i % logicSolvers;
    specs.push({
      number: i + 1,
      sil,
      template,
      equipmentTag: `${template.equipment}-${101 + i}`,
      sensorVoting,
      logicVoting: redundantLogic ? '1oo2' : '1oo1',
      finalVoting,
      logicSolvers: redundantLogic ? [home, (home + 1) % logicSolvers] : [home],
    });
  }
  return specs;
}
