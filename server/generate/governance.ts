// The governance layer over the generated plants: one control baseline mapped to four
// frameworks, assessed per domain (the estate-wide controls, and each plant's own OT controls); evidence of both cultures, some of it expired; risk registers.
// Dates count back from a fixed day, never from the clock, so the output depends on the seed only.
import { createHash } from 'node:crypto';
import type { ControlT, EvidenceT, SiteDocument } from '../model/site-schema.js';
import { shippedCatalogues } from '../site/reference-plant.js';
import { CONTROLS } from './governance-catalog.js';
import { buildRisks } from './governance-risks.js';
import { buildSiteControls } from './site-controls.js';
import type { Rng } from './random.js';
import type { GeneratedSite } from './site.js';

export const EVIDENCE_BASE_DATE = '2026-09-30';

type Governance = Pick<SiteDocument, 'frameworks' | 'requirements' | 'mappings' | 'profiles' | 'controls' | 'evidence' | 'risks'>;
type EvidenceTemplate = readonly [kind: EvidenceT['kind'], name: string, source: string, refreshDays: number, supports: readonly string[]];

const SITE_EVIDENCE: readonly EvidenceTemplate[] = [
  ['network-drawing', 'Zone and conduit drawing', 'Engineering document management', 365, ['zones-conduits', 'sl-targeting']],
  ['configuration-baseline', 'Firewall configuration baseline', 'Firewall manager export', 180, ['fw-review', 'secure-config', 'device-hardening']],
  ['proof-test-record', 'SIF proof-test records', 'Maintenance management system', 365, ['proof-testing', 'fsm']],
  ['p-and-id', 'P&ID set with SIF tags', 'Engineering document management', 730, ['sis-risk']],
  ['commissioning-record', 'SIS commissioning record', 'Project handover dossier', 1825, ['sis-independence', 'sis-moc']],
  ['access-review', 'OT privileged access review', 'Identity governance tool', 90, ['pam', 'rbac']],
  ['vulnerability-scan', 'Passive OT vulnerability assessment', 'OT network monitoring platform', 90, ['vuln-mgmt', 'ot-patch-qual']],
];

const ENTERPRISE_EVIDENCE: readonly EvidenceTemplate[] = [
  ['policy', 'Information security policy', 'Policy library', 365, ['risk-process', 'incident-response', 'rbac']],
  ['policy', 'OT security policy', 'Policy library', 365, ['zones-conduits', 'supplier-access', 'lockout', 'session-timeout']],
  ['policy', 'Remote access standard', 'Policy library', 365, ['remote-mfa', 'supplier-access']],
  ['access-review', 'Corporate privileged access review', 'Identity governance tool', 90, ['pam']],
  ['vulnerability-scan', 'Corporate vulnerability scan', 'Vulnerability scanner', 30, ['vuln-mgmt', 'email-security']],
  ['audit-log', 'SIEM audit log export', 'SIEM', 30, ['logging', 'monitoring', 'time-sync']],
];

export function buildGovernance(rng: Rng, sites: readonly GeneratedSite[]): Governance {
  const catalogues = shippedCatalogues();
  const { risks, byKey } = buildRisks(rng, sites);
  const controls: ControlT[] = CONTROLS.map((t) => ({
    id: `ctrl-${t.key}`,
    name: t.name,
    domain: t.domain,
    category: t.category,
    satisfies: [...t.satisfies],
    appliesTo: sites.flatMap((s) => [
      ...(t.zones ?? []).flatMap((z) => s.zones.get(z)?.id ?? []),
      ...(t.conduits ? [...s.conduits.values()].map((c) => c.id) : []),
    ]),
    mitigates: (t.mitigates ?? []).flatMap((k) => byKey.get(k) ?? []),
    assessment: assessment(rng, t.domain),
  }));
  const domainOf = new Map(controls.map((c) => [c.id, c.domain]));
  const evidence = ENTERPRISE_EVIDENCE.map((t, i) => record(rng, `ev-${String(i + 1).padStart(2, '0')}-${t[0]}`, t[1], t, domainOf));
  for (const site of sites) {
    for (const t of rng.sample(SITE_EVIDENCE, rng.int(3, 5))) evidence.push(record(rng, `${site.plan.code}-ev-${t[0]}`, `${t[1]} (${site.plan.name})`, t, domainOf));
  }
  const perSite = buildSiteControls(rng, sites, (domain) => assessment(rng, domain), (refreshDays) => daysBefore(EVIDENCE_BASE_DATE, rng.int(0, Math.floor(refreshDays * 1.5))));
  return { ...catalogues, controls: [...controls, ...perSite.controls], evidence: [...evidence, ...perSite.evidence], risks };
}

const ASSESSORS = ['OT security lead', 'IT security assessor', 'Internal audit'] as const;

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function assessment(rng: Rng, domain: ControlT['domain']): ControlT['assessment'] {
  const one = () => {
    const status = rng.weighted([['implemented', 45], ['partial', 35], ['planned', 12], ['not-implemented', 8]] as const);
    const maturity = status === 'implemented' ? rng.int(3, 4) : status === 'partial' ? rng.int(2, 3) : status === 'planned' ? 1 : 0;
    return { status, maturity, assessor: rng.pick(ASSESSORS), assessedOn: daysBefore(EVIDENCE_BASE_DATE, rng.int(0, 200)) };
  };
  if (domain === 'IT') return { IT: one() };
  if (domain === 'OT') return { OT: one() };
  // A shared control is often assessed differently by the two programmes: the gap §5 reports.
  const it = one();
  return { IT: it, OT: rng.chance(0.6) ? { ...it } : one() };
}

function record(rng: Rng, id: string, name: string, [kind, , source, refreshDays, supports]: EvidenceTemplate, domainOf: Map<string, string>): EvidenceT {
  // Up to half a cycle overdue: roughly a third of the records have expired.
  const collectedOn = daysBefore(EVIDENCE_BASE_DATE, rng.int(0, Math.floor(refreshDays * 1.5)));
  const earlier = daysBefore(collectedOn, refreshDays);
  const revision = (on: string) => ({ collectedOn: on, sha256: createHash('sha256').update(`${id}|${on}|${source}`).digest('hex'), addedBy: source });
  const controls = supports.map((k) => `ctrl-${k}`);
  // The evidence covers the domains its controls do.
  const domains = (['IT', 'OT'] as const).filter((d) => controls.some((c) => domainOf.get(c) === d || domainOf.get(c) === 'BOTH'));
  return { id, name, kind, source, domains, refreshDays, supports: controls, revisions: [revision(earlier), revision(collectedOn)] };
}
