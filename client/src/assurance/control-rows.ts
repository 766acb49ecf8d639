// The control baseline table's rows: a control's statuses per domain (from /assurance/controls),
// where it applies and what it serves (/assurance/control-scope) and its inconsistency flags
// (/assurance/inconsistencies), joined by control id; filtered, sorted and cut into pages. Pure.
import type { ControlScopeT } from '../../../server/assurance/scope-schema.js';
import type { ControlInDomainT, InconsistencyT } from '../../../server/assurance/schemas.js';
import type { ControlViewT } from './assurance-api.js';
import type { ControlSort } from './assurance-state.js';

export const PAGE_SIZE = 50;

export interface ControlRow {
  control: string; name: string; category: string; domain: string;
  frameworks: string[];
  byDomain: Partial<Record<'IT' | 'OT', ControlInDomainT>>;
  /** Per domain covered: the best currency of its evidence there (absent: none). */
  currency: Partial<Record<'IT' | 'OT', 'fresh' | 'due' | 'expired' | 'absent'>>;
  flags: string[];
  scope: ControlScopeT | undefined;
}

const CURRENCY_RANK = { fresh: 0, due: 1, expired: 2, absent: 3 } as const;
const STATUS_RANK: Record<string, number> = { implemented: 0, partial: 1, planned: 2, 'not-implemented': 3 };

function bestCurrency(s: ControlInDomainT): ControlRow['currency']['IT'] {
  return s.evidence.map((e) => e.currency).sort((a, b) => CURRENCY_RANK[a] - CURRENCY_RANK[b])[0] ?? 'absent';
}

export function controlRows(controls: ControlViewT[], scopes: ControlScopeT[], found: InconsistencyT[]): ControlRow[] {
  const scopeOf = new Map(scopes.map((s) => [s.control, s]));
  const flags = new Map<string, string[]>();
  for (const i of found) if ('control' in i) flags.set(i.control, [...(flags.get(i.control) ?? []), i.kind]);
  return controls.map((c) => ({
    control: c.control, name: c.name, category: c.category, domain: c.domain,
    frameworks: scopeOf.get(c.control)?.frameworks ?? [],
    byDomain: Object.fromEntries(c.statuses.map((s) => [s.domain, s])),
    currency: Object.fromEntries(c.statuses.map((s) => [s.domain, bestCurrency(s)])),
    flags: [...new Set(flags.get(c.control) ?? [])].sort(),
    scope: scopeOf.get(c.control),
  }));
}

const worst = <T>(values: T[], rank: (v: T) => number) => Math.max(-1, ...values.map(rank));

const SORT_KEYS: Record<ControlSort, (r: ControlRow) => string | number> = {
  control: (r) => r.control,
  domain: (r) => r.domain,
  status: (r) => worst(Object.values(r.byDomain), (s) => STATUS_RANK[s.effective] ?? 4),
  maturity: (r) => Math.min(9, ...Object.values(r.byDomain).map((s) => s.assessed?.maturity ?? -1)),
  currency: (r) => worst(Object.values(r.currency), (c) => CURRENCY_RANK[c]),
  flags: (r) => r.flags.length,
};

/** Rows matching every word of the filter (in id, name, category, domain, frameworks, statuses, flags), sorted. */
export function filterAndSort(rows: ControlRow[], text: string | undefined, sort: ControlSort, desc: boolean): ControlRow[] {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hay = (r: ControlRow) => [r.control, r.name, r.category, r.domain, ...r.frameworks, ...r.flags,
    ...Object.values(r.byDomain).map((s) => s.effective), ...Object.values(r.currency)].join(' ').toLowerCase();
  const key = SORT_KEYS[sort];
  const kept = words.length === 0 ? rows : rows.filter((r) => {
    const text = hay(r);
    return words.every((w) => text.includes(w));
  });
  return [...kept].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order = ka < kb ? -1 : ka > kb ? 1 : a.control < b.control ? -1 : a.control > b.control ? 1 : 0;
    return desc ? -order : order;
  });
}

export function pageOf<T>(rows: T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE), page: p, pages };
}
