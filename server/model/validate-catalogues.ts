// Complete validation of the shipped catalogue, profile and mapping files: each file's shape
// (zod), then the cross-file rules. Like validate-site.ts it reports every problem in one pass,
// each naming the file, the path inside it and what is wrong.
import type { z } from 'zod';
import {
  CatalogueFile, INTERLOCK_JUDGEMENT, MappingFile, ProfileFile, mappingId,
  type CatalogueError, type CatalogueFileT, type CatalogueSet, type NamedFile,
} from './catalogue-schema.js';
import { formatPath } from './validate-site.js';

export type CatalogueValidation = { ok: true; set: CatalogueSet } | { ok: false; errors: CatalogueError[] };

type Row = CatalogueFileT['requirements'][number];
interface Known { row: Row; file: string; framework: CatalogueFileT['framework'] }

export function validateCatalogues(input: { catalogues: NamedFile[]; profiles: NamedFile[]; mappings: NamedFile[] }): CatalogueValidation {
  const errors: CatalogueError[] = [];
  const parse = <S extends z.ZodType>(schema: S, named: NamedFile): z.infer<S> | undefined => {
    const parsed = schema.safeParse(named.data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) errors.push({ file: named.file, path: formatPath(issue.path), message: issue.message });
    return undefined;
  };
  const set: CatalogueSet = { catalogues: [], profiles: [], mappingSets: [] };
  for (const named of input.catalogues) {
    const catalogue = parse(CatalogueFile, named);
    if (catalogue) set.catalogues.push({ file: named.file, catalogue });
  }
  for (const named of input.profiles) {
    const profile = parse(ProfileFile, named);
    if (profile) set.profiles.push({ file: named.file, profile });
  }
  for (const named of input.mappings) {
    const mappingSet = parse(MappingFile, named);
    if (mappingSet) set.mappingSets.push({ file: named.file, set: mappingSet });
  }
  errors.push(...crossFileErrors(set));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, set };
}

function crossFileErrors(set: CatalogueSet): CatalogueError[] {
  const errors: CatalogueError[] = [];
  const claimed = new Map<string, string>();
  const claim = (id: string, file: string, path: string) => {
    const owner = claimed.get(id);
    if (owner) errors.push({ file, path, message: `id "${id}" is already used in ${owner}; every id must be unique across the catalogues.` });
    else claimed.set(id, file);
  };
  const requirements = new Map<string, Known>();
  for (const { file, catalogue } of set.catalogues) {
    claim(catalogue.framework.id, file, 'framework.id');
    catalogue.requirements.forEach((row, i) => {
      claim(row.id, file, `requirements[${i}].id`);
      if (!requirements.has(row.id)) requirements.set(row.id, { row, file, framework: catalogue.framework });
    });
    errors.push(...catalogueErrors(file, catalogue));
  }
  const frameworks = new Map(set.catalogues.map(({ catalogue }) => [catalogue.framework.id, catalogue.framework]));

  for (const { file, profile } of set.profiles) {
    claim(profile.id, file, 'id');
    const err = (path: string, message: string) => errors.push({ file, path, message });
    const framework = frameworks.get(profile.framework);
    if (!framework) { err('framework', `framework "${profile.framework}" is not in any catalogue.`); continue; }
    if (framework.ratingModel !== 'caf') { err('framework', `framework "${framework.id}" is rated by status, not on the CAF scale; profiles set CAF ratings.`); continue; }
    for (const [target, rating] of Object.entries(profile.targets)) {
      const known = requirements.get(target);
      const path = `targets.${target}`;
      if (!known) err(path, `requirement "${target}" does not exist.`);
      else if (known.framework.id !== framework.id) err(path, `requirement "${target}" belongs to ${known.framework.id}, not to ${framework.id}.`);
      else if (!known.row.assessable) err(path, `requirement "${target}" is not assessable (it groups others); set targets on its contributing outcomes.`);
      else if (rating === 'partially-achieved' && known.row.noPartial) err(path, `"${target}" has no "Partially achieved" rating; the target must be achieved or not-achieved.`);
    }
    const missing = [...requirements.values()]
      .filter((k) => k.framework.id === framework.id && k.row.assessable && !(k.row.id in profile.targets))
      .map((k) => k.row.id);
    if (missing.length > 0) err('targets', `no target for ${missing.join(', ')}: a profile sets a target for every assessable outcome.`);
  }

  const pairs = new Map<string, string>();
  const mapped = new Set<string>();
  for (const { file, set: mappingSet } of set.mappingSets) {
    const err = (path: string, message: string) => errors.push({ file, path, message });
    mappingSet.mappings.forEach((m, i) => {
      const path = `mappings[${i}]`;
      const ends = (['from', 'to'] as const).map((end) => {
        const known = requirements.get(m[end]);
        if (!known) err(`${path}.${end}`, `requirement "${m[end]}" does not exist.`);
        else if (!known.row.assessable) err(`${path}.${end}`, `requirement "${m[end]}" is not assessable; map the requirements it groups.`);
        return known;
      });
      if (ends[0] && ends[1] && ends[0].framework.id === ends[1].framework.id) err(path, `"${m.from}" and "${m.to}" are both in ${ends[0].framework.id}; mappings join different frameworks.`);
      if (m.basis !== INTERLOCK_JUDGEMENT && !(m.basis in mappingSet.mappingSet.bases)) err(`${path}.basis`, `basis "${m.basis}" is not declared in mappingSet.bases (or use ${INTERLOCK_JUDGEMENT}).`);
      if (mappingId(m.from, m.to).length > 128) err(path, 'the derived mapping id would exceed 128 characters; shorten the requirement ids.');
      const key = [m.from, m.to].sort().join('\u0000');
      const first = pairs.get(key);
      if (first) err(path, `"${m.from}" and "${m.to}" are already mapped (${first}); one mapping per pair, read both ways.`);
      else pairs.set(key, `${file} ${path}`);
      mapped.add(m.from).add(m.to);
    });
  }
  for (const { file, set: mappingSet } of set.mappingSets) {
    mappingSet.unmapped.forEach((u, i) => {
      const path = `unmapped[${i}].requirement`;
      if (!requirements.has(u.requirement)) errors.push({ file, path, message: `requirement "${u.requirement}" does not exist.` });
      else if (mapped.has(u.requirement)) errors.push({ file, path, message: `"${u.requirement}" is listed as unmapped but has a mapping.` });
    });
  }
  return errors;
}

