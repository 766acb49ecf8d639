// Writes the run: latest.json (everything measured), latest.md (the tables the README shows)
// and latency.svg, under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assuranceTable, type AssuranceResult } from './assurance-measure.js';
import type { MemoryPeak } from './memory.js';
import type { ColdStart } from './cold-start.js';
import { latencySvg } from './plot.js';
import type { SizeResult } from './run-size.js';
import { ms } from './stats.js';
import { verdict, type Target } from './targets.js';

export interface BenchResult {
  startedAt: string;
  wallSeconds: number;
  machine: { description: string; cpus: number; cpuModel: string; memoryGb: number; node: string; os: string; loadAverage: { start: number[]; end: number[] } };
  neo4j: Record<string, string | number>;
  coldStart: ColdStart;
  nodeMemoryPeak: MemoryPeak;
  sizes: SizeResult[];
  assurance: AssuranceResult;
  targets: Target[];
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

export function targetsTable(targets: Target[]): string {
  return [row(['target', 'measured', '']), row(['---', '---', '---']), ...targets.map((t) => row([t.target, t.measured, verdict(t)]))].join('\n');
}

export function markdown(r: BenchResult): string {
  const s = r.sizes;
  const lines = [
    `Run ${r.startedAt}, ${(r.wallSeconds / 60).toFixed(1)} min end to end, on ${r.machine.description}.`,
    `Load average (1, 5, 15 min) at start ${r.machine.loadAverage.start.join(', ')}, at end ${r.machine.loadAverage.end.join(', ')}.`,
    `Neo4j: ${Object.entries(r.neo4j).map(([k, v]) => `${k} ${v}`).join(', ')}. Node peak RSS ${r.nodeMemoryPeak.rssMb} MB, peak heap used ${r.nodeMemoryPeak.heapUsedMb} MB.`,
    '',
    '**Targets**',
    '',
    targetsTable(r.targets),
    '',
    '**Import** (replace, one transaction, through `importSite`: validation, transform, load, commit)',
    '',
    row(['assets', 'nodes', 'relationships', 'seconds', 'nodes+rels/s']),
    row(['---:', '---:', '---:', '---:', '---:']),
    ...s.map((x) => row([x.assets.toLocaleString('en'), x.import.nodes.toLocaleString('en'), x.import.relationships.toLocaleString('en'), x.import.seconds.toFixed(1), x.import.perSecond.toLocaleString('en')])),
    '',
    `Each size replaces the previous, smaller estate. Before them, the first import after Neo4j started (${r.coldStart.assets.toLocaleString('en')} assets, ` +
      `${r.coldStart.nodesAndRelationships.toLocaleString('en')} nodes and relationships) took ${r.coldStart.seconds.toFixed(1)} s: query planning and a cold JVM, paid once per start.`,
    '',
    '**What-if latency, ms** (API = HTTP round trip of POST /api/impact; Neo4j = time Neo4j reports for the same requests; (b) = in-process floor; (a) = naive Cypher)',
    '',
    row(['assets', 'kind', 'changes', 'findings', 'API p50', 'API p95', 'API p99', 'Neo4j p50', 'Neo4j p95', '(b) p50', '(a) p50', 'API÷(b)', '(a)÷API']),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...s.flatMap((x) => [...x.kinds, { kind: '**all**', ...x.all }].map((k) => row([
      x.assets.toLocaleString('en'), k.kind, k.changes, k.findingsMean.toFixed(1), ms(k.api.p50), ms(k.api.p95), ms(k.api.p99),
      ms(k.neo4j.p50), ms(k.neo4j.p95), ms(k.floor.p50), ms(k.naive.p50), `${k.floorRatio.toFixed(0)}×`, `${k.naiveRatio.toFixed(1)}×`,
    ]))),
    '',
    '**Edits, ms** (PUT with If-Match over HTTP after a GET for the ETag; only the entity and what depends on it is read, validated and written. Whole site = export, validate and rewrite every entity, as every edit once did)',
    '',
    row(['assets', 'asset p50', 'asset p95', 'rule p50', 'rule p95', 'zone p50', 'zone p95', 'all p95', 'whole site p50', 'ratio']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...s.map((x) => row([
      x.assets.toLocaleString('en'), ...x.edits.kinds.flatMap((k) => [ms(k.put.p50), ms(k.put.p95)]), ms(x.edits.all.p95),
      `${(x.edits.wholeSite.p50 / 1000).toFixed(1)} s`, `${x.edits.ratio.toFixed(0)}×`,
    ])),
    '',
    '**Concurrent writers** (8 × 200 edits of 16 zones, GET then PUT with If-Match; lost = applied edits the journal or the final state does not show)',
    '',
    row(['assets', 'sent', 'applied', 'refused (412)', 'other', 'lost', 'seconds']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...s.map((x) => row([x.assets.toLocaleString('en'), x.concurrency.sent, x.concurrency.applied, x.concurrency.refused, x.concurrency.other, x.concurrency.lost, x.concurrency.seconds.toFixed(1)])),
    '',
    '**Agreement** (finding id and severity; (a) on every rule but FW-SHADOWED and FW-EXPOSES-SAFETY-ZONE)',
    '',
    row(['assets', 'changes', 'agree with (b)', 'agree with (a)', 'all three']),
    row(['---:', '---:', '---:', '---:', '---:']),
    ...s.map((x) => row([x.assets.toLocaleString('en'), x.agreement.changes, x.agreement.withFloor, x.agreement.withNaive, x.agreement.allThree])),
    '',
    `**Assurance** (${r.assurance.assets.toLocaleString('en')} assets: ${r.assurance.estate.controls} controls, ${r.assurance.estate.evidence} evidence items, ${r.assurance.estate.requirements} requirements; through HTTP, as of ${r.assurance.asOf})`,
    '',
    assuranceTable(r.assurance),
  ];
  return `${lines.join('\n')}\n`;
}

export function writeResults(dir: string, r: BenchResult): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), markdown(r));
  writeFileSync(join(dir, 'latency.svg'), latencySvg(r.sizes, `${r.machine.description}; ${r.startedAt}`));
}
