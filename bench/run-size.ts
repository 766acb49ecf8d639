// One estate size, end to end: generate, import through the product's import, build the
// in-process reference, draw the change mix, measure, compare, summarise.
import type { DbClient } from '../server/db/client.js';
import { generateEstate } from '../server/generate/estate.js';
import { validateSite } from '../server/model/validate-site.js';
import { EstateIndex } from '../server/oracle/estate-index.js';
import { importSite } from '../server/site/import-site.js';
import { buildMix, KINDS } from './change-mix.js';
import { measureConcurrentEdits, type ConcurrencyResult } from './concurrent-edits.js';
import { measureEdits, type EditResults } from './edits.js';
import { compareChange, type Disagreement } from './compare.js';
import { measureMix, type ChangeRun } from './measure.js';
import { log } from './progress.js';
import { percentile, summarize, type Summary } from './stats.js';

export interface KindResult {
  kind: string;
  changes: number;
  findingsMean: number;
  api: Summary; neo4j: Summary; floor: Summary; naive: Summary; naiveNeo4j: Summary;
  /** Median over the kind's changes of (API latency / in-process floor) and (naive / API). */
  floorRatio: number;
  naiveRatio: number;
}

export interface SizeResult {
  assets: number;
  seed: number;
  estate: Record<string, number>;
  generateSeconds: number;
  referenceBuildMs: number;
  import: { seconds: number; nodes: number; relationships: number; perSecond: number };
  changesPerKind: number;
  repeats: number;
  kinds: KindResult[];
  all: Omit<KindResult, 'kind'>;
  agreement: { changes: number; withFloor: number; withNaive: number; allThree: number; disagreements: Disagreement[] };
  edits: EditResults;
  concurrency: ConcurrencyResult;
}

export interface SizeOptions { assets: number; seed: number; perKind: number; repeats: number; floorRepeats: number }

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

function kindResult(kind: string, runs: ChangeRun[]): KindResult {
  const apiMedian = runs.map((r) => median(r.api));
  return {
    kind,
    changes: runs.length,
    findingsMean: runs.reduce((s, r) => s + r.findings, 0) / Math.max(1, runs.length),
    api: summarize(runs.flatMap((r) => r.api)),
    neo4j: summarize(runs.flatMap((r) => r.neo4j)),
    floor: summarize(runs.flatMap((r) => r.floor)),
    naive: summarize(runs.map((r) => r.naive)),
    naiveNeo4j: summarize(runs.map((r) => r.naiveNeo4j)),
    floorRatio: median(runs.map((r, i) => apiMedian[i]! / median(r.floor))),
    naiveRatio: median(runs.map((r, i) => r.naive / apiMedian[i]!)),
  };
}

export async function runSize(db: DbClient, o: SizeOptions): Promise<SizeResult> {
  log(`estate of ${o.assets} assets (seed ${o.seed}): generating`);
  let started = performance.now();
  const doc = generateEstate({ assets: o.assets, seed: o.seed });
  const generateSeconds = (performance.now() - started) / 1000;

  log('  importing through importSite (replace), one transaction');
  const imported = await importSite(db, doc, 'replace', {
    actor: 'bench',
    onProgress: (p) => {
      if (p.total >= 10_000 && p.done === p.total) log(`    ${p.step}: ${p.total} rows loaded`);
    },
  });
  const seconds = imported.ms / 1000;
  const perSecond = Math.round((imported.nodes + imported.relationships) / seconds);
  log(`  imported ${imported.nodes} nodes and ${imported.relationships} relationships in ${seconds.toFixed(1)} s (${perSecond} /s)`);

  started = performance.now();
  const checked = validateSite(doc);
  if (!checked.ok) throw new Error('generated estate is invalid');
  const ix = new EstateIndex(checked.site);
  const referenceBuildMs = performance.now() - started;
  const mix = buildMix(ix, o.perKind, o.seed);
  log(`  ${mix.length} changes (${o.perKind} per kind); in-process reference built in ${referenceBuildMs.toFixed(0)} ms`);

  const runs = await measureMix(db, ix, mix, { warmups: 3, repeats: o.repeats, floorRepeats: o.floorRepeats, seed: o.seed });
  const disagreements = runs.flatMap((r, i) => compareChange(i, r.kind, r.answers.engine, r.answers.floor, r.answers.naive));
  const bad = (against: string) => new Set(disagreements.filter((d) => d.against === against).map((d) => d.change)).size;
  log(`  agreement: ${runs.length - bad('floor')}/${runs.length} with (b), ${runs.length - bad('naive')}/${runs.length} with (a)`);

  // The whole-site rewrite takes tens of seconds at 100,000 assets: one sample there.
  const edits = await measureEdits(db, checked.site, { perKind: 40, wholeSite: o.assets >= 100_000 ? 1 : 3, seed: o.seed });
  log(`  edits: p50 ${edits.all.p50.toFixed(1)} ms, p95 ${edits.all.p95.toFixed(1)} ms; whole-site rewrite p50 ${(edits.wholeSite.p50 / 1000).toFixed(1)} s (${edits.ratio.toFixed(0)}×)`);
  const concurrency = await measureConcurrentEdits(db, checked.site.zones.map((z) => z.id));
  log(`  concurrent edits: ${concurrency.applied} applied + ${concurrency.refused} refused (412) of ${concurrency.sent}, ${concurrency.lost} lost, in ${concurrency.seconds.toFixed(1)} s`);

  const { kind: _all, ...all } = kindResult('all', runs);
  return {
    assets: o.assets, seed: o.seed,
    estate: { nodes: imported.nodes, relationships: imported.relationships, ...imported.counts },
    generateSeconds, referenceBuildMs,
    import: { seconds, nodes: imported.nodes, relationships: imported.relationships, perSecond },
    changesPerKind: o.perKind, repeats: o.repeats,
    kinds: KINDS.map((k) => kindResult(k, runs.filter((r) => r.kind === k))),
    all,
    agreement: {
      changes: runs.length, withFloor: runs.length - bad('floor'), withNaive: runs.length - bad('naive'),
      allThree: runs.length - new Set(disagreements.map((d) => d.change)).size, disagreements: disagreements.slice(0, 20),
    },
    edits,
    concurrency,
  };
}
