// The reference plant as `npm start` loads it: the plant's topology and safety functions
// (fixtures/reference-plant.yaml), the shipped framework catalogues with their mappings and
// profiles (catalogues/), and the plant's control baseline with its evidence and risk registers
// (fixtures/governance/reference-baseline.yaml) — one site document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { catalogueToGovernance } from '../assurance/catalogue-to-site.js';
import { loadCatalogues } from '../assurance/load-catalogues.js';
import { formatCatalogueError } from '../model/catalogue-schema.js';

export const REFERENCE_PLANT = fileURLToPath(new URL('../../fixtures/reference-plant.yaml', import.meta.url));
export const REFERENCE_BASELINE = fileURLToPath(new URL('../../fixtures/governance/reference-baseline.yaml', import.meta.url));

const readYaml = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** The shipped catalogues as site-document collections (frameworks, requirements, mappings, profiles). */
export function shippedCatalogues() {
  const catalogues = loadCatalogues();
  if (!catalogues.ok) throw new Error(`The shipped catalogues are invalid:\n${catalogues.errors.map(formatCatalogueError).join('\n')}`);
  return catalogueToGovernance(catalogues.set);
}

export function referencePlant(): Record<string, unknown> {
  const { designedForAsOf: _asOf, gaps: _gaps, ...baseline } = readYaml(REFERENCE_BASELINE);
  return { ...readYaml(REFERENCE_PLANT), ...shippedCatalogues(), ...baseline };
}
