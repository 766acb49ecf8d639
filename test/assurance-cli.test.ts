// `npm run assurance` as a pipeline uses it, on the reference plant as of 2026-12-31: readable
// reports or JSON, exit 2 when evidence expired or an inconsistency exists, 1 on bad input;
// straight from Neo4j or from a running server (--url).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { referencePlant } from '../server/site/reference-plant.js';
import { build } from './helpers/app.js';
import { runCliScript, serveForCli } from './helpers/cli.js';
import { loadSite } from './helpers/db.js';

let app: FastifyInstance;
let db: DbClient;
let url: string;
beforeAll(async () => {
  ({ app, db } = await build());
  await loadSite(db, referencePlant());
  url = await serveForCli(app, db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const assurance = (args: string) => runCliScript('assurance', `${args} --as-of 2026-12-31`);

describe('assurance CLI', () => {
  it('status --framework: the summary and every requirement not met; exit 2 while one is not met, 0 when all are', async () => {
    const caf = await assurance(`status --framework fw-ncsc-caf --url ${url}`);
    expect(caf.code).toBe(2);
    expect(caf.stdout).toContain('Compliance as of 2026-12-31');
    expect(caf.stdout).toMatch(/\(fw-ncsc-caf\)\s+OT\s+73\.2 %\s+2\.7\s+25\s+10\s+3\s+3 \/ 41/);
    expect(caf.stdout).toContain('Not met (');
    const sis = await assurance('status --framework fw-iec61511');
    expect([sis.code, sis.stdout.trimEnd().split('\n').at(-1)]).toEqual([0, 'Every assessable requirement is met.']);
  });

  it('evidence: exit 2 with the expired and absent items listed', async () => {
    const run = await assurance('evidence');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Evidence as of 2026-12-31: 22 fresh, 7 due, 7 expired, 1 absent');
    expect(run.stdout).toContain('expired (7):');
    expect(run.stdout).toContain('absent (1):');
  });

  it('inconsistencies and the report as JSON, from the server: the same numbers as the API', async () => {
    const run = await assurance(`inconsistencies --json --url ${url}`);
    expect(run.code).toBe(2);
    const listed = JSON.parse(run.stdout);
    expect(listed).toEqual((await app.inject({ method: 'GET', url: '/api/assurance/inconsistencies?asOf=2026-12-31' })).json());
    const report = await assurance('report --json');
    expect(report.code).toBe(2);
    expect(JSON.parse(report.stdout)).toEqual((await app.inject({ method: 'GET', url: '/api/assurance/report?asOf=2026-12-31&profile=caf-baseline' })).json());
  });

  it('names bad input and exits 1', async () => {
    const run = await runCliScript('assurance', 'state --as-of 2026-02-30');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('<command>: must be status, inconsistencies, evidence or report');
    expect(run.stderr).toContain('--as-of: must be a real calendar date');
    const unknown = await assurance(`status --framework fw-nope --url ${url}`);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'error: assurance: framework "fw-nope" does not exist.']);
  });
});
