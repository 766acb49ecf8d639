// Counts that describe a site document at a glance: what the generator CLI prints at the end and
// what tests check proportions against. Pure.
import { COLLECTION_NAMES, type CollectionName } from '../model/collections.js';
import type { SiteDocument } from '../model/site-schema.js';

export type SiteSummary = Record<CollectionName, number> & {
  /** Distinct `site` names on zones: the plants of an estate. */
  sites: number;
  rules: number;
  /** Flows a SIF or a procedure depends on (DOMAIN.md §2). */
  safetyFlows: number;
};

export function summarizeSite(site: SiteDocument): SiteSummary {
  const counts = Object.fromEntries(
    COLLECTION_NAMES.map((key) => [key, site[key].length]),
  ) as Record<CollectionName, number>;
  const depended = new Set([...site.sifs, ...site.procedures].flatMap((x) => x.dependsOn));
  return {
    ...counts,
    sites: new Set(site.zones.flatMap((z) => (z.site === undefined ? [] : [z.site]))).size,
    rules: site.conduits.reduce((n, c) => n + c.rules.length, 0),
    safetyFlows: site.flows.filter((f) => depended.has(f.id)).length,
  };
}

export function formatSummary(s: SiteSummary): string {
  return [
    `${s.sites} sites`, `${s.zones} zones`, `${s.conduits} conduits`, `${s.rules} rules`, `${s.assets} assets`,
    `${s.flows} flows (${s.safetyFlows} safety-required)`, `${s.sifs} SIFs`, `${s.procedures} procedures`,
    `${s.roles} roles`, `${s.frameworks} frameworks`, `${s.requirements} requirements`, `${s.controls} controls`,
    `${s.evidence} evidence`, `${s.risks} risks`,
  ].join(', ');
}
