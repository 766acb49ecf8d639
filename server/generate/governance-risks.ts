// Risk registers: a few enterprise-wide IT risks, and per plant the OT and joint risks that the
// impact findings are about. Control templates refer to these by key (governance-catalog.ts).
import type { RiskT } from '../model/site-schema.js';
import { fromPool } from './assets.js';
import { pushTo } from './push-to.js';
import type { Rng } from './random.js';
import type { ZoneKey } from './site-layout.js';
import type { GeneratedSite } from './site.js';

interface RiskTemplate {
  key: string;
  title: string;
  register: RiskT['register'];
  safety: RiskT['safetyConsequence'];
  owner: string;
  /** Zone ids and asset ids of a site that the risk affects. */
  affects: (site: GeneratedSite) => string[];
}

const zoneIds = (site: GeneratedSite, ...keys: ZoneKey[]) => keys.flatMap((k) => site.zones.get(k)?.id ?? []);

type Head = Omit<RiskTemplate, 'affects'>;
const head = (key: string, title: string, register: RiskT['register'], safety: RiskT['safetyConsequence'], owner: string): Head =>
  ({ key, title, register, safety, owner });

const CISO = 'Chief Information Security Officer';
const OT_LEAD = 'Site OT Security Lead';
const SAFETY = 'Head of Process Safety';

const ENTERPRISE: readonly Head[] = [
  head('ransomware', 'Ransomware on corporate endpoints', 'IT', 'none', CISO),
  head('credential-theft', 'Phishing-led theft of corporate credentials', 'IT', 'none', CISO),
  head('unpatched-services', 'Unpatched internet-facing services', 'IT', 'none', 'Head of IT Operations'),
];

const ids = (assets: ReadonlyArray<{ id: string }>) => assets.map((a) => a.id);

const SITE_RISKS: readonly RiskTemplate[] = [
  { ...head('sis-firmware', 'Unpatched SIS logic solver firmware', 'OT', 'severe', SAFETY), affects: (s) => ids(s.logicSolvers) },
  {
    ...head('vendor-no-mfa', 'Vendor remote access reaching the control network without MFA', 'JOINT', 'major', OT_LEAD),
    affects: (s) => [...zoneIds(s, 'ra'), ...ids(fromPool(s.pool, 'ctl', 'ews'))],
  },
  { ...head('broad-rules', 'Zone-wide allow rules between Purdue levels', 'OT', 'major', OT_LEAD), affects: (s) => zoneIds(s, 'ops', 'ctl') },
  {
    ...head('ransomware-dmz', 'Ransomware spreading from the enterprise to the DMZ historian', 'JOINT', 'minor', CISO),
    affects: (s) => zoneIds(s, 'dmz', 'ent'),
  },
  {
    ...head('shared-accounts', 'Shared operator accounts on control-room HMIs', 'OT', 'minor', 'Operations Manager'),
    affects: (s) => ids(fromPool(s.pool, 'ctl', 'hmi')),
  },
  {
    ...head('time-loss', 'Loss of time synchronisation corrupting SIS event records', 'JOINT', 'minor', SAFETY),
    affects: (s) => ids([...fromPool(s.pool, 'ops', 'time'), ...s.logicSolvers]),
  },
];

export interface RiskSet {
  risks: RiskT[];
  /** Risk ids by template key, for the controls that mitigate them. */
  byKey: Map<string, string[]>;
}

export function buildRisks(rng: Rng, sites: readonly GeneratedSite[]): RiskSet {
  const risks: RiskT[] = [];
  const byKey = new Map<string, string[]>();
  const add = (t: Head, id: string, title: string, affects: string[]) => {
    const likelihood = rng.weighted([[1, 1], [2, 3], [3, 4], [4, 2], [5, 1]] as const);
    const treatment = rng.weighted([['mitigate', 70], ['accept', 15], ['transfer', 5], ['avoid', 10]] as const);
    risks.push({ id, title, register: t.register, likelihood, impact: rng.int(2, 5), safetyConsequence: t.safety, treatment, owner: t.owner, affects });
    pushTo(byKey, t.key, id);
  };
  for (const t of ENTERPRISE) add(t, `risk-${t.key}`, t.title, sites.flatMap((s) => zoneIds(s, 'ent')));
  for (const site of sites) {
    // Broad rules are a risk only where the site actually has them.
    const candidates = SITE_RISKS.filter((t) => t.key !== 'broad-rules' || site.plan.broad.size > 0);
    for (const t of rng.sample(candidates, rng.int(1, 2))) {
      add(t, `${site.plan.code}-risk-${t.key}`, `${t.title} (${site.plan.name})`, t.affects(site));
    }
  }
  return { risks, byKey };
}
