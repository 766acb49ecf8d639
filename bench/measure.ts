// Runs one estate's change mix three ways and times each: Interlock through its HTTP API (with
// the time Neo4j reports for the same requests), the in-process reference (b) and the naive
// Cypher reference (a). Every answer is kept for the agreement check.
import type { DbClient } from '../server/db/client.js';
import { createRng } from '../server/generate/random.js';
import { ImpactRequest, type ImpactResponse } from '../server/impact/change-schema.js';
import { referenceFindings } from '../server/oracle/oracle-findings.js';
import type { EstateIndex } from '../server/oracle/estate-index.js';
import type { Comparable } from '../server/oracle/finding-rules.js';
import type { BenchChange } from './change-mix.js';
import { engineComparables } from './compare.js';
import { naiveFindings } from './naive-cypher.js';
import { counter, log } from './progress.js';
import { benchCredentials, serve } from './serve.js';

export interface ChangeRun {
  kind: string;
  findings: number;
  /** Per repetition, ms. */
  api: number[];
  neo4j: number[];
  floor: number[];
  naive: number;
  naiveNeo4j: number;
  answers: { engine: Comparable[]; floor: Comparable[]; naive: Comparable[] };
}

export interface MeasureOptions { warmups: number; repeats: number; floorRepeats: number; seed: number }

async function post(base: string, body: unknown): Promise<ImpactResponse> {
  const res = await fetch(`${base}/api/impact`, { method: 'POST', headers: { 'content-type': 'application/json', ...benchCredentials() }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`POST /api/impact answered ${res.status}: ${JSON.stringify(json).slice(0, 500)} for ${JSON.stringify(body)}`);
  return json as ImpactResponse;
}

/** Wall time of `work`, and the time Neo4j reports for the queries it ran (the server is in this process). */
async function timeIt<T>(db: DbClient, work: () => Promise<T>): Promise<{ value: T; ms: number; neo4jMs: number }> {
  let neo4jMs = 0;
  db.queryTimer = (_name, ms) => { neo4jMs += ms; };
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, neo4jMs };
  } finally {
    db.queryTimer = undefined;
  }
}

export async function measureMix(db: DbClient, ix: EstateIndex, mix: BenchChange[], options: MeasureOptions): Promise<ChangeRun[]> {
  const runs: ChangeRun[] = mix.map((c) => ({ kind: c.kind, findings: 0, api: [], neo4j: [], floor: [], naive: NaN, naiveNeo4j: NaN, answers: { engine: [], floor: [], naive: [] } }));
  const served = await serve(db);
  const base = served.base;
  try {
    log(`  API: ${options.warmups} warm-up passes over ${mix.length} changes (plans compile, the JIT warms; first answers kept)`);
    for (let w = 0; w < options.warmups; w++) {
      for (const [i, c] of mix.entries()) {
        const answer = await post(base, c.body);
        if (w > 0) continue;
        runs[i]!.findings = answer.findings.length;
        runs[i]!.answers.engine = engineComparables(answer);
      }
    }
    const rng = createRng(options.seed);
    const tick = counter('API requests', mix.length * options.repeats);
    let done = 0;
    for (let r = 0; r < options.repeats; r++) {
      // A fresh order each pass, so no change always follows the same neighbour.
      for (const i of rng.shuffle(mix.map((_, k) => k))) {
        const timed = await timeIt(db, () => post(base, mix[i]!.body));
        runs[i]!.api.push(timed.ms);
        runs[i]!.neo4j.push(timed.neo4jMs);
        tick(++done);
      }
    }
  } finally {
    await served.close();
  }

  log(`  in-process reference (b): ${options.floorRepeats} runs per change`);
  for (const [i, c] of mix.entries()) {
    const request = ImpactRequest.parse(c.body);
    runs[i]!.answers.floor = referenceFindings(ix, request);
    for (let r = 0; r < options.floorRepeats; r++) {
      const started = performance.now();
      referenceFindings(ix, request);
      runs[i]!.floor.push(performance.now() - started);
    }
  }

  log('  naive Cypher reference (a): one warm-up per kind, then each change once');
  const warmed = new Set<string>();
  const tick = counter('naive changes', mix.length, 20_000);
  for (const [i, c] of mix.entries()) {
    const request = ImpactRequest.parse(c.body);
    if (!warmed.has(c.kind)) {
      warmed.add(c.kind);
      await naiveFindings(db, request);
    }
    const timed = await timeIt(db, () => naiveFindings(db, request));
    runs[i]!.answers.naive = timed.value;
    runs[i]!.naive = timed.ms;
    runs[i]!.naiveNeo4j = timed.neo4jMs;
    tick(i + 1);
  }
  return runs;
}
