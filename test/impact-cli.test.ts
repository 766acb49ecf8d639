// The impact CLI as a change pipeline uses it: exit 0 / 2 / 1, a readable report or JSON, talking
// to Neo4j directly or to a running server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { build } from './helpers/app.js';
import { runCliScript, serveForCli } from './helpers/cli.js';
import { loadSite } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

let app: FastifyInstance;
let db: DbClient;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'interlock-impact-cli-'));

beforeAll(async () => {
  ({ app, db } = await build());
  await loadSite(db, miniSite());
  url = await serveForCli(app, db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const impact = (args: string) => runCliScript('impact', args);

const blocking = () => file('block.yaml', 'kind: firewall\nconduit: c-ctl-sis\nremove: [r-status]\n');

describe('impact CLI', () => {
  it('exits 2 and prints the findings grouped by severity when a finding reaches HIGH', async () => {
    const { code, stdout } = await impact(blocking());
    expect(code).toBe(2);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'Interlock what-if: 1 finding on safety paths, highest CRITICAL; checked 2 SIFs, 3 safety-required flows and 1 procedure.',
      '',
      'CRITICAL (1)',
      '  [FW-BLOCKS-SAFETY-FLOW] Safety flow f-status would be blocked on conduit c-ctl-sis',
    ]);
    expect(stdout).toContain('    Path: ls1 → z-sis → z-ctl → dcs → r-deny → (via f-status, c-ctl-sis)');
  });

  it('exits 0 for a harmless change, and in a shell pipeline', async () => {
    const harmless = file('harmless.json', JSON.stringify({ change: { kind: 'firewall', conduit: 'c-ops-ctl', add: [{ seq: 50, action: 'deny', protocol: 'tcp', src: 'any', dst: 'any', ports: 3389 }] } }));
    const { code, stdout } = await impact(`${harmless} && echo PIPELINE-OK`);
    expect(code).toBe(0);
    expect(stdout).toContain('No safety path touched');
    expect(stdout).toContain('PIPELINE-OK');
  });

  it('--fail-on moves the threshold; --json prints the answer', async () => {
    const patchOneSensor = file('patch.yaml', 'kind: patch\ntargets: [pt1]\n');
    expect((await impact(patchOneSensor)).code).toBe(0);
    expect((await impact(`${patchOneSensor} --fail-on medium`)).code).toBe(2);
    const json = await impact(`${patchOneSensor} --json`);
    expect(JSON.parse(json.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['PATCH-SIF-ELEMENT:sif-hp:sensors']);
  });

  it('exits 1 on bad input, naming every problem', async () => {
    const bad = file('bad.yaml', 'kind: firewall\nconduit: c-ctl-sis\nadd:\n  - {seq: 1, action: allow, protocol: tcp, src: 10.0.0.1/33, dst: any, ports: "0"}\n');
    const { code, stderr } = await impact(bad);
    expect(code).toBe(1);
    expect(stderr).toContain(`error: ${bad} is not a valid change:`);
    expect(stderr).toContain('  change.add[0].src: ');
    expect(stderr).toContain('  change.add[0].ports: must be a port 1–65535, a range "a-b" with a ≤ b, or "any"');
    expect((await impact(`${bad} --fail-on SOMETIMES`)).stderr).toContain('error: --fail-on: must be CRITICAL, HIGH, MEDIUM, LOW or INFO');
    const unknown = await impact(file('ghost.yaml', 'kind: patch\ntargets: [ghost]\n'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('  change.targets[0]: asset "ghost" does not exist.');
  });

  it('talks to a running server with --url, with the same answers and exit codes', async () => {
    const { code, stdout } = await impact(`${blocking()} --url ${url} --json`);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).findings.map((f: { id: string }) => f.id)).toEqual(['FW-BLOCKS-SAFETY-FLOW:f-status']);
    const unknown = await impact(`${file('ghost2.yaml', 'kind: patch\ntargets: [ghost]\n')} --url ${url}`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('change.targets[0]: asset "ghost" does not exist.');
  });
});
