// `npm run bench:assurance [-- --assets 100000 --seed 1 --repeats 20 --out DIR]`: the assurance
// engine on a generated estate with the full catalogues and its ~1,000-control baseline, through
// the HTTP API: the board report's numbers, one requirement's status with why, and assessing a
// control then reading the changed compliance back. Progress on stderr, the table on stdout,
// results in bench/results/assurance.{json,md}. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { generateEstate } from '../server/generate/estate.js';
import { createRng } from '../server/generate/random.js';
import { importSite } from '../server/site/import-site.js';
import { openBenchDatabase } from './database.js';
import { benchCredentials, serve, type Served } from './serve.js';
import { log } from './progress.js';
import { ms, summarize, type Summary } from './stats.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const AS_OF = '2026-09-30';
const TARGETS = { report: 1_000, requirement: 50, assess: 100 } as const;

async function timed(base: string, path: string, init: RequestInit = {}): Promise<{ ms: number; status: number; body: unknown; etag: string | null }> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { ...init, headers: { ...benchCredentials(), ...(init.headers as Record<string, string> | undefined) } });
  const body = await res.json();
  const elapsed = performance.now() - started;
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: elapsed, status: res.status, body, etag: res.headers.get('etag') };
}

async function main(): Promise<void> {
  const opts = new Command('bench:assurance')
    .option('--assets <n>', 'estate size in assets', '100000')
    .option('--seed <n>', 'seed of the estate and of the samples', '1')
    .option('--repeats <n>', 'timed requests per measure', '20')
    .option('--out <dir>', 'results directory', RESULTS_DIR)
    .option('--reuse', 'with NEO4J_URI: measure the estate already there when it is the same one')
    .parse(process.argv).opts<{ assets: string; seed: string; repeats: string; out: string; reuse?: boolean }>();
  const [assets, seed, repeats] = [Number(opts.assets), Number(opts.seed), Math.max(5, Number(opts.repeats))];
  const database = await openBenchDatabase(assets);
  let served: Served | undefined;
  try {
    log(`estate of ${assets} assets (seed ${seed}): generating`);
    const doc = generateEstate({ assets, seed });
    const [stored] = await database.client.read('site/site-info');
    // --reuse: a database (NEO4J_URI) already holding this very estate is measured as it is.
    const imported = opts.reuse && stored?.props?.id === doc.site!.id ? null : await importSite(database.client, doc, 'replace', { actor: 'bench' });
    log(`  ${imported ? `imported ${imported.nodes} nodes, ${imported.relationships} relationships in ${(imported.ms / 1000).toFixed(1)} s` : 'already in the database'}; ${doc.controls.length} controls, ${doc.evidence.length} evidence items, ${doc.requirements.length} requirements, ${doc.risks.length} risks, ${doc.zones.length} zones`);
    // Built after the import: its start-up integrity check then judges the estate once.
    served = await serve(database.client, { pluginTimeout: 300_000 });
    const { base } = served;
    const rng = createRng(seed);

    log('board report: 3 warm-ups, then timed');
    const reportPath = `/api/assurance/report?asOf=${AS_OF}&profile=caf-baseline`;
    for (let i = 0; i < 3; i++) await timed(base, reportPath);
    const report: number[] = [];
    for (let i = 0; i < repeats; i++) report.push((await timed(base, reportPath)).ms);

    const assessable = doc.requirements.filter((r) => r.assessable);
    const sample = rng.sample(assessable, Math.min(40, assessable.length));
    log(`one requirement with why: ${sample.length} requirements, one warm-up pass, then ${Math.ceil(repeats / 5)} timed passes`);
    for (const r of sample) await timed(base, `/api/assurance/requirements/${r.id}?asOf=${AS_OF}`);
    const requirement: number[] = [];
    for (let pass = 0; pass < Math.ceil(repeats / 5); pass++) for (const r of rng.shuffle([...sample])) requirement.push((await timed(base, `/api/assurance/requirements/${r.id}?asOf=${AS_OF}`)).ms);

    // Assess a plant's own boundary control (it satisfies SR 5.1–5.4) and read IEC 62443-3-3's compliance back.
    const controls = doc.controls.filter((c) => c.id.endsWith('-ctrl-boundary'));
    log(`assess one control and read the changed compliance back: ${repeats} controls`);
    const assess: number[] = [];
    const moved: number[] = [];
    for (let i = 0; i < repeats + 3; i++) {
      const control = rng.pick(controls);
      const read = await timed(base, `/api/assurance/controls/${control.id}?asOf=${AS_OF}`);
      const status = i % 2 === 0 ? 'not-implemented' : 'implemented';
      const started = performance.now();
      await timed(base, `/api/assurance/controls/${control.id}/assessments/OT`, {
        method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': read.etag! },
        body: JSON.stringify({ status, maturity: 3, assessor: 'bench', assessedOn: AS_OF }),
      });
      const summary = await timed(base, `/api/assurance/frameworks/fw-iec62443-3-3/summary?asOf=${AS_OF}`);
      if (i >= 3) assess.push(performance.now() - started);
      moved.push((summary.body as Array<{ compliance: number }>)[0]!.compliance);
    }

    // Where the time goes inside Neo4j, per query, for one of each request.
    const breakdown: Record<string, Record<string, number>> = {};
    for (const [name, path] of [['report', reportPath], ['requirement', `/api/assurance/requirements/${sample[0]!.id}?asOf=${AS_OF}`]] as const) {
      const per: Record<string, number> = {};
      database.client.queryTimer = (query, took) => { per[query] = (per[query] ?? 0) + took; };
      await timed(base, path);
      database.client.queryTimer = undefined;
      breakdown[name] = Object.fromEntries(Object.entries(per).sort(([, a], [, b]) => b - a));
      log(`  inside Neo4j for one ${name}: ${Object.entries(breakdown[name]!).map(([q, t]) => `${q} ${t} ms`).join(', ')}`);
    }

    {
      const per: Record<string, number> = {};
      const control = controls[0]!;
      const read = await timed(base, `/api/assurance/controls/${control.id}?asOf=${AS_OF}`);
      database.client.queryTimer = (query, took) => { per[query] = (per[query] ?? 0) + took; };
      await timed(base, `/api/assurance/controls/${control.id}/assessments/OT`, {
        method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': read.etag! },
        body: JSON.stringify({ status: 'partial', maturity: 2, assessor: 'bench', assessedOn: AS_OF }),
      });
      await timed(base, `/api/assurance/frameworks/fw-iec62443-3-3/summary?asOf=${AS_OF}`);
      database.client.queryTimer = undefined;
      breakdown.assess = Object.fromEntries(Object.entries(per).sort(([, a], [, b]) => b - a));
      log(`  inside Neo4j for one assessment and read-back: ${Object.entries(breakdown.assess).map(([q, t]) => `${q} ${t} ms`).join(', ')}`);
    }

    const load = loadavg().map((x) => x.toFixed(1)).join(', ');
    const results = { assets, cpus: cpus().length, loadAverage: load, breakdown, seed, asOf: AS_OF, estate: { controls: doc.controls.length, evidence: doc.evidence.length, requirements: doc.requirements.length, risks: doc.risks.length, zones: doc.zones.length, assets: doc.assets.length },
      report: summarize(report), requirement: summarize(requirement), assess: summarize(assess), complianceSeen: [...new Set(moved)].length };
    const rows: Array<[string, Summary, number]> = [
      ['board report numbers (GET /api/assurance/report)', results.report, TARGETS.report],
      ['one requirement with why (GET /api/assurance/requirements/:id)', results.requirement, TARGETS.requirement],
      ['assess one control + read the changed compliance back (PUT, then GET summary)', results.assess, TARGETS.assess],
    ];
    const table = ['| measure | n | p50 ms | p95 ms | target p95 | |', '|---|---:|---:|---:|---:|---|',
      ...rows.map(([what, s, target]) => `| ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ≤ ${target} | ${s.p95 <= target ? 'PASS' : 'MISS'} |`)].join('\n');
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, 'assurance.json'), `${JSON.stringify({ startedAt: new Date().toISOString(), ...results }, null, 2)}\n`);
    const inside = Object.entries(breakdown).map(([what, per]) => `- ${what}: ${Object.entries(per).slice(0, 6).map(([q, t]) => `${q} ${t} ms`).join(', ')}`).join('\n');
    writeFileSync(join(opts.out, 'assurance.md'), `${assets.toLocaleString('en')} assets, ${results.estate.controls} controls, ${results.estate.evidence} evidence items, ${results.estate.requirements} requirements, ` +
      `${results.estate.zones} zones, ${results.estate.risks} risks; ${results.cpus} cores, load average (1, 5, 15 min) at the end ${load}.\n\n${table}\n\nInside Neo4j, one request of each (the slowest queries):\n\n${inside}\n`);
    process.stdout.write(`\n${table}\n`);
    if (rows.some(([, s, target]) => s.p95 > target)) process.exitCode = 2;
  } finally {
    await served?.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:assurance failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
