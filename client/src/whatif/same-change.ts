// Whether a form shows a linked change exactly. A form has fields for what people compose in it
// (a rule's action and ports, say, but not its source); a link written by hand or by another tool
// may say more, and the reader should know the form is not the whole change.
import { Change } from '../../../server/impact/change-schema.js';

/** The same value with object keys sorted and undefined members dropped, for comparison. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)]));
}

export function formShows(change: Change, typed: unknown): boolean {
  const parsed = Change.safeParse(typed);
  return parsed.success && JSON.stringify(canonical(parsed.data)) === JSON.stringify(canonical(change));
}
