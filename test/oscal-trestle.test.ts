// OSCAL checked by an independent implementation: compliance-trestle (installed from PyPI by
// test/oscal/setup.sh into a git-ignored virtual environment) must load the assessment-results
// Interlock exports for the reference plant, and Interlock must import a catalog trestle writes.
// Without Python's venv or PyPI the setup fails and says why, and so does this test.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencePlant } from '../server/site/reference-plant.js';
import { useApp } from './helpers/app.js';
import { runCliScript } from './helpers/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'interlock-oscal-'));
const python = 'test/oscal/.venv/bin/python';
const trestle = async (...args: string[]) => (await run(python, ['test/oscal/trestle_roundtrip.py', ...args])).stdout;

const ctx = useApp(referencePlant);
beforeAll(async () => {
  try {
    await run('bash', ['test/oscal/setup.sh'], { timeout: 300_000 });
  } catch (error) {
    throw new Error(`compliance-trestle could not be installed, so the OSCAL round trip cannot be checked: ${(error as { stderr?: string }).stderr || (error as Error).message}`);
  }
}, 320_000);

describe('OSCAL with compliance-trestle', () => {
  it('trestle loads the assessment-results Interlock exports: a result per framework and domain, a finding per assessable requirement', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/assurance/oscal/assessment-results?asOf=2026-12-31' });
    expect(res.statusCode).toBe(200);
    const file = join(dir, 'assessment-results.json');
    writeFileSync(file, res.body);
    // 3 + 21 + 100 + 93 + 41 + 41 assessable requirements; met: 3 + 15 + 85 + 77 + 37 + 25 (docs/assurance.md).
    expect(JSON.parse(await trestle('read-results', file))).toMatchObject({ results: 6, findings: 299, satisfied: 242 });
    // Name-based UUIDs: the same baseline exports the same document.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/assurance/oscal/assessment-results?asOf=2026-12-31' })).body).toBe(res.body);
  });

  it('Interlock imports a catalog trestle writes: groups, controls and an enhancement, as a versioned merge', async () => {
    const file = join(dir, 'catalog.json');
    await trestle('write-catalog', file);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/assurance/oscal/catalog?framework=plant-baseline&domains=IT,OT', payload: JSON.parse(readFileSync(file, 'utf8')) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'merge', framework: 'plant-baseline', changed: { created: 7, updated: 0, deleted: 0 } });
    const tree = (await ctx.app.inject({ method: 'GET', url: '/api/assurance/frameworks/plant-baseline?asOf=2026-12-31' })).json();
    expect([tree.name, tree.version, tree.domains, tree.requirements, tree.assessable]).toEqual(['Plant security baseline', '2026.1', ['IT', 'OT'], 6, 4]);
    const shape = (nodes: Array<{ requirement: string; ref: string; children: unknown[] }>): unknown => nodes.map((n) => [n.requirement, n.ref, shape(n.children as never)]);
    expect(shape(tree.tree)).toEqual([
      ['plant-baseline.ac', 'ac', [['plant-baseline.ac-1', 'AC-1', []], ['plant-baseline.ac-2', 'AC-2', [['plant-baseline.ac-2.1', 'AC-2(1)', []]]]]],
      ['plant-baseline.sc', 'sc', [['plant-baseline.sc-7', 'SC-7', []]]],
    ]);
    // No control satisfies them yet: four gaps in each domain, and trestle still loads the export.
    expect(tree.summaries.map((s: { domain: string; counts: { gap: number } }) => [s.domain, s.counts.gap])).toEqual([['IT', 4], ['OT', 4]]);
    const results = join(dir, 'plant-baseline-results.json');
    writeFileSync(results, (await ctx.app.inject({ method: 'GET', url: '/api/assurance/oscal/assessment-results?asOf=2026-12-31&framework=plant-baseline' })).body);
    expect(JSON.parse(await trestle('read-results', results))).toMatchObject({ results: 2, findings: 8, satisfied: 0 });
  });

  it('npm run oscal: imports the trestle catalog straight into Neo4j, and exports what trestle loads', async () => {
    const catalog = join(dir, 'cli-catalog.json');
    await trestle('write-catalog', catalog);
    const imported = await runCliScript('oscal', `import ${catalog} --framework cli-baseline --domains OT`);
    expect([imported.code, imported.stdout.trim()]).toEqual([0, expect.stringMatching(/^Imported .*cli-catalog\.json as framework cli-baseline at revision \d+: 7 created, 0 updated, 0 unchanged\.$/)]);
    const out = join(dir, 'cli-results.json');
    const exported = await runCliScript('oscal', `export --framework cli-baseline --as-of 2026-12-31 --out ${out}`);
    expect(exported.code).toBe(0);
    expect(JSON.parse(await trestle('read-results', out))).toMatchObject({ results: 1, findings: 4, satisfied: 0 });
    const bad = await runCliScript('oscal', 'import fixtures/reference-plant.yaml --framework x');
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('fixtures/reference-plant.yaml is not an OSCAL catalog Interlock reads:\n  catalog:')]);
  });

  it('refuses a catalog whose ids cannot become Interlock ids, naming them, and what is not a catalog', async () => {
    const catalog = { catalog: { uuid: 'x', metadata: { title: 't', version: '1', 'oscal-version': '1.1.2' }, controls: [{ id: 'a b', title: 'spaces' }] } };
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/assurance/oscal/catalog?framework=bad', payload: catalog });
    expect([bad.statusCode, bad.json().errors]).toEqual([422, [{ path: 'body.catalog.controls[0].id', message: expect.stringContaining('"a b" does not make an Interlock id') }]]);
    const notOne = await ctx.app.inject({ method: 'POST', url: '/api/assurance/oscal/catalog?framework=bad', payload: { profile: {} } });
    expect(notOne.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/assurance/frameworks/bad' })).statusCode).toBe(404);
  });
});
