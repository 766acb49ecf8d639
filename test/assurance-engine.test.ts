// The Cypher engine against the oracle, section by section, on the hand-computed governance site
// (helpers/assurance-site.ts, whose every number test/assurance-oracle*.test.ts asserts by hand)
// and on the reference plant as of the date its baseline was designed for.
import { describe, expect, it } from 'vitest';
import { evaluateAssurance } from '../server/oracle/assurance/evaluate.js';
import { topologyOf } from '../server/oracle/assurance/assurance-site.js';
import { engineComparable, oracleComparable } from './helpers/assurance-compare.js';
import { siteDocumentOf } from './helpers/assurance-graph.js';
import { AS_OF, site } from './helpers/assurance-site.js';
import { loadSite, testDb } from './helpers/db.js';
import { referenceGovernance } from './helpers/reference-governance.js';

describe('the Cypher engine agrees with the oracle', () => {
  it('on the hand-computed site, every section', async () => {
    const db = await testDb();
    await loadSite(db, siteDocumentOf(site));
    expect(await engineComparable(db, AS_OF)).toEqual(oracleComparable(evaluateAssurance(site, AS_OF)));
    await db.close();
  });
  it('on the reference plant as of 2026-12-31, every section', async () => {
    const db = await testDb();
    const { input, governance, plant, baseline } = referenceGovernance();
    await loadSite(db, input);
    expect(await engineComparable(db, baseline.designedForAsOf)).toEqual(oracleComparable(evaluateAssurance({ governance, topology: topologyOf(plant) }, baseline.designedForAsOf)));
    await db.close();
  });
});
