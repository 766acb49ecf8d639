// The first admin of a fresh database, and `npm run users` / `npm run audit` as an admin runs
// them: straight on the database and through a running server with a token.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { listUsers } from '../../server/identity/accounts.js';
import { ensureFirstAdmin } from '../../server/identity/first-admin.js';
import { build } from '../helpers/app.js';
import { runCliScript, serveForCli } from '../helpers/cli.js';
import { wipe } from '../helpers/db.js';

let app: FastifyInstance;
let db: DbClient;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'interlock-users-'));

beforeAll(async () => {
  ({ app, db } = await build());
  await wipe(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const users = (args: string, env: Record<string, string> = {}) => runCliScript('users', args, env);

describe('the first start', () => {
  it('creates one admin with a generated password, shown once and written to a file only its owner reads', async () => {
    const said: string[] = [];
    const file = join(dir, 'admin-password');
    expect(await ensureFirstAdmin(db, { file, say: (line) => said.push(line) })).toBe(true);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(said.filter((line) => line.includes(password))).toHaveLength(1);
    expect((await listUsers(db)).map((u) => [u.username, u.roles])).toEqual([['admin', ['admin']]]);
    const signedIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password }, headers: { authorization: '' } });
    expect(signedIn.statusCode).toBe(200);

    const again: string[] = [];
    expect(await ensureFirstAdmin(db, { file, say: (line) => again.push(line) })).toBe(false);
    expect(again).toEqual([]);
  });
});

describe('npm run users and npm run audit', () => {
  it('adds an account on the database, printing only the generated password on stdout', async () => {
    const added = await users('add alice --roles engineer,viewer --display-name "Alice A"');
    expect([added.code, added.stderr.trim()]).toEqual([0, 'Created alice (engineer, viewer); shown this once:']);
    const password = added.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'alice', password }, headers: { authorization: '' } });
    expect(res.json().user).toEqual({ id: expect.any(String), username: 'alice', displayName: 'Alice A', roles: ['engineer', 'viewer'], source: 'local' });
  });

  it('issues a token that works, lists and disables through a server with an admin token, and refuses bad input', async () => {
    url = await serveForCli(app, db);
    const issued = await users('token alice --name laptop --days 7');
    const token = issued.stdout.trim();
    expect([issued.code, token.startsWith('ilk_')]).toEqual([0, true]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } })).json().user.username).toBe('alice');

    const listed = await users(`list --url ${url} --json`);
    expect(JSON.parse(listed.stdout).map((u: { username: string; tokens: number }) => [u.username, u.tokens])).toEqual([['admin', 0], ['alice', 1], ['cli-tester', 1]]);
    expect((await users(`disable alice --url ${url}`)).stderr.trim()).toBe('alice is disabled.');
    expect((await app.inject({ method: 'GET', url: '/api/zones', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);

    const bad = await users('roles alice viewer,operator');
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'error: <roles>: Invalid option: expected one of "viewer"|"engineer"|"safety-approver"|"security-approver"|"governance-lead"|"admin"']);
    const noToken = await users(`list --url ${url}`, { INTERLOCK_TOKEN: '' });
    expect([noToken.code, noToken.stderr.trim()]).toEqual([1, `error: Interlock at ${url} needs an API token: pass --token or set INTERLOCK_TOKEN (npm run users -- token NAME issues one). It said: Sign-in required: send a session cookie (sign in) or an API token (Authorization: Bearer …).`]);
    const viaFlag = await users(`tokens alice --url ${url} --token ${token}`, { INTERLOCK_TOKEN: '' });
    expect([viaFlag.code, viaFlag.stderr.includes("It said: Sign-in required: the API token's account is disabled.")]).toEqual([1, true]);
  });

  it('verifies the audit chain and prints its head, on the database and through the server', async () => {
    const verified = await runCliScript('audit', 'verify');
    expect([verified.code, verified.stdout]).toMatchObject([0, expect.stringMatching(/^The audit chain holds: \d+ entries; head \d+ [0-9a-f]{64}\.\n$/)]);
    const head = await runCliScript('audit', `head --url ${url}`);
    const kept = JSON.parse(head.stdout);
    expect(kept).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const keptFile = join(dir, 'head.json');
    await runCliScript('audit', `head --out ${keptFile}`);
    const withKept = await runCliScript('audit', `verify --url ${url} --head ${keptFile}`);
    expect([withKept.code, withKept.stdout.split('\n').at(-2)]).toEqual([0, `Kept head holds: entry ${JSON.parse(readFileSync(keptFile, 'utf8')).seq} still has the kept hash.`]);
  });
});
