// The ids an entity's document names, found by walking the fields the collection registry
// declares. Used wherever a write must know what an entity points at (the entities a partial
// validation needs) or what points at an entity (who still uses something being deleted).
import { COLLECTIONS, type CollectionName, type Reference } from './collections.js';

export interface FoundReference {
  /** Path inside the entity, e.g. `rules[0].src.asset`, `groups[1].elements[0]`. */
  path: string;
  id: string;
  reference: Reference;
}

function walk(value: unknown, segments: string[], path: string, out: Array<{ path: string; id: string }>): void {
  if (segments.length === 0) {
    if (typeof value === 'string') out.push({ path, id: value });
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  const list = head.endsWith('[]');
  const record = head.endsWith('{}');
  const key = list || record ? head.slice(0, -2) : head;
  const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const at = path ? `${path}.${key}` : key;
  if (record) {
    // The keys are the ids: `targets.<requirement id>`.
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) for (const k of Object.keys(child)) out.push({ path: `${at}.${k}`, id: k });
    return;
  }
  if (!list) return walk(child, rest, at, out);
  if (Array.isArray(child)) child.forEach((item, i) => walk(item, rest, `${at}[${i}]`, out));
}

/** Every reference an entity makes, in field order then document order. Tolerates invalid shapes. */
export function referencesOf(collection: CollectionName, entity: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  for (const reference of COLLECTIONS[collection].references) {
    const hits: Array<{ path: string; id: string }> = [];
    walk(entity, reference.field.split('.'), '', hits);
    for (const hit of hits) found.push({ ...hit, reference });
  }
  return found;
}

/** The ids of a conduit's rules: they share the site's id space with every entity. */
export function ruleIdsOf(conduit: unknown): string[] {
  const rules = (conduit as { rules?: unknown } | null)?.rules;
  return Array.isArray(rules) ? rules.flatMap((r) => (typeof (r as { id?: unknown })?.id === 'string' ? [(r as { id: string }).id] : [])) : [];
}