/** Rules inside one catalogue: parents, security levels, CAF columns and the uncertain flags. */
function catalogueErrors(file: string, { framework, requirements }: CatalogueFileT): CatalogueError[] {
  const errors: CatalogueError[] = [];
  const err = (path: string, message: string) => errors.push({ file, path, message });
  const seen = new Map<string, Row>();
  const all = new Set(requirements.map((r) => r.id));
  const listedUncertain = new Set(framework.uncertain.flatMap((u) => u.refs));
  framework.uncertain.forEach((u, i) => u.refs.forEach((ref, j) => {
    if (!all.has(ref)) err(`framework.uncertain[${i}].refs[${j}]`, `requirement "${ref}" is not in this catalogue.`);
  }));
  requirements.forEach((row, i) => {
    const path = `requirements[${i}]`;
    const parent = row.parent === undefined ? undefined : seen.get(row.parent);
    if (row.parent !== undefined && !parent) {
      err(`${path}.parent`, all.has(row.parent)
        ? `parent "${row.parent}" must be listed before its children.`
        : `parent "${row.parent}" is not a requirement of this catalogue.`);
    }
    if (row.slFrom !== undefined && !framework.securityLevels) err(`${path}.slFrom`, `slFrom is only for requirements of a framework with securityLevels (IEC 62443-3-3); ${framework.id} has none.`);
    else if (row.slFrom !== undefined && !row.assessable) err(`${path}.slFrom`, 'slFrom is only for assessable requirements.');
    else if (row.slFrom === undefined && framework.securityLevels && row.assessable) err(`${path}.slFrom`, `an assessable requirement of ${framework.id} needs slFrom, the lowest security level that requires it.`);
    if (row.slFrom !== undefined && parent?.slFrom !== undefined && row.slFrom < parent.slFrom) {
      err(`${path}.slFrom`, `slFrom ${row.slFrom} is below its parent ${parent.id}'s slFrom ${parent.slFrom}: an enhancement cannot be required at a lower level than its base requirement.`);
    }
    if (row.noPartial && (framework.ratingModel !== 'caf' || !row.assessable)) err(`${path}.noPartial`, 'noPartial is only for assessable requirements of a framework rated on the CAF scale.');
    if (row.uncertain !== undefined && !listedUncertain.has(row.id)) err(`${path}.uncertain`, `"${row.id}" is flagged uncertain but framework.uncertain does not list it; list it there so the metadata shows it.`);
    if (!seen.has(row.id)) seen.set(row.id, row);
  });
  return errors;
}
