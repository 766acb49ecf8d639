// The issue's targets, evaluated on what was measured. A target whose size was not run is
// reported as not measured rather than passed.
import { assuranceRows, type AssuranceResult } from './assurance-measure.js';
import type { SizeResult } from './run-size.js';
import { ms } from './stats.js';

export interface Target { target: string; measured: string; pass: boolean | null }

const P95_GOALS: Array<[number, number]> = [[1_000, 20], [20_000, 50], [100_000, 200]];
const RATIO_SIZE = 20_000;

export function evaluateTargets(sizes: SizeResult[], assurance: AssuranceResult, wallSeconds: number, fullRun: boolean): Target[] {
  const at = (assets: number) => sizes.find((s) => s.assets === assets);
  const out: Target[] = [];
  const big = at(100_000);
  out.push({
    target: 'import of the 100,000-asset estate ≤ 60 s and ≥ 20,000 nodes+relationships/s',
    measured: big ? `${big.import.seconds.toFixed(1)} s, ${big.import.perSecond.toLocaleString('en')} /s` : 'not run',
    pass: big ? big.import.seconds <= 60 && big.import.perSecond >= 20_000 : null,
  });
  for (const [assets, goal] of P95_GOALS) {
    const s = at(assets);
    const worst = s ? [...s.kinds].sort((a, b) => b.api.p95 - a.api.p95)[0]! : undefined;
    out.push({
      target: `what-if p95 at the API, ${assets.toLocaleString('en')} assets ≤ ${goal} ms (whole mix)`,
      measured: s ? `${ms(s.all.api.p95)} ms (slowest kind: ${worst!.kind} ${ms(worst!.api.p95)} ms)` : 'not run',
      pass: s ? s.all.api.p95 <= goal : null,
    });
  }
  const r = at(RATIO_SIZE);
  out.push({
    target: 'API latency ÷ in-process floor (b) at 20,000 ≤ 5× (median over changes)',
    measured: r ? `${r.all.floorRatio.toFixed(0)}× (inside Neo4j alone: ${(r.all.neo4j.p50 / r.all.floor.p50).toFixed(0)}×)` : 'not run',
    pass: r ? r.all.floorRatio <= 5 : null,
  });
  out.push({
    target: 'naive Cypher (a) ÷ API latency at 20,000 ≥ 20× (median over changes)',
    measured: r ? `${r.all.naiveRatio.toFixed(1)}×` : 'not run',
    pass: r ? r.all.naiveRatio >= 20 : null,
  });
  const biggest = at(100_000);
  out.push({
    target: 'one entity edit (asset, rule, zone) p95 at the API, 100,000 assets ≤ 50 ms',
    measured: biggest ? `${ms(biggest.edits.all.p95)} ms (p50 ${ms(biggest.edits.all.p50)} ms; ${biggest.edits.kinds.map((k) => `${k.kind} ${ms(k.put.p95)}`).join(', ')})` : 'not run',
    pass: biggest ? biggest.edits.all.p95 <= 50 : null,
  });
  out.push({
    target: 'one entity edit ≥ 100× faster than the whole-site rewrite, 20,000 assets (medians)',
    measured: r ? `${r.edits.ratio.toFixed(0)}× (${ms(r.edits.all.p50)} ms vs ${(r.edits.wholeSite.p50 / 1000).toFixed(1)} s)` : 'not run',
    pass: r ? r.edits.ratio >= 100 : null,
  });
  const sent = sizes.reduce((n, s) => n + s.concurrency.sent, 0);
  const accounted = sizes.reduce((n, s) => n + s.concurrency.applied + s.concurrency.refused, 0);
  const lost = sizes.reduce((n, s) => n + s.concurrency.lost, 0);
  out.push({
    target: '8 concurrent writers × 200 edits with If-Match: applied + refused = sent, 0 lost updates',
    measured: `${accounted.toLocaleString('en')} of ${sent.toLocaleString('en')} accounted for, ${lost} lost`,
    pass: sizes.length ? accounted === sent && lost === 0 : null,
  });
  // The assurance targets are stated at 100,000 assets: a smaller estate is measured, not judged.
  for (const { what, summary, target } of assuranceRows(assurance)) {
    out.push({
      target: `assurance: ${what} p95, 100,000 assets ≤ ${target.toLocaleString('en')} ms`,
      measured: `${ms(summary.p95)} ms (p50 ${ms(summary.p50)} ms, n ${summary.n}${assurance.assets === 100_000 ? '' : `, at ${assurance.assets.toLocaleString('en')} assets`})`,
      pass: assurance.assets === 100_000 ? summary.p95 <= target : null,
    });
  }
  const changes = sizes.reduce((n, s) => n + s.agreement.changes, 0);
  const agreed = sizes.reduce((n, s) => n + s.agreement.allThree, 0);
  out.push({ target: 'Interlock, (a) and (b) agree on 100% of changes', measured: `${agreed}/${changes}`, pass: agreed === changes });
  out.push({
    target: 'npm run bench end to end < 20 min (default sizes)',
    measured: `${(wallSeconds / 60).toFixed(1)} min${fullRun ? '' : ' (not the default sizes)'}`,
    pass: fullRun ? wallSeconds < 20 * 60 : null,
  });
  return out;
}

export const verdict = (t: Target) => (t.pass === null ? '–' : t.pass ? 'PASS' : 'MISS');
