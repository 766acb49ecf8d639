// The assurance engine's three measures on an estate already in the database, through the HTTP
// API as a governance lead's tool would call it: the board report's numbers, one requirement's
// status with why, and assessing a control then reading the changed compliance back. Shared by
// `npm run bench` (on its largest estate) and `npm run bench:assurance`.
import type { DbClient } from '../server/db/client.js';
import { createRng } from '../server/generate/random.js';
import type { SiteDocument } from '../server/model/site-schema.js';
import { call, serve } from './serve.js';
import { log } from './progress.js';
import { ms, summarize, type Summary } from './stats.js';

export const ASSURANCE_AS_OF = '2026-09-30';
export const ASSURANCE_TARGETS = { report: 1_000, requirement: 50, assess: 100 } as const;

export interface AssuranceResult {
  assets: number;
  seed: number;
  asOf: string;
  estate: { controls: number; evidence: number; requirements: number; risks: number; zones: number; assets: number };
  report: Summary;
  requirement: Summary;
  assess: Summary;
  /** The assessment's two requests apart: the PUT, and the summary read after it. */
  assessParts: { put: Summary; readBack: Summary };
  /** Distinct compliance figures read back: the assessments did move the summary. */
  complianceSeen: number;
  /** Time inside Neo4j per query, for one request of each measure. */
  breakdown: Record<string, Record<string, number>>;
}

/** A call the measure cannot go on without: a refusal stops the benchmark with what it said. */
async function timed(base: string, path: string, method: 'GET' | 'PUT' = 'GET', body?: unknown, headers?: Record<string, string>) {
  const res = await call(base, method, path, body, headers);
  if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res;
}

/** The control's ETag (its version), as a client reads it before assessing. */
const versionOf = async (base: string, control: string) => (await timed(base, `/api/assurance/controls/${control}?asOf=${ASSURANCE_AS_OF}`)).etag;

/** PUT of one control's OT assessment over the version read. */
const putAssessment = (base: string, control: string, etag: string, status: string, maturity: number) =>
  timed(base, `/api/assurance/controls/${control}/assessments/OT`, 'PUT',
    { status, maturity, assessor: 'bench', assessedOn: ASSURANCE_AS_OF }, { 'if-match': etag });

const SUMMARY = `/api/assurance/frameworks/fw-iec62443-3-3/summary?asOf=${ASSURANCE_AS_OF}`;

