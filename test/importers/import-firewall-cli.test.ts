// npm run import-firewall as an engineer runs it: dry run straight against Neo4j, apply through a
// running server, and refusals with exit code 1 and the graph unchanged.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { build } from '../helpers/app.js';
import { loadSite, snapshot } from '../helpers/db.js';
import { readOne } from '../../server/site/read-entities.js';
import { runCliScript, serveForCli } from '../helpers/cli.js';

let app: FastifyInstance;
let db: DbClient;
let url: string;
beforeAll(async () => {
  ({ app, db } = await build());
  await loadSite(db, parse(readFileSync('fixtures/reference-plant.yaml', 'utf8')));
  url = await serveForCli(app, db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const cli = (args: string) => runCliScript('import-firewall', args);

describe('import-firewall CLI', () => {
  it('--dry-run prints the rules, the lines not represented and the what-if, and writes nothing', async () => {
    const before = await snapshot(db);
    const { code, stdout } = await cli('--conduit c-dmz-ops --format fortigate --dry-run fixtures/firewall/c-dmz-ops.fortigate.conf');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'c-dmz-ops <- fixtures/firewall/c-dmz-ops.fortigate.conf (fortigate, config firewall policy): 6 rules, default deny; 73 lines not represented, 0 refused.',
      '',
      'Rules (first match wins):',
      '     10  c-dmz-ops-fgt-001  allow tcp  10.30.0.20 -> 10.35.0.20 ports 5450',
    ]);
    expect(lines).toContain('  line 158: NAT (nat) not represented: the policy still matches the addresses before translation');
    expect(lines.at(-2)).toBe('Dry run: nothing was written.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('applies through a running server with --url', async () => {
    const { code, stdout } = await cli(`--conduit c-ctl-sis-a --format iptables --url ${url} fixtures/firewall/c-ctl-sis-a.iptables-save`);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Applied: c-ctl-sis-a now has 14 rules, default deny.');
    const { doc } = await readOne(db, 'conduits', 'c-ctl-sis-a');
    expect(doc.rules.map((r) => r.id).slice(0, 2)).toEqual(['c-ctl-sis-a-ipt-001', 'c-ctl-sis-a-ipt-002']);
  });

  it('exits 1 with every refused line and writes nothing', async () => {
    const before = await snapshot(db);
    const { code, stderr } = await cli('--conduit c-ctl-sis-a --format iptables fixtures/firewall/broken-unrepresentable.iptables-save');
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(0, 3)).toEqual([
      'error: fixtures/firewall/broken-unrepresentable.iptables-save: The iptables configuration cannot be represented (5 refused lines); nothing was written.',
      '  config line 8: --sport 123: Interlock flows carry no source port, so this condition cannot be kept and dropping it would change what the rule matches',
      '  config line 9: match -m time --timestart 06:00 --timestop 18:00 --weekdays Mon,Tue,Wed,Thu,Fri is not represented',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('names a bad argument', async () => {
    const { code, stderr } = await cli('--conduit c-ctl-sis-a --format pf fixtures/firewall/c-ctl-sis-a.iptables-save');
    expect([code, stderr]).toEqual([1, 'error: --format: must be iptables or fortigate\n']);
    const missing = await cli('--conduit c-ctl-sis-a --format iptables fixtures/firewall/nothing-here');
    expect([missing.code, missing.stderr]).toEqual([1, 'error: fixtures/firewall/nothing-here: no such file.\n']);
    const empty = await cli('--conduit c-ctl-sis-a --format iptables --chain OT /dev/null');
    expect([empty.code, empty.stderr]).toEqual([1, 'error: /dev/null: must not be empty\n']);
  });
});
