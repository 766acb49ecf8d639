// The reference plant with its governance, as `npm start` loads it (server/site/reference-plant.ts),
// validated whole and split the way the assurance oracle reads it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BaselineFile } from '../../server/model/governance-schema.js';
import { validateSite } from '../../server/model/validate-site.js';
import { REFERENCE_BASELINE, referencePlant, shippedCatalogues } from '../../server/site/reference-plant.js';

export function referenceGovernance() {
  const input = referencePlant();
  const checked = validateSite(input);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const site = checked.site;
  const { frameworks, requirements, mappings, profiles, controls, evidence, risks } = site;
  return {
    /** The raw document, for tests that break it on purpose. */
    input,
    site,
    plant: site,
    baseline: BaselineFile.parse(parse(readFileSync(REFERENCE_BASELINE, 'utf8'))),
    entities: shippedCatalogues(),
    governance: { frameworks, requirements, mappings, profiles, controls, evidence, risks },
  };
}
