// Version ranges of a CSAF product tree (`product_version_range` branches), in the two forms
// CSAF 2.0 allows: a `vers` string (the package-URL "version range specifier", e.g.
// "vers:generic/>=7.0.0|<7.3.0") or the legacy free-text form vendors still write ("<= 11.8.0",
// ">=4.0 <4.6.1", "prior to 3.2", "7.2 and earlier"). Pure.
//
// Versions compare with compareVersions (server/impact/versions.ts): parts split on . - + _,
// numeric parts as numbers (11.10 > 11.9, 04.6.00 = 4.6.0), other parts as text; a missing part
// counts as 0 (7.3 = 7.3.0). Every scheme of a vers string (generic, semver, …) is compared that way.
import { compareVersions } from '../../impact/versions.js';

export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export interface Constraint {
  comparator: Comparator;
  version: string;
}

/** `*` (every version) or a list of constraints; `text` is the range as the advisory wrote it. */
export type VersionRange =
  | { kind: 'all'; text: string }
  | { kind: 'constraints'; text: string; constraints: Constraint[] };

export type RangeParse = { ok: true; range: VersionRange } | { ok: false; reason: string };

const COMPARATOR = /^(<=|>=|!=|<|>|=)?\s*(.+)$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.\-+_~:]*$/;

function constraint(term: string): Constraint | null {
  const m = COMPARATOR.exec(term.trim());
  if (!m || !VERSION.test(m[2]!.trim())) return null;
  return { comparator: (m[1] ?? '=') as Comparator, version: m[2]!.trim() };
}

/** "vers:<scheme>/<c1>|<c2>…": constraints separated by "|", or "*" alone. */
function parseVers(text: string): RangeParse {
  const m = /^vers:([a-z0-9.+-]+)\/(.+)$/i.exec(text.trim());
  if (!m) return { ok: false, reason: 'a vers range must look like "vers:<scheme>/<constraints>"' };
  const body = m[2]!.replace(/\s+/g, '');
  if (body === '*') return { ok: true, range: { kind: 'all', text } };
  const constraints: Constraint[] = [];
  for (const term of body.split('|')) {
    const c = constraint(term);
    if (!c) return { ok: false, reason: `"${term}" is not a comparator followed by a version` };
    constraints.push(c);
  }
  return { ok: true, range: { kind: 'constraints', text, constraints } };
}

// Legacy phrases, checked before the comparator form. Each maps "<version>" to one constraint.
const PHRASES: Array<[RegExp, Comparator]> = [
  [/^(?:all\s+)?(?:versions?\s+)?(?:prior\s+to|before|below|older\s+than|earlier\s+than)\s+(\S+)$/i, '<'],
  [/^(?:all\s+)?(?:versions?\s+)?(?:up\s+to(?:\s+and\s+including)?|through)\s+(\S+)$/i, '<='],
  [/^(?:versions?\s+)?(\S+)\s+and\s+(?:earlier|prior|older|below|lower)$/i, '<='],
  [/^(?:versions?\s+)?(\S+)\s+and\s+(?:later|above|newer|higher)$/i, '>='],
];

/** Legacy form: "all versions", a phrase above, or comparator terms joined by spaces, ",", "&" or "and". */
function parseLegacy(text: string): RangeParse {
  const t = text.trim();
  if (/^(?:all(?:\s+versions)?|\*)$/i.test(t)) return { ok: true, range: { kind: 'all', text } };
  for (const [pattern, comparator] of PHRASES) {
    const m = pattern.exec(t);
    if (m && VERSION.test(m[1]!)) return { ok: true, range: { kind: 'constraints', text, constraints: [{ comparator, version: m[1]! }] } };
  }
  // "<=4.2", ">= 4.0 < 4.6.1", ">=4.0, <4.6.1", ">=4.0 and <4.6.1": a comparator is required on
  // every term here, so that free text such as "V4 SP1" is not mistaken for an exact version.
  const cleaned = t.replace(/\s*(?:,|&|\band\b)\s*/gi, ' ');
  if (/^(?:\s*(?:<=|>=|!=|<|>|=)\s*[^\s<>=!]+)+\s*$/.test(cleaned)) {
    const constraints = [...cleaned.matchAll(/(<=|>=|!=|<|>|=)\s*([^\s<>=!]+)/g)].map((m) => constraint(`${m[1]}${m[2]}`));
    if (constraints.every((c): c is Constraint => c !== null)) return { ok: true, range: { kind: 'constraints', text, constraints } };
  }
  return { ok: false, reason: 'not a vers range and not a legacy form Interlock reads ("<= 4.2", ">=4.0 <4.6.1", "prior to 4.2", "4.2 and earlier", "all versions")' };
}

export function parseVersionRange(text: string): RangeParse {
  return /^\s*vers:/i.test(text) ? parseVers(text) : parseLegacy(text);
}

const holds = (c: Constraint, cmp: number): boolean => {
  switch (c.comparator) {
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '=': return cmp === 0;
    case '!=': return cmp !== 0;
  }
};

/**
 * The vers containment algorithm (package-url/purl-spec, VERSION-RANGE-SPEC "checking if a
 * version is contained within a range"), used for the legacy form too, where ">=4.0 <4.6.1"
 * reads the same as "vers:generic/>=4.0|<4.6.1":
 * - an "=" (or a "<=", ">=") constraint equal to the version contains it; a "!=" equal excludes it;
 * - the other constraints, sorted by version, bound intervals: below a leading "<"/"<=", above a
 *   trailing ">"/">=", and between a ">"/">=" and the "<"/"<=" that follows it.
 * So both ends of ">=7.0.0|<7.3.0" are exactly as written: 7.0.0 is in, 7.3.0 is out.
 */
export function inRange(version: string, range: VersionRange): boolean {
  if (range.kind === 'all') return true;
  const sorted = [...range.constraints].sort((a, b) => compareVersions(a.version, b.version));
  for (const c of sorted) {
    if (compareVersions(version, c.version) !== 0) continue;
    if (c.comparator === '!=') return false;
    if (c.comparator === '=' || c.comparator === '<=' || c.comparator === '>=') return true;
  }
  const bounds = sorted.filter((c) => c.comparator !== '=' && c.comparator !== '!=');
  if (bounds.length === 0) return false;
  const first = bounds[0]!;
  const last = bounds[bounds.length - 1]!;
  if ((first.comparator === '<' || first.comparator === '<=') && holds(first, compareVersions(version, first.version))) return true;
  if ((last.comparator === '>' || last.comparator === '>=') && holds(last, compareVersions(version, last.version))) return true;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    if ((lo.comparator === '>' || lo.comparator === '>=') && (hi.comparator === '<' || hi.comparator === '<=') &&
      holds(lo, compareVersions(version, lo.version)) && holds(hi, compareVersions(version, hi.version))) return true;
  }
  return false;
}
