// The canonical form of a site document: collections ordered by id, set-like lists sorted,
// ordered lists (via, routesThrough, rules, groups, elements, firewalls, conduit ends) kept as
// they are. Export returns this form, and "lossless" means canonical(in) equals export(import(in)).
import { SiteDocument } from '../model/site-schema.js';

const SETS: Record<string, string[]> = {
  sifs: ['dependsOn'],
  procedures: ['uses', 'dependsOn', 'performedBy', 'backsUp'],
  roles: ['accesses'],
  requirements: ['equivalentTo'],
  controls: ['satisfies', 'appliesTo', 'mitigates'],
  evidence: ['supports'],
  risks: ['affects'],
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function canonicalSite(input: SiteDocument): SiteDocument {
  const doc = structuredClone(input) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    value.sort(byId);
    for (const field of SETS[key] ?? []) for (const item of value) item[field] = [...new Set(item[field] as string[])].sort();
    if (key === 'conduits') for (const c of value) c.rules.sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq);
  }
  // Parsing puts keys in schema order and fills defaults, so equal documents serialise equally.
  return SiteDocument.parse(doc);
}
