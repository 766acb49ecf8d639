// The reference plant with its governance: the shipped catalogues, the baseline of
// fixtures/governance/reference-baseline.yaml and the plant's topology, as the oracle reads them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { catalogueToGovernance } from '../../server/assurance/catalogue-to-site.js';
import { loadCatalogues } from '../../server/assurance/load-catalogues.js';
import { formatCatalogueError } from '../../server/model/catalogue-schema.js';
import { BaselineFile } from '../../server/model/governance-schema.js';
import { SiteDocument } from '../../server/model/site-schema.js';
import type { TopologyIds } from '../../server/model/validate-governance.js';

const read = (path: string) => parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;

export function referenceGovernance() {
  const catalogues = loadCatalogues();
  if (!catalogues.ok) throw new Error(catalogues.errors.map(formatCatalogueError).join('\n'));
  const baselineInput = read('fixtures/governance/reference-baseline.yaml');
  const baseline = BaselineFile.parse(baselineInput);
  const plant = SiteDocument.parse(read('fixtures/reference-plant.yaml'));
  const topologyIds: TopologyIds = {
    zones: new Set(plant.zones.map((z) => z.id)),
    conduits: new Set(plant.conduits.map((c) => c.id)),
    assets: new Set(plant.assets.map((a) => a.id)),
  };
  const entities = catalogueToGovernance(catalogues.set);
  const raw = baselineInput as { controls: unknown; evidence: unknown; risks: unknown };
  return {
    baseline,
    plant,
    topologyIds,
    entities,
    /** Catalogue entities plus the baseline as written, for validateGovernance. */
    governanceInput: { ...entities, controls: raw.controls, evidence: raw.evidence, risks: raw.risks },
  };
}
