// The board report on the reference plant as of 2026-12-31: the /report page draws every section
// with the API's figures; the PDF (GET /api/assurance/report.pdf and `npm run report`) is that
// page printed by Chromium, A4, one to three pages, and its text carries the same figures
// (pdftotext); without Chromium the route answers 503 naming what to install. Render times are
// printed, not asserted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { BANDS, TREATMENT_COLUMNS, type BoardReportT } from '../../server/assurance/report-schema.js';
import { referencePlant } from '../../server/site/reference-plant.js';
import { actAsAdminByDefault } from '../helpers/acting.js';
import { issueCliToken, runCliScript } from '../helpers/cli.js';
import { AS_OF, apiGet, chartDescription } from './helpers/assurance.js';
import { CLIENT_DIR, SCREENSHOTS, startExplorer, type Explorer } from './helpers/explorer.js';

const OUT = `${SCREENSHOTS}/../report`;
const PROFILE = 'caf-baseline';
let x: Explorer;
let report: BoardReportT;
beforeAll(async () => {
  x = await startExplorer(referencePlant(), { width: 1100, height: 1400 });
  report = await apiGet<BoardReportT>(x, `/api/assurance/report?asOf=${AS_OF}&profile=${PROFILE}`);
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => x?.close());

const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} %`);
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the /report page', () => {
  it('draws every section with the API\'s figures and says where they come from', async () => {
    const t0 = Date.now();
    await x.page.goto(`${x.base}/report?asOf=${AS_OF}&profile=${PROFILE}`);
    await x.page.waitForFunction(() => window.interlockReport?.ready === true, null, { timeout: 30_000 });
    console.info(`report page: drawn in ${await x.page.evaluate(() => window.interlockReport!.drawMs)} ms (${Date.now() - t0} ms with navigation)`);
    for (const id of ['report-compliance', 'report-caf', 'report-risks', 'report-evidence', 'report-safety']) {
      expect(await x.page.locator(`#${id} .report-source`).textContent(), id).toContain(`/api/assurance/report?asOf=${AS_OF}&profile=${PROFILE}`);
    }
    const compliance = await x.page.locator('#compliance-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-framework'), tr.getAttribute('data-domain'),
      ...[...tr.querySelectorAll('td')].slice(2).map((td) => td.textContent)]));
    expect(compliance).toEqual(report.frameworks.map((f) => [f.framework, f.domain, pct(f.compliance), f.maturity === null ? '–' : f.maturity.toFixed(1),
      ...[f.counts.met, f.counts.partial, f.counts['not-met'], f.counts.gap, f.assessable].map(String)]));
    expect(await chartDescription(x.page, '#compliance-chart')).toBe(`Compliance per framework and domain: ${report.frameworks.map((f) => `${f.framework} ${f.domain} ${pct(f.compliance)}`).join(', ')}`);
    const caf = await x.page.locator('#caf-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(caf).toEqual(report.caf.map((c) => [c.domain, `${c.meeting} of ${c.targets}`, String(c.ratings.achieved), String(c.ratings['partially-achieved']), String(c.ratings['not-achieved']), c.notMeeting.join(', ') || 'none']));
    for (const reg of report.risks) {
      const cells = await x.page.locator(`.report-register[data-register="${reg.register}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))));
      expect(cells, reg.register).toEqual(TREATMENT_COLUMNS.map((t) => BANDS.map((b) => reg.bands[b][t])));
      const gaps = await x.page.locator(`.report-register[data-register="${reg.register}"] [data-flag="JOINT-OWNERSHIP-GAP"]`).textContent();
      expect(gaps).toContain(`(${reg.flags['JOINT-OWNERSHIP-GAP'].length})`);
    }
    const evidence = await x.page.locator('#evidence-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)));
    expect(evidence).toEqual(report.evidence.map((e) => [e.domain, ...[e.fresh, e.due, e.expired, e.absent].map(String)]));
    expect(await x.page.locator('#safety-sifs tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sif')))).toEqual(report.safety.sifs.map((s) => s.sif));
    expect(await x.page.locator('#safety-risks tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-risk')))).toEqual(report.safety.risks.map((r) => r.risk));
    // The reference plant has no change request: the section says none were decided in the period.
    expect(report.safety.changes).toEqual({ from: '2026-10-03', to: AS_OF, changes: [] });
    expect(await x.page.locator('#safety-changes').textContent()).toContain('None: no change request whose findings name a SIF of SIL 2 or 3');
    await x.page.screenshot({ path: `${SCREENSHOTS}/60-board-report.png`, fullPage: true });
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});

describe('the PDF', () => {
  it('is the page printed by Chromium: A4, 1–3 pages, the same figures as the API', async () => {
    const t0 = Date.now();
    // Asked by the signed-in browser, with its session.
    const res = await x.page.request.get(`${x.base}/api/assurance/report.pdf?asOf=${AS_OF}&profile=${PROFILE}`);
    const pdf = await res.body();
    console.info(`PDF (first, browser cold): ${Date.now() - t0} ms, ${pdf.length} bytes`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = `${OUT}/board-report-${AS_OF}.pdf`;
    writeFileSync(file, pdf);
    const t1 = Date.now();
    expect((await x.page.request.get(`${x.base}/api/assurance/report.pdf?asOf=${AS_OF}&profile=${PROFILE}`)).status()).toBe(200);
    console.info(`PDF (again, browser warm): ${Date.now() - t1} ms`);
    const pages = pdfPages(file);
    console.info(`PDF pages: ${pages}`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const text = squash(pdfText(file));
    expect(text).toContain(`As of ${AS_OF}`);
    expect(text).toContain((await apiGet<{ name: string }>(x, '/api/assurance/site')).name);
    for (const f of report.frameworks) {
      // A long name may wrap onto the next line; the figures after it stay on one.
      expect(text, `${f.framework} ${f.domain}`).toContain(squash(`${f.domain} ${pct(f.compliance)} ${f.maturity?.toFixed(1) ?? '–'} ${f.counts.met} ${f.counts.partial} ${f.counts['not-met']} ${f.counts.gap} ${f.assessable}`));
    }
    for (const e of report.evidence) expect(text).toContain(`${e.domain} ${e.fresh} ${e.due} ${e.expired} ${e.absent} ${e.controlsWithoutCurrentEvidence.length}:`);
    for (const c of report.caf) expect(text).toContain(`${c.domain} ${c.meeting} of ${c.targets} ${c.ratings.achieved} ${c.ratings['partially-achieved']} ${c.ratings['not-achieved']}`);
    for (const reg of report.risks) {
      expect(text).toContain(`${reg.register} register — ${reg.risks} risk`);
      expect(text).toContain(`Open treatments (${reg.openTreatments.length})`);
    }
    for (const s of report.safety.sifs) expect(text).toContain(s.sif);
    for (const r of report.safety.risks) expect(text).toContain(r.risk);
  });

  it('refuses a bad date naming the field, and an unknown profile', async () => {
    // A date of the right shape that does not exist breaks a rule the schema cannot state: 422.
    const bad = await x.app.inject({ method: 'GET', url: '/api/assurance/report.pdf?asOf=2026-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('asOf');
    const unknown = await x.app.inject({ method: 'GET', url: `/api/assurance/report.pdf?asOf=${AS_OF}&profile=no-such-profile` });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.stringify(unknown.json().errors)).toContain('profile');
  });

  it('answers 503 naming what to install when Chromium is missing', async () => {
    const before = process.env.INTERLOCK_CHROMIUM;
    process.env.INTERLOCK_CHROMIUM = '/nonexistent/chromium';
    const app = await buildApp({ db: x.db, clientDir: CLIENT_DIR });
    actAsAdminByDefault(app);
    try {
      const res = await app.inject({ method: 'GET', url: `/api/assurance/report.pdf?asOf=${AS_OF}` });
      expect(res.statusCode).toBe(503);
      const body = res.json() as { code: string; message: string };
      expect(body.code).toBe('INTERLOCK_PDF_UNAVAILABLE');
      expect(body.message).toContain('apt-get install chromium');
    } finally {
      if (before === undefined) delete process.env.INTERLOCK_CHROMIUM;
      else process.env.INTERLOCK_CHROMIUM = before;
      await app.close();
    }
  });

  it('npm run report writes the same PDF from a running server (--url) and straight from Neo4j, and refuses bad arguments by name', async () => {
    const file = `${OUT}/board-cli.pdf`;
    await issueCliToken(x.db);
    const t0 = Date.now();
    const run = await runCliScript('report', `--as-of ${AS_OF} --out ${file} --url ${x.base}`);
    console.info(`npm run report --url: ${Date.now() - t0} ms`);
    expect(run.stderr).toContain(file);
    expect(run.code).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(squash(pdfText(file))).toContain(`As of ${AS_OF}`);
    // Without --url: straight from Neo4j, the built page printed in-process.
    const local = `${OUT}/board-cli-local.pdf`;
    const t1 = Date.now();
    const direct = await runCliScript('report', `--as-of ${AS_OF} --out ${local}`);
    console.info(`npm run report (no --url): ${Date.now() - t1} ms`);
    expect(direct.code, direct.stderr).toBe(0);
    const figures = (f: string) => squash(pdfText(f)).replace(/Drawn .*? UTC from \S+/, 'Drawn');
    expect(figures(local)).toBe(figures(file));
    const bad = await runCliScript('report', '--as-of 2026-13-01 --out x.pdf');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--as-of');
    const noOut = await runCliScript('report', `--as-of ${AS_OF}`);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('--out');
  }, 240_000);
});