export async function measureAssurance(client: DbClient, doc: SiteDocument, o: { seed: number; repeats: number }): Promise<AssuranceResult> {
  // Built after the import: its start-up integrity check then judges the estate once.
  const served = await serve(client, { pluginTimeout: 300_000 });
  try {
    const { base } = served;
    const rng = createRng(o.seed);

    log('assurance: the board report, 3 warm-ups, then timed');
    const reportPath = `/api/assurance/report?asOf=${ASSURANCE_AS_OF}&profile=caf-baseline`;
    for (let i = 0; i < 3; i++) await timed(base, reportPath);
    const report: number[] = [];
    for (let i = 0; i < o.repeats; i++) report.push((await timed(base, reportPath)).ms);

    const assessable = doc.requirements.filter((r) => r.assessable);
    const sample = rng.sample(assessable, Math.min(40, assessable.length));
    const passes = Math.ceil(o.repeats / 5);
    log(`assurance: one requirement with why, ${sample.length} requirements, one warm-up pass, then ${passes} timed passes`);
    for (const r of sample) await timed(base, `/api/assurance/requirements/${r.id}?asOf=${ASSURANCE_AS_OF}`);
    const requirement: number[] = [];
    for (let pass = 0; pass < passes; pass++) for (const r of rng.shuffle([...sample])) requirement.push((await timed(base, `/api/assurance/requirements/${r.id}?asOf=${ASSURANCE_AS_OF}`)).ms);

    // A plant's own boundary control (it satisfies SR 5.1–5.4): assessed, then IEC 62443-3-3's compliance read back.
    const controls = doc.controls.filter((c) => c.id.endsWith('-ctrl-boundary'));
    log(`assurance: assess one control and read the changed compliance back, ${o.repeats} controls after 3 warm-ups`);
    const assessed: number[] = [];
    const parts = { put: [] as number[], readBack: [] as number[] };
    const moved = new Set<number>();
    for (let i = 0; i < o.repeats + 3; i++) {
      const control = rng.pick(controls).id;
      const etag = await versionOf(base, control);
      const started = performance.now();
      const put = await putAssessment(base, control, etag, i % 2 === 0 ? 'not-implemented' : 'implemented', 3);
      const summary = await timed(base, SUMMARY);
      if (i >= 3) {
        assessed.push(performance.now() - started);
        parts.put.push(put.ms);
        parts.readBack.push(summary.ms);
      }
      moved.add((summary.body as unknown as Array<{ compliance: number }>)[0]!.compliance);
    }

    const [put, back] = [summarize(parts.put), summarize(parts.readBack)];
    log(`  the PUT p50 ${ms(put.p50)} ms, p95 ${ms(put.p95)} ms; the summary read after it p50 ${ms(back.p50)} ms, p95 ${ms(back.p95)} ms`);

    // Where the time goes inside Neo4j, per query, for one request of each measure.
    const breakdown: Record<string, Record<string, number>> = {};
    const inside = async (name: string, run: () => Promise<unknown>) => {
      const per: Record<string, number> = {};
      client.queryTimer = (query, took) => { per[query] = (per[query] ?? 0) + took; };
      await run();
      client.queryTimer = undefined;
      breakdown[name] = Object.fromEntries(Object.entries(per).sort(([, a], [, b]) => b - a));
      log(`  inside Neo4j for one ${name}: ${Object.entries(breakdown[name]!).slice(0, 8).map(([q, t]) => `${q} ${t} ms`).join(', ')}`);
    };
    await inside('report', () => timed(base, reportPath));
    await inside('requirement', () => timed(base, `/api/assurance/requirements/${sample[0]!.id}?asOf=${ASSURANCE_AS_OF}`));
    const etag = await versionOf(base, controls[0]!.id);
    await inside('assessment and read-back', async () => {
      await putAssessment(base, controls[0]!.id, etag, 'partial', 2);
      await timed(base, SUMMARY);
    });

    return {
      assets: doc.assets.length, seed: o.seed, asOf: ASSURANCE_AS_OF,
      estate: { controls: doc.controls.length, evidence: doc.evidence.length, requirements: doc.requirements.length, risks: doc.risks.length, zones: doc.zones.length, assets: doc.assets.length },
      report: summarize(report), requirement: summarize(requirement), assess: summarize(assessed),
      assessParts: { put, readBack: back }, complianceSeen: moved.size, breakdown,
    };
  } finally {
    await served.close();
  }
}

/** The three measures against their targets. */
export function assuranceRows(r: AssuranceResult): Array<{ what: string; summary: Summary; target: number }> {
  return [
    { what: 'board report numbers (GET /api/assurance/report)', summary: r.report, target: ASSURANCE_TARGETS.report },
    { what: 'one requirement with why (GET /api/assurance/requirements/:id)', summary: r.requirement, target: ASSURANCE_TARGETS.requirement },
    { what: 'assess one control + read the changed compliance back (PUT, then GET summary)', summary: r.assess, target: ASSURANCE_TARGETS.assess },
  ];
}

export function assuranceTable(r: AssuranceResult): string {
  return ['| measure | n | p50 ms | p95 ms | target p95 | |', '|---|---:|---:|---:|---:|---|',
    ...assuranceRows(r).map(({ what, summary: s, target }) => `| ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ≤ ${target} | ${s.p95 <= target ? 'PASS' : 'MISS'} |`)].join('\n');
}

/** The run as the README shows it: the estate, the machine, the table and the slowest queries. */
export function assuranceMarkdown(r: AssuranceResult, machine: { cpus: number; load: string }): string {
  const e = r.estate;
  const inside = Object.entries(r.breakdown).map(([what, per]) => `- ${what}: ${Object.entries(per).slice(0, 6).map(([q, t]) => `${q} ${t} ms`).join(', ')}`).join('\n');
  return `${r.assets.toLocaleString('en')} assets, ${e.controls} controls, ${e.evidence} evidence items, ${e.requirements} requirements, ${e.zones} zones, ${e.risks} risks; ` +
    `${machine.cpus} cores, load average (1, 5, 15 min) at the end ${machine.load}.\n\n${assuranceTable(r)}\n\nInside Neo4j, one request of each (the slowest queries):\n\n${inside}\n`;
}
