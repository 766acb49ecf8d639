// The what-if engine against the independent in-process oracle on a generated estate — the same
// mix of changes the benchmark runs (every kind: rule removals and edits, allows into a safety
// zone, patches by target and by selector, MFA and lockout, change sets), small enough for every
// test run: every change's findings (id and severity) must be the oracle's.
import { describe, expect, it } from 'vitest';
import { buildMix, KINDS } from '../bench/change-mix.js';
import { compareChange, engineComparables } from '../bench/compare.js';
import { generateEstate } from '../server/generate/estate.js';
import { ImpactRequest } from '../server/impact/change-schema.js';
import { validateSite } from '../server/model/validate-site.js';
import { EstateIndex } from '../server/oracle/estate-index.js';
import { referenceFindings } from '../server/oracle/oracle-findings.js';
import { useApp } from './helpers/app.js';

const estate = generateEstate({ assets: 1_000, seed: 11 });
const ctx = useApp(() => estate);

describe('engine and oracle on a generated 1,000-asset estate', () => {
  it('agree on every change of every kind', async () => {
    const checked = validateSite(estate);
    if (!checked.ok) throw new Error('generated estate is invalid');
    const ix = new EstateIndex(checked.site);
    const mix = buildMix(ix, 6, 11);
    expect(new Set(mix.map((c) => c.kind))).toEqual(new Set(KINDS));
    const disagreements = [];
    for (const [i, change] of mix.entries()) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/impact', payload: change.body as object });
      expect(res.statusCode, JSON.stringify(change.body)).toBe(200);
      const oracle = referenceFindings(ix, ImpactRequest.parse(change.body));
      // Only the oracle is compared here; the naive Cypher reference is the benchmark's.
      disagreements.push(...compareChange(i, change.kind, engineComparables(res.json()), oracle, []).filter((d) => d.against === 'floor'));
    }
    expect(disagreements).toEqual([]);
  });
});
