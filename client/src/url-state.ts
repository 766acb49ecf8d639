// The view lives in the URL's query string, so a link reproduces what someone was looking at
// (in a review meeting: "open this link, finding 2 is the one"). Pure apart from reading/writing
// location.
import type { CollapseMode } from '../../server/views/view-schema.js';
import { parseAssurance, writeAssurance, type AssuranceState } from './assurance/assurance-state.js';

export type Tab = 'explore' | 'whatif' | 'traffic' | 'reviews' | 'assurance';
export const TABS: readonly Tab[] = ['explore', 'whatif', 'traffic', 'reviews', 'assurance'];
export type Domain = 'IT' | 'OT';

export interface ViewState {
  tab: Tab;
  /** Selected element id. */
  sel?: string;
  /** SIF whose safety path is highlighted. */
  sif?: string;
  /** Asset whose neighbourhood is shown, and how deep. */
  nb?: string;
  depth: number;
  domain?: Domain;
  type?: string;
  zone?: string;
  /** Zones the user collapsed in the browser. */
  collapsed: string[];
  /** Server-side collapse mode, and zones kept expanded in it. */
  collapse: CollapseMode;
  expand: string[];
  flows: boolean;
  large: boolean;
  /** A what-if change set, as JSON, and the finding picked in its result. */
  change?: string;
  finding?: number;
  /** The traffic capture compared (only the demo capture can be linked: a file stays on its disk), and the finding picked. */
  traffic?: 'demo';
  tf?: string;
  /** The change request open in the Reviews area. */
  cr?: string;
  /** Requests whose meeting pack is shown (the server's PDF rendering opens this). */
  pack: string[];
  /** Zones coloured by their security-level gap (SL-T − SL-C from the controls). */
  slgap: boolean;
  /** The Assurance area's own state (its view, what is open, the date). */
  assurance: AssuranceState;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const str = (k: string) => p.get(k) || undefined;
  const collapse = p.get('collapse');
  const domain = p.get('domain');
  const depth = Number(p.get('depth'));
  const finding = p.get('finding');
  return {
    tab: TABS.find((t) => t === p.get('tab')) ?? 'explore',
    sel: str('sel'),
    sif: str('sif'),
    nb: str('nb'),
    depth: depth >= 1 && depth <= 3 ? Math.floor(depth) : 1,
    domain: domain === 'IT' || domain === 'OT' ? domain : undefined,
    type: str('type'),
    zone: str('zone'),
    collapsed: list(p.get('collapsed')),
    collapse: collapse === 'none' || collapse === 'all' ? collapse : 'auto',
    expand: list(p.get('expand')),
    flows: p.get('flows') === '1',
    large: p.get('large') === '1',
    change: str('change'),
    finding: finding !== null && /^\d+$/.test(finding) ? Number(finding) : undefined,
    traffic: p.get('traffic') === 'demo' ? 'demo' : undefined,
    tf: p.get('traffic') === 'demo' ? str('tf') : undefined,
    cr: str('cr'),
    pack: list(p.get('pack')),
    slgap: p.get('slgap') === '1',
    assurance: parseAssurance(p),
  };
}

export function formatState(s: ViewState): string {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined | false) => {
    if (v) p.set(k, v);
  };
  set('tab', s.tab !== 'explore' && s.tab);
  set('sel', s.sel);
  set('sif', s.sif);
  set('nb', s.nb);
  set('depth', s.nb && s.depth !== 1 && String(s.depth));
  set('domain', s.domain);
  set('type', s.type);
  set('zone', s.zone);
  set('collapsed', s.collapsed.join(','));
  set('collapse', s.collapse !== 'auto' && s.collapse);
  set('expand', s.expand.join(','));
  set('flows', s.flows && '1');
  set('large', s.large && '1');
  set('change', s.change);
  set('finding', s.finding !== undefined && String(s.finding));
  set('traffic', s.traffic);
  set('tf', s.traffic && s.tf);
  set('cr', s.cr);
  set('pack', s.pack.join(','));
  set('slgap', s.slgap && '1');
  writeAssurance(p, s.assurance, s.tab === 'assurance');
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** Records the state in the address bar without adding a history entry per click. */
export function writeState(s: ViewState): void {
  const next = `${location.pathname}${formatState(s)}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}
