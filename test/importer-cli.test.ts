// The three importer CLIs as a person or a pipeline runs them: exit codes, the report on stdout,
// progress and refusals on stderr, straight to Neo4j or through a running server (--url).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { DbClient } from '../server/db/client.js';
import { build } from './helpers/app.js';
import { runCliScript, serveForCli } from './helpers/cli.js';
import { loadSite, snapshot } from './helpers/db.js';

let app: FastifyInstance;
let db: DbClient;
let url: string;

beforeAll(async () => {
  ({ app, db } = await build());
  await loadSite(db, parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8')));
  url = await serveForCli(app, db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const run = runCliScript;

describe('npm run advisory', () => {
  it('exits 2 with a report when assets are affected (through a server)', async () => {
    const { code, stdout } = await run('advisory', `fixtures/advisories/hirschmann-eagle40-hisecos.json --url ${url}`);
    expect(code).toBe(2);
    expect(stdout).toContain('Affected (2)\n  fw-sis-a — SIS firewall A (primary BPCS/SIS conduit) [z-sis]: Hirschmann EAGLE40-07 HiSecOS 04.6.00');
    expect(stdout).toContain('Patch what-if: Vendor fix applied to 2 affected assets; restart required: machine, so the what-if assumes a reboot.');
    expect(stdout).toContain('  Interlock what-if: 9 findings on safety paths, highest CRITICAL;');
  });

  it('exits 1 with the validator\'s reasons for an invalid advisory (straight to Neo4j)', async () => {
    const { code, stderr } = await run('advisory', 'fixtures/advisories/invalid-undefined-product.json');
    expect(code).toBe(1);
    expect(stderr).toContain('error: fixtures/advisories/invalid-undefined-product.json was refused: Not a valid CSAF 2.0 document: the CSAF validator found 1 problem.\n' +
      '  /vulnerabilities/1/product_status/known_affected/1: definition of product id missing (mandatory test 6.1.1)');
  });
});

describe('npm run traffic', () => {
  it('reads the capture with progress, then compares it straight against Neo4j: exit 2 at HIGH', async () => {
    const { code, stdout, stderr } = await run('traffic', 'fixtures/traffic/reference-plant-conn.log');
    expect(code).toBe(2);
    expect(stderr).toMatch(/ {2}1,095 lines, 100%, [\d,]+ lines\/s\nRead 1,095 lines in [\d.]+ s; comparing with the model…/);
    expect(stdout.split('\n')[0]).toBe('Interlock traffic check: 10 findings, highest CRITICAL: 3 undeclared into a safety zone or to a SIF element, 3 undeclared across a conduit, 2 safety flow not seen, 2 denied by the stored rules but seen.');
    expect(stdout).toContain('Not understood: 2 lines\n  line 410: IPv6 address fe80::2e0:4cff:fe68:13 (Interlock models IPv4 only)');
  });

  it('streams the file to a server with --url; --fail-on critical still fails, a missing file is exit 1', async () => {
    const { code, stdout } = await run('traffic', `fixtures/traffic/reference-plant-conn.log --url ${url} --json --fail-on critical`);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).summary.counts).toEqual({ CRITICAL: 2, HIGH: 2, MEDIUM: 5, LOW: 1, INFO: 0 });
    const missing = await run('traffic', 'no-such.log');
    expect(missing).toMatchObject({ code: 1, stderr: 'error: no-such.log: no such file.\n' });
  });
});

describe('npm run import-inventory', () => {
  const mapping = '--mapping fixtures/inventory/reference-plant-mapping.yaml';

  it('a dry run through a server exits 0 and writes nothing', async () => {
    const before = await snapshot(db);
    const { code, stdout } = await run('import-inventory', `${mapping} fixtures/inventory/reference-plant-inventory.csv --dry-run --url ${url}`);
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: 3 new, 3 updated, 2 unchanged; nothing written.');
    expect(stdout).toContain('  line 2: fw-sis-a (matched by id): version HiSecOS 04.6.00 → HiSecOS 04.6.01');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a broken file exits 1 with every problem by line and the graph unchanged; arguments are checked', async () => {
    const before = await snapshot(db);
    const { code, stderr } = await run('import-inventory', `${mapping} fixtures/inventory/broken-inventory.csv`);
    expect(code).toBe(1);
    expect(stderr).toContain('error: fixtures/inventory/broken-inventory.csv was not imported: The inventory was refused, nothing was written: 8 row problems.\n');
    expect(stderr).toContain('  line 3, column "IP Address": "10.20.1.300" is not an IPv4 address\n');
    expect(await snapshot(db)).toEqual(before);
    const noMapping = await run('import-inventory', 'fixtures/inventory/broken-inventory.csv');
    expect(noMapping).toMatchObject({ code: 1, stderr: 'error: --mapping: give --mapping FILE or at least one --column FIELD=Header\n' });
  });
});
