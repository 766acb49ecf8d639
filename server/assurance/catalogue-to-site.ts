// Pure transform: validated catalogue, profile and mapping files → the governance entities a site
// document stores (frameworks, requirements, mappings, profiles). What a file leaves implicit is
// made explicit here: each requirement's framework and each mapping's id.
import { mappingId, type CatalogueSet } from '../model/catalogue-schema.js';
import type { FrameworkT, MappingT, ProfileT, RequirementT } from '../model/governance-schema.js';

export interface CatalogueEntities {
  frameworks: FrameworkT[];
  requirements: RequirementT[];
  mappings: MappingT[];
  profiles: ProfileT[];
}

export function catalogueToGovernance(set: CatalogueSet): CatalogueEntities {
  return {
    frameworks: set.catalogues.map(({ catalogue }) => catalogue.framework),
    requirements: set.catalogues.flatMap(({ catalogue }) =>
      catalogue.requirements.map((row) => ({ ...row, framework: catalogue.framework.id }))),
    mappings: set.mappingSets.flatMap(({ set: mappingSet }) =>
      mappingSet.mappings.map((row) => ({ id: mappingId(row.from, row.to), ...row }))),
    profiles: set.profiles.map(({ profile }) => profile),
  };
}
