// An OSCAL catalog as an Interlock framework: pure transform, then one merge import (a versioned,
// journalled site write validated like any other). Groups become groupings (not assessed),
// controls become assessable requirements, controls inside controls (enhancements) their children.
// Requirement ids are the framework id and the OSCAL id, so catalogues never collide.
import type { DbClient } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { FrameworkT, RequirementT } from '../../model/governance-schema.js';
import { ID_PATTERN } from '../../model/primitives.js';
import { importSite, type ImportResult } from '../../site/import-site.js';
import type { OscalCatalogDocumentT, OscalControlT, OscalGroupT } from './oscal-catalog.js';

export interface CatalogImportOptions { framework: string; domains: Array<'IT' | 'OT'>; kind: FrameworkT['kind'] }

const label = (item: { props?: Array<{ name: string; value: string }> }) => item.props?.find((p) => p.name === 'label')?.value;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function catalogToFramework(doc: OscalCatalogDocumentT, options: CatalogImportOptions): { framework: FrameworkT; requirements: RequirementT[] } {
  const { catalog } = doc;
  const fw = options.framework;
  const requirements: RequirementT[] = [];
  const problems: Array<{ path: string; message: string }> = [];
  const add = (oscalId: string, title: string, ref: string, assessable: boolean, parent: string | undefined, path: string) => {
    const id = `${fw}.${oscalId}`;
    if (!ID_PATTERN.test(id)) problems.push({ path, message: `"${oscalId}" does not make an Interlock id with the framework id (letters, digits, _ . : -, at most 128 in all)` });
    requirements.push({ id, framework: fw, ref: clip(ref, 50), title: clip(title, 300), assessable, noPartial: false, ...(parent ? { parent } : {}) });
    return id;
  };
  const control = (c: OscalControlT, parent: string | undefined, path: string): void => {
    const id = add(c.id, c.title, label(c) ?? c.id, true, parent, `${path}.id`);
    c.controls?.forEach((child, i) => control(child, id, `${path}.controls[${i}]`));
  };
  const group = (g: OscalGroupT, parent: string | undefined, path: string, index: number): void => {
    const id = add(g.id ?? `group-${index + 1}`, g.title, label(g) ?? g.id ?? g.title, false, parent, `${path}.id`);
    g.groups?.forEach((child, i) => group(child, id, `${path}.groups[${i}]`, i));
    g.controls?.forEach((c, i) => control(c, id, `${path}.controls[${i}]`));
  };
  catalog.groups?.forEach((g, i) => group(g, undefined, `body.catalog.groups[${i}]`, i));
  catalog.controls?.forEach((c, i) => control(c, undefined, `body.catalog.controls[${i}]`));
  const seen = new Set<string>();
  for (const r of requirements) {
    if (seen.has(r.id)) problems.push({ path: 'body.catalog', message: `id "${r.id}" appears twice in the catalog` });
    seen.add(r.id);
  }
  if (!requirements.some((r) => r.assessable)) problems.push({ path: 'body.catalog', message: 'the catalog has no control' });
  if (problems.length) throw new AppError('INTERLOCK_UNPROCESSABLE', `The OSCAL catalog cannot become framework "${fw}": ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems.slice(0, 100));
  const m = catalog.metadata;
  return {
    framework: {
      id: fw, name: clip(m.title, 200), version: clip(m.version, 50), kind: options.kind, domains: options.domains, ratingModel: 'status', securityLevels: false,
      sources: [clip(`OSCAL catalog ${catalog.uuid} (OSCAL ${m['oscal-version']}), imported by Interlock`, 500)],
      licence: 'As published with the OSCAL catalog; Interlock keeps its control ids and titles only.', uncertain: [],
    },
    requirements,
  };
}

/** A merge import of the catalog as a framework, recorded as `actor`'s write. */
export async function importOscalCatalog(db: DbClient, doc: OscalCatalogDocumentT, options: CatalogImportOptions, actor: string): Promise<ImportResult & { framework: string }> {
  const { framework, requirements } = catalogToFramework(doc, options);
  return { ...(await importSite(db, { frameworks: [framework], requirements }, 'merge', { actor })), framework: framework.id };
}
