// The OT controls each generated plant runs for itself, applied to its own zones and assessed
// plant by plant, with the configuration baseline that evidences them: what makes a large
// estate's baseline about a thousand controls (five per plant), and its zones' SL-C vary.
import { createHash } from 'node:crypto';
import type { ControlT, EvidenceT } from '../model/site-schema.js';
import type { Rng } from './random.js';
import type { ZoneKey } from './site-layout.js';
import type { GeneratedSite } from './site.js';

interface SiteControlTemplate { key: string; name: string; category: string; satisfies: readonly string[]; zones: readonly ZoneKey[] }

const sr = (...ids: string[]) => ids.map((id) => `iec-sr${id}`);

const SITE_CONTROLS: readonly SiteControlTemplate[] = [
  { key: 'accounts', name: 'Account, identifier and authenticator management', category: 'Access', satisfies: sr('1.1', '1.3', '1.4', '1.5', '1.7', '2.1', '2.5'), zones: ['ctl', 'sis', 'fld'] },
  { key: 'integrity', name: 'Communication and software integrity, malware protection', category: 'Malware', satisfies: sr('3.1', '3.2', '3.3', '3.4'), zones: ['ctl', 'sis'] },
  { key: 'boundary', name: 'Segmentation and zone boundary protection', category: 'Zone & conduit architecture', satisfies: sr('5.1', '5.2', '5.3', '5.4'), zones: ['dmz', 'ops', 'ctl', 'sis', 'fld'] },
  { key: 'remote', name: 'Remote sessions: untrusted networks, lockout and termination', category: 'Access', satisfies: sr('1.11', '1.13', '2.6'), zones: ['ra', 'vnd', 'dmz'] },
  { key: 'resilience', name: 'Backup, recovery, monitoring and least functionality', category: 'Resilience', satisfies: sr('6.1', '6.2', '7.1', '7.2', '7.3', '7.4', '7.6', '7.7', '7.8'), zones: ['ops', 'ctl', 'sis'] },
];

export function buildSiteControls(rng: Rng, sites: readonly GeneratedSite[], assess: (domain: 'OT') => ControlT['assessment'], evidenceDate: (refreshDays: number) => string): { controls: ControlT[]; evidence: EvidenceT[] } {
  const controls: ControlT[] = [];
  const evidence: EvidenceT[] = [];
  for (const site of sites) {
    const mine = SITE_CONTROLS.map((t) => ({
      id: `${site.plan.code}-ctrl-${t.key}`, name: `${t.name} (${site.plan.name})`, domain: 'OT' as const, category: t.category,
      satisfies: [...t.satisfies], appliesTo: t.zones.flatMap((z) => site.zones.get(z)?.id ?? []), mitigates: [], assessment: assess('OT'),
    }));
    controls.push(...mine);
    const id = `${site.plan.code}-ev-ot-config`;
    const collectedOn = evidenceDate(180);
    evidence.push({
      id, name: `OT configuration baseline (${site.plan.name})`, kind: 'configuration-baseline', source: 'OT asset management', domains: ['OT'], refreshDays: 180,
      supports: mine.filter(() => rng.chance(0.8)).map((c) => c.id),
      revisions: [{ collectedOn, sha256: createHash('sha256').update(`${id}|${collectedOn}`).digest('hex'), addedBy: 'OT asset management' }],
    });
  }
  return { controls, evidence: evidence.filter((e) => e.supports.length > 0) };
}
