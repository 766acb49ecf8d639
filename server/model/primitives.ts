// The small shapes every schema of Interlock is built from: ids, names, domains, dates. Kept apart
// so that the site document (site-schema.ts) and its governance part (governance-schema.ts) can
// both use them without importing each other.
import { z } from 'zod';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Most entities a collection of a site document may hold, and most ids a reference list may hold. */
export const MAX_COLLECTION_SIZE = 500_000;
export const MAX_REFERENCES = 10_000;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'must be 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit');
/** A list of references to other entities. */
export const IdList = z.array(Id).max(MAX_REFERENCES);

// Ids in a query string, separated by commas. The pattern states what the split checks, the
// count included, so the OpenAPI document holds the whole rule; 1,000 characters keep even a
// too-long value, percent-encoded, well within the request head Node accepts (see app.ts).
const ID_IN_LIST = ID_PATTERN.source.slice(1, -1);
export const commaIds = (what: string, max: number, { required = false } = {}) => z.string().max(1000)
  .regex(new RegExp(`^,*(${ID_IN_LIST}(,+${ID_IN_LIST}){0,${max - 1}})${required ? '' : '?'},*$`), `must be ${required ? 'one or more' : `at most ${max}`} ${what} ids separated by commas${required ? `, at most ${max}` : ''}`)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(Id).max(max));
// A number in a query string: an empty value ('?since=') is refused as not a number, not coerced
// to 0 as a value nobody sent. The inner schema keeps its type and default in the OpenAPI document.
export const queryNumber = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? Number.NaN : v), schema);
export const Name = z.string().min(1, 'must not be empty').max(200);
export const Text = z.string().max(4000);

export const DOMAINS = ['IT', 'OT'] as const;
export const Domain = z.enum(DOMAINS);
/** The domains something scopes, as a query value or an argument: IT, OT or IT,OT. The pattern
 *  states the whole rule, so the OpenAPI document holds it. */
export const DomainList = z.string().max(10).regex(/^(IT|OT)(,(IT|OT))?$/, 'must be IT, OT or IT,OT').default('IT')
  .transform((s) => [...new Set(s.split(','))]).pipe(z.array(Domain).min(1).max(2));

export const CONTROL_STATUSES = ['implemented', 'partial', 'planned', 'not-implemented'] as const;

// Date.parse rolls 2026-02-30 over to March, so a date is real only if it survives a round trip.
// An unparseable string must answer false, not throw: toISOString() throws on an invalid Date.
const isRealDate = (s: string) => {
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
};
// abort: a string that is not YYYY-MM-DD gets that one message, not also "not a real date".
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'must be a real calendar date');
