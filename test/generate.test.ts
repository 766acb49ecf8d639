// The synthetic estate generator: reproducible, valid, and shaped like a real converged estate
// (the proportions and patterns the impact findings need). Pure: no database.
import { shippedCatalogues } from '../server/site/reference-plant.js';
import { describe, expect, it } from 'vitest';
import { generateEstate } from '../server/generate/estate.js';
import { flowAllowed, matchContext, shadowedRules } from '../server/generate/rule-match.js';
import { summarizeSite } from '../server/generate/summary.js';
import type { Endpoint, SiteDocument } from '../server/model/site-schema.js';
import { validateSite } from '../server/model/validate-site.js';

const N = 1000;
const estate: SiteDocument = generateEstate({ assets: N, seed: 42 });
const ctx = matchContext(estate);
const safetyFlowIds = new Set([...estate.sifs, ...estate.procedures].flatMap((x) => x.dependsOn));

describe('generateEstate: reproducibility', () => {
  it('gives byte-identical JSON for the same seed', () => {
    const a = JSON.stringify(generateEstate({ assets: N, seed: 7 }));
    const b = JSON.stringify(generateEstate({ assets: N, seed: 7 }));
    expect(a).toBe(b);
  });

  it('gives a different estate for a different seed', () => {
    expect(JSON.stringify(generateEstate({ assets: N, seed: 8 }))).not.toBe(JSON.stringify(generateEstate({ assets: N, seed: 7 })));
  });

  it('refuses sizes and seeds it cannot honour', () => {
    expect(() => generateEstate({ assets: 49, seed: 1 })).toThrow(RangeError);
    expect(() => generateEstate({ assets: 100.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateEstate({ assets: 100, seed: -1 })).toThrow(RangeError);
  });
});

describe('generateEstate: validity', () => {
  it.each([50, 200, N, 20_000])('passes validateSite with %i assets, within ±5 % of the count asked for', (assets) => {
    const doc = assets === N ? estate : generateEstate({ assets, seed: 3 });
    const result = validateSite(doc);
    expect(result.ok ? [] : result.errors.slice(0, 10)).toEqual([]);
    expect(Math.abs(doc.assets.length - assets)).toBeLessThanOrEqual(assets * 0.05);
  });

  it('spreads a large estate over several plants of 300–600 assets, each zone tagged with its plant', () => {
    const perSite = new Map<string, number>();
    const zoneSite = new Map(estate.zones.map((z) => [z.id, z.site]));
    for (const a of estate.assets) perSite.set(zoneSite.get(a.zone)!, (perSite.get(zoneSite.get(a.zone)!) ?? 0) + 1);
    expect(perSite.size).toBeGreaterThanOrEqual(2);
    for (const count of perSite.values()) expect(count).toBeGreaterThanOrEqual(300);
    expect(estate.zones.filter((z) => z.safety).length).toBe(perSite.size);
  });
});

describe('generateEstate: proportions and patterns', () => {
  it('has about one SIF per 40 assets and about 30 % safety-required flows', () => {
    expect(estate.sifs.length / estate.assets.length).toBeCloseTo(1 / 40, 2);
    const share = estate.flows.filter((f) => safetyFlowIds.has(f.id)).length / estate.flows.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.45);
    expect(estate.flows.length / estate.assets.length).toBeCloseTo(0.1, 1);
  });

  it('gives every conduit 4–15 rules, unique seqs, and an explicit deny any/any last', () => {
    for (const c of estate.conduits) {
      expect(c.rules.length).toBeGreaterThanOrEqual(4);
      expect(c.rules.length).toBeLessThanOrEqual(15);
      expect(new Set(c.rules.map((r) => r.seq)).size).toBe(c.rules.length);
      const last = [...c.rules].sort((a, b) => a.seq - b.seq).at(-1)!;
      expect(last).toMatchObject({ action: 'deny', protocol: 'any', src: 'any', dst: 'any', ports: 'any' });
      expect(c.firewalls).toHaveLength(1);
    }
  });

  it('has shadowed rules, broad zone-to-zone rules and every endpoint form', () => {
    expect(estate.conduits.flatMap((c) => shadowedRules(c, ctx)).length).toBeGreaterThan(0);
    const rules = estate.conduits.flatMap((c) => c.rules);
    const zoneLike = (e: Endpoint) => (typeof e === 'object' && 'zone' in e) || (typeof e === 'string' && e.includes('/'));
    expect(rules.some((r) => r.action === 'allow' && r.ports === 'any' && r.protocol !== 'icmp' && zoneLike(r.src) && zoneLike(r.dst))).toBe(true);
    const forms = new Set(rules.flatMap((r) => [r.src, r.dst]).map((e) =>
      typeof e === 'object' ? Object.keys(e)[0] : e === 'any' ? 'any' : e.includes('/') ? 'cidr' : 'ip'));
    expect([...forms].sort()).toEqual(['any', 'asset', 'cidr', 'ip', 'zone']);
  });

  it('allows most flows end to end, denies a few, and allows every safety-required flow', () => {
    const denied = estate.flows.filter((f) => !flowAllowed(f, ctx));
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.length / estate.flows.length).toBeLessThan(0.1);
    expect(denied.filter((f) => safetyFlowIds.has(f.id))).toEqual([]);
  });

  it('has flows crossing several conduits and redundant routes via different firewalls', () => {
    expect(estate.flows.some((f) => f.via.length >= 2)).toBe(true);
    expect(estate.flows.some((f) => f.routesThrough.length > 0)).toBe(true);
    const conduits = new Map(estate.conduits.map((c) => [c.id, c]));
    const byEnds = new Map<string, typeof estate.flows>();
    for (const f of estate.flows) {
      const key = `${f.from}|${f.to}|${f.protocol}|${f.port}`;
      byEnds.set(key, [...(byEnds.get(key) ?? []), f]);
    }
    const redundant = [...byEnds.values()].filter((fs) => fs.length > 1 && new Set(fs.map((f) => f.via.join())).size > 1);
    expect(redundant.length).toBeGreaterThan(0);
    for (const [a, b] of redundant) {
      const firewalls = (f: typeof a) => f!.via.flatMap((id) => conduits.get(id)!.firewalls);
      expect(firewalls(a).some((fw) => firewalls(b).includes(fw))).toBe(false);
    }
  });

  it('has SIFs of SIL 1–3 with 1oo1, 1oo2 and 2oo3 groups over SIS assets', () => {
    expect(new Set(estate.sifs.map((s) => s.sil))).toEqual(new Set([1, 2, 3]));
    const groups = estate.sifs.flatMap((s) => s.groups);
    expect(new Set(groups.map((g) => g.voting))).toEqual(new Set(['1oo1', '1oo2', '2oo3']));
    const types = new Map(estate.assets.map((a) => [a.id, a.type]));
    const expected = { SENSOR: 'sensor', LOGIC: 'sis-logic-solver', FINAL_ELEMENT: 'final-element' } as const;
    for (const g of groups) for (const e of g.elements) expect(types.get(e)).toBe(expected[g.role]);
    for (const s of estate.sifs) expect(s.dependsOn.length).toBeGreaterThan(0);
  });

  it('gives each plant a manual ESD from manned HMIs with 5–30 s of slack, backing up its SIL 2–3 SIFs', () => {
    const esds = estate.procedures.filter((p) => p.emergency);
    const assets = new Map(estate.assets.map((a) => [a.id, a]));
    const sifs = new Map(estate.sifs.map((s) => [s.id, s]));
    expect(esds.length).toBe(new Set(estate.zones.map((z) => z.site)).size);
    for (const p of esds) {
      expect(p.maxSeconds - p.nominalSeconds).toBeGreaterThanOrEqual(5);
      expect(p.maxSeconds - p.nominalSeconds).toBeLessThanOrEqual(30);
      expect(p.uses.length).toBeGreaterThan(0);
      for (const id of p.uses) expect(assets.get(id)).toMatchObject({ type: 'hmi', manned: true });
      expect(p.dependsOn.length).toBeGreaterThan(0);
      expect(p.performedBy.length).toBeGreaterThan(0);
      for (const id of p.backsUp) expect(sifs.get(id)!.sil).toBeGreaterThanOrEqual(2);
    }
  });

  it('shares vendors and models across plants, so one patch selector hits many assets', () => {
    // A selector is vendor + model + versionBelow: several versions of one model must coexist.
    const byModel = new Map<string, { sites: Set<string>; versions: Set<string> }>();
    const zoneSite = new Map(estate.zones.map((z) => [z.id, z.site!]));
    for (const a of estate.assets) {
      const key = `${a.vendor}|${a.model}`;
      const entry = byModel.get(key) ?? { sites: new Set(), versions: new Set() };
      entry.sites.add(zoneSite.get(a.zone)!);
      entry.versions.add(a.version!);
      byModel.set(key, entry);
    }
    expect(estate.assets.every((a) => a.vendor && a.model && a.version)).toBe(true);
    expect([...byModel.values()].some((m) => m.sites.size > 1 && m.versions.size > 1)).toBe(true);
  });

  it('has a governance layer over the shipped catalogues with IT, OT and JOINT risks', () => {
    expect(estate.frameworks.map((f) => f.id).sort()).toEqual(['fw-iec61511', 'fw-iec62443-3-2', 'fw-iec62443-3-3', 'fw-iso27001', 'fw-ncsc-caf']);
    expect(estate.requirements).toEqual(shippedCatalogues().requirements);
    expect(estate.mappings.length).toBeGreaterThan(0);
    expect(estate.controls.length).toBeGreaterThanOrEqual(25);
    expect(new Set(estate.risks.map((r) => r.register))).toEqual(new Set(['IT', 'OT', 'JOINT']));
    expect(estate.evidence.length).toBeGreaterThan(0);
  });
});

describe('summarizeSite', () => {
  it('counts every collection, the rules and the safety-required flows', () => {
    const s = summarizeSite(estate);
    expect(s.assets).toBe(estate.assets.length);
    expect(s.zones).toBe(estate.zones.length);
    expect(s.rules).toBe(estate.conduits.reduce((n, c) => n + c.rules.length, 0));
    expect(s.safetyFlows).toBe(estate.flows.filter((f) => safetyFlowIds.has(f.id)).length);
    expect(s.sites).toBe(2);
  });
});
