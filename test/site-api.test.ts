// Whole-site import and export through the HTTP API and through the CLIs (run as child processes
// against the test run's Neo4j, as an operator would run them).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import type { DbClient } from '../server/db/client.js';
import { SiteDocument } from '../server/model/site-schema.js';
import { canonicalSite } from '../server/site/canonical.js';
import { referencePlant } from '../server/site/reference-plant.js';
import { build } from './helpers/app.js';
import { loadSite, snapshot } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';


let app: FastifyInstance;
let db: DbClient;
let dir: string;
beforeAll(async () => {
  ({ app, db } = await build());
  dir = mkdtempSync(join(tmpdir(), 'interlock-site-api-'));
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const expectedMini = () => canonicalSite(SiteDocument.parse(miniSite()));
const exported = async () => (await app.inject({ method: 'GET', url: '/api/export' })).json();

// Mini site: 1 site + 4 zones + 18 assets + 3 conduits + 8 rules + 5 flows + 2 SIFs + 2 roles
// + 1 procedure + 1 each of framework, requirement, risk, control, evidence.
const MINI_COUNTS = {
  zones: 4, conduits: 3, assets: 18, flows: 5, sifs: 2, procedures: 1, roles: 2,
  frameworks: 1, requirements: 1, mappings: 0, profiles: 0, controls: 1, evidence: 1, risks: 1, rules: 8,
};
// IN_ZONE 18, CONNECTS 6, ENFORCED_BY 3, HAS_RULE 8, FROM/TO 10, VIA 6, ROUTES_THROUGH 1,
// HAS_ELEMENT 9, SIF DEPENDS_ON 2, ACCESSES 3, procedure links 4, PART_OF 1, AFFECTS 2,
// SATISFIES/APPLIES_TO/MITIGATES 4, SUPPORTS 1.
const MINI_NODES = 49;
const MINI_RELATIONSHIPS = 78;

describe('POST /api/import', () => {
  it('imports a JSON document and reports what it wrote', async () => {
    await loadSite(db, { zones: [] });
    const res = await app.inject({ method: 'POST', url: '/api/import', payload: miniSite() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mode: 'replace', revision: expect.any(Number), nodes: MINI_NODES, relationships: MINI_RELATIONSHIPS, counts: MINI_COUNTS,
      changed: { created: 40, updated: 0, deleted: 0, unchanged: 0 }, ms: expect.any(Number),
    });
    expect((await snapshot(db, 'site')).length).toBe(MINI_NODES + MINI_RELATIONSHIPS);
    expect(await exported()).toEqual(expectedMini());
  });

  it('imports a YAML document', async () => {
    await loadSite(db, { zones: [] });
    const res = await app.inject({ method: 'POST', url: '/api/import', headers: { 'content-type': 'application/yaml' }, payload: stringify(miniSite()) });
    expect(res.statusCode).toBe(200);
    expect(res.json().nodes).toBe(MINI_NODES);
    expect(await exported()).toEqual(expectedMini());
  });

  it('merges entities into the stored site by id', async () => {
    await loadSite(db, miniSite());
    const hmi2 = { id: 'hmi-2', name: 'Second HMI', type: 'hmi', zone: 'z-ctl', ip: '10.2.0.12' };
    const renamed = { ...(miniSite().zones![0] as object), name: 'Operations' };
    const res = await app.inject({ method: 'POST', url: '/api/import?mode=merge', payload: { zones: [renamed], assets: [hmi2] } });
    expect(res.statusCode).toBe(200);
    // Only what changed is written: the new asset (node and IN_ZONE) and the renamed zone.
    expect(res.json()).toMatchObject({ mode: 'merge', nodes: 2, relationships: 1, counts: { assets: 1, zones: 1 }, changed: { created: 1, updated: 1, deleted: 0, unchanged: 0 } });
    const want = miniSite();
    want.assets!.push(hmi2 as never);
    want.zones![0]!.name = 'Operations';
    expect(await exported()).toEqual(canonicalSite(SiteDocument.parse(want)));
  });

  it('answers malformed YAML and JSON with a readable 400, changing nothing', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    const yaml = await app.inject({ method: 'POST', url: '/api/import', headers: { 'content-type': 'application/yaml' }, payload: 'zones:\n  - id: a\n   name: b\n' });
    expect(yaml.statusCode).toBe(400);
    expect(yaml.json()).toMatchObject({ statusCode: 400, code: 'INTERLOCK_BAD_REQUEST' });
    expect(yaml.json().message).toMatch(/^Malformed YAML: .*line 3, column 1/);
    const json = await app.inject({ method: 'POST', url: '/api/import', headers: { 'content-type': 'application/json' }, payload: '{"zones": [' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('INTERLOCK_BAD_REQUEST');
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers an unknown mode with 400 naming the query field, even when the body is also invalid', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    for (const payload of [miniSite(), { assets: [{ id: 'x', name: 'X', type: 'hmi', zone: 'z-ghost' }] }]) {
      const res = await app.inject({ method: 'POST', url: '/api/import?mode=upsert', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        statusCode: 400, code: 'INTERLOCK_BAD_REQUEST',
        message: 'Invalid querystring: querystring.mode: Invalid option: expected one of "replace"|"merge"',
        errors: [{ path: 'querystring.mode', message: 'Invalid option: expected one of "replace"|"merge"' }],
      });
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('GET /api/export', () => {
  it('exports the canonical document as JSON and as YAML', async () => {
    await loadSite(db, miniSite());
    const json = await app.inject({ method: 'GET', url: '/api/export' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toEqual(expectedMini());
    const yaml = await app.inject({ method: 'GET', url: '/api/export?format=yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(parseYaml(yaml.body)).toEqual(expectedMini());
  });

  it('round-trips the reference plant with its catalogues and baseline losslessly: import → export → import', async () => {
    const plant = referencePlant();
    const first = await app.inject({ method: 'POST', url: '/api/import', headers: { 'content-type': 'application/yaml' }, payload: stringify(plant) });
    expect(first.statusCode).toBe(200);
    const graphAfterFirst = await snapshot(db);
    const doc = await exported();
    const parsed = SiteDocument.parse(plant);
    expect(doc).toEqual(canonicalSite(parsed));
    const entities = Object.values(parsed).filter(Array.isArray).reduce((n, list) => n + list.length, 0);

    const second = await app.inject({ method: 'POST', url: '/api/import', payload: doc });
    expect(second.statusCode).toBe(200);
    // The same site again changes nothing: no entity written, no new revision.
    expect(second.json()).toEqual({
      ...first.json(), ms: expect.any(Number), nodes: 0, relationships: 0,
      changed: { created: 0, updated: 0, deleted: 0, unchanged: entities },
    });
    expect(await exported()).toEqual(doc);
    expect(await snapshot(db)).toEqual(graphAfterFirst);
  });
});

describe('CLI: npm run import / npm run export', () => {
  const env = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    NEO4J_DATABASE: inject('neo4jDatabase'),
  };
  const cli = (script: 'import' | 'export', ...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn('npx', ['tsx', `server/cli/${script}.ts`, ...args], { env, cwd: join(import.meta.dirname, '..') });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('imports a valid YAML file: exit 0 and a summary', async () => {
    await loadSite(db, { zones: [] });
    const path = file('mini.yaml', stringify(miniSite()));
    const { code, stdout } = await cli('import', path);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Imported ${path} \\(replace\\) as revision \\d+: ${MINI_NODES} nodes, ${MINI_RELATIONSHIPS} relationships in \\d+ ms \\(\\d+ nodes\\+rels/s\\)\\.\\n  40 created, 0 updated, 0 deleted, 0 unchanged\\.`));
    expect(await exported()).toEqual(expectedMini());
  });

  it('rejects an invalid document: exit 1, every error on stderr, graph unchanged', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    const bad = structuredClone(miniSite());
    bad.zones![0]!.slTarget = 7;
    bad.flows![4]!.via = [];
    const path = file('bad.json', JSON.stringify(bad));
    const { code, stdout, stderr } = await cli('import', path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error: ${path} is not a valid site document; 2 problems, the graph is unchanged:\n` +
      '  zones[0].slTarget: Too big: expected number to be <=4\n' +
      '  flows[4].via: the flow goes from zone "z-ops" to zone "z-ctl" but crosses no conduit; list the conduits in crossing order.\n');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects bad arguments and unreadable files with exit 1 and a message', async () => {
    const malformed = file('broken.yaml', 'zones:\n  - id: a\n   name: b\n');
    const cases: Array<[string[], string]> = [
      [['--mode', 'upsert', malformed], 'error: --mode: must be "replace" or "merge"\n'],
      [[join(dir, 'missing.yaml')], `error: ${join(dir, 'missing.yaml')}: no such file.\n`],
      [[malformed], `error: ${malformed}: malformed YAML at line 3, column 1: Sequence item without - indicator\n`],
      [[], "error: missing required argument 'file'\n"],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cli('import', ...args);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toContain(message);
    }
  });

  it('exports to stdout and to a file; the file imports back to the same graph', async () => {
    await loadSite(db, miniSite());
    const before = await snapshot(db);
    const toStdout = await cli('export');
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toEqual(expectedMini());

    const out = join(dir, 'exported.yaml');
    const toFile = await cli('export', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(parseYaml(readFileSync(out, 'utf8'))).toEqual(expectedMini());

    const back = await cli('import', out);
    expect(back.code).toBe(0);
    expect(await snapshot(db)).toEqual(before);

    const mismatch = await cli('export', '--out', join(dir, 'x.json'), '--format', 'yaml');
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(`error: --format: is yaml but --out ${join(dir, 'x.json')} names a json file`);
  });
});
