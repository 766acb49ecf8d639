// The Assurance area's part of the URL: which view, what is open in it, and the date every number
// is as of — so a link shows a board member exactly what the governance lead was looking at.
// Pure: reads and writes URLSearchParams.

export const ASSURANCE_VIEWS = ['frameworks', 'controls', 'evidence', 'risks', 'zones'] as const;
export type AssuranceView = (typeof ASSURANCE_VIEWS)[number];
export const TREE_FILTERS = ['gaps', 'partial', 'inconsistent'] as const;
export type TreeFilter = (typeof TREE_FILTERS)[number];
export const CONTROL_SORTS = ['control', 'domain', 'status', 'maturity', 'currency', 'flags'] as const;
export type ControlSort = (typeof CONTROL_SORTS)[number];

export interface AssuranceState {
  view: AssuranceView;
  /** YYYY-MM-DD; absent: today. */
  asOf?: string;
  /** The CAF profile rated against. */
  profile?: string;
  /** Frameworks: the framework open, its filter, the requirement whose why-chain is shown. */
  fw?: string;
  only?: TreeFilter;
  req?: string;
  /** Controls: the open control, the filter text, the sort (a leading "-": descending), the page. */
  ctl?: string;
  cq?: string;
  sort: ControlSort;
  desc: boolean;
  page: number;
  /** Evidence: the item whose revisions are shown. */
  ev?: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
const id = (v: string | null) => (v && ID.test(v) ? v : undefined);

export function parseAssurance(p: URLSearchParams): AssuranceState {
  const sort = p.get('sort') ?? '';
  const page = Number(p.get('page'));
  const cq = p.get('cq');
  const asOf = p.get('asOf');
  return {
    view: oneOf(ASSURANCE_VIEWS, p.get('av')) ?? 'frameworks',
    asOf: asOf && DATE.test(asOf) ? asOf : undefined,
    profile: id(p.get('profile')),
    fw: id(p.get('fw')),
    only: oneOf(TREE_FILTERS, p.get('only')),
    req: id(p.get('req')),
    ctl: id(p.get('ctl')),
    cq: cq ? cq.slice(0, 100) : undefined,
    sort: oneOf(CONTROL_SORTS, sort.replace(/^-/, '')) ?? 'control',
    desc: sort.startsWith('-'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    ev: id(p.get('ev')),
  };
}

export function writeAssurance(p: URLSearchParams, s: AssuranceState, inArea: boolean): void {
  const set = (k: string, v: string | undefined | false) => {
    if (v) p.set(k, v);
  };
  // The date and the profile hold for the explorer's zone colouring too.
  set('asOf', s.asOf);
  set('profile', s.profile);
  if (!inArea) return;
  set('av', s.view !== 'frameworks' && s.view);
  set('fw', s.fw);
  set('only', s.only);
  set('req', s.req);
  set('ctl', s.ctl);
  set('cq', s.cq);
  set('sort', (s.sort !== 'control' || s.desc) && `${s.desc ? '-' : ''}${s.sort}`);
  set('page', s.page > 1 && String(s.page));
  set('ev', s.ev);
}
