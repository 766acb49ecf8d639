// `npm run users -- list|add|roles|disable|enable|password|unlock|token|tokens|revoke …`: manages
// Interlock's accounts straight on the database (as cli:<you>), or through a running server with
// --url and an admin's API token. Generated passwords and new tokens are printed once, on stdout
// alone, so `npm run users -- token ci --name pipeline > ci.token` keeps the secret out of sight.
import { Command } from 'commander';
import { z } from 'zod';
import type { DbClient } from '../db/client.js';
import { createUser, listUsers, setPassword, unlockUser, updateUser } from '../identity/accounts.js';
import type { Actor } from '../identity/actor.js';
import { ROLES } from '../identity/roles.js';
import { Password, Roles, Username } from '../identity/schemas.js';
import { issueToken, listTokens, revokeToken } from '../identity/tokens.js';
import { logLine as log } from '../log-line.js';
import { fail, runCli } from './cli-support.js';
import { askServer, localActor, refuser, tokenOption, withDatabase } from './cli-remote.js';

const DEFAULT_TOKEN_DAYS = 90;

/** One operation: its request to a server, or its work on the database. */
interface Operation {
  subject: string;
  http: { method: string; path: string; body?: unknown };
  local: (db: DbClient, actor: Actor) => Promise<unknown>;
  print: (answer: unknown) => void;
}

const cliActor = (): Actor => ({ kind: 'system', id: localActor(), username: localActor(), displayName: localActor(), roles: ['admin'], via: 'internal' });
const enc = encodeURIComponent;

function checked<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as T;
}

async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return checked(Password, Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, ''), 'the password on standard input');
}

const printJson = (answer: unknown) => process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
const printSecret = (key: 'password' | 'token', what: string) => (answer: unknown) => {
  const secret = (answer as Record<string, string | undefined>)[key];
  if (secret) {
    log(`${what}; shown this once:`);
    process.stdout.write(`${secret}\n`);
  } else log(`${what}.`);
};

function printUsers(answer: unknown): void {
  const users = answer as Array<{ username: string; roles: string[]; disabled: boolean; source: string; tokens: number; locked: boolean; lastSignInAt: string | null }>;
  for (const u of users) {
    const flags = [u.disabled ? 'disabled' : '', u.locked ? 'locked out' : '', u.source === 'oidc' ? 'identity provider' : ''].filter(Boolean);
    process.stdout.write(`${u.username.padEnd(24)} ${u.roles.join(',').padEnd(40)} tokens ${u.tokens}  last sign-in ${u.lastSignInAt ?? 'never'}${flags.length ? `  (${flags.join(', ')})` : ''}\n`);
  }
}

async function perform(op: Operation, url: string | undefined, json: boolean): Promise<number> {
  const answer = url
    ? await askServer<unknown>(url, op.http.path, {
      method: op.http.method,
      ...(op.http.body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(op.http.body) } : {}),
    }, refuser(op.subject))
    : await withDatabase((db) => op.local(db, cliActor()), refuser(op.subject));
  (json ? printJson : op.print)(answer ?? {});
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let chosen: (() => Promise<Operation>) | undefined;
  const program = new Command('users')
    .description("Manage Interlock's own accounts and API tokens (straight on the database, or through a server with --url and an admin's token).")
    .option('--url <url>', 'a running Interlock server; without it, work on Neo4j directly')
    .addOption(tokenOption())
    .option('--json', 'print the answer as JSON');
  const user = (name: string) => checked(Username, name, '<username>');
  const patch = (name: string, body: object, what: string): Operation => ({
    subject: `${name} was not changed`, http: { method: 'PATCH', path: `/api/users/${enc(name)}`, body },
    local: (db, actor) => updateUser(db, actor, user(name), body), print: () => log(what),
  });

  program.command('list').description('every account with its roles, tokens and lockout').action(() => {
    chosen = async () => ({ subject: 'the accounts could not be listed', http: { method: 'GET', path: '/api/users' }, local: (db) => listUsers(db), print: printUsers });
  });
  program.command('add <username>').description('create a local account (a password is generated and printed once unless --password-stdin)')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--display-name <name>', 'the name to show').option('--password-stdin', 'read the password from standard input')
    .action((name: string, o: { roles: string; displayName?: string; passwordStdin?: boolean }) => {
      chosen = async () => {
        const body = { username: user(name), roles: checked(Roles, o.roles.split(','), '--roles'), ...(o.displayName ? { displayName: o.displayName } : {}), ...(o.passwordStdin ? { password: await passwordFromStdin() } : {}) };
        return { subject: `${name} was not created`, http: { method: 'POST', path: '/api/users', body }, local: (db, actor) => createUser(db, actor, body), print: printSecret('password', `Created ${name} (${body.roles.join(', ')})`) };
      };
    });
  program.command('roles <username> <roles>').description('set the roles of an account (comma-separated)').action((name: string, roles: string) => {
    chosen = async () => patch(name, { roles: checked(Roles, roles.split(','), '<roles>') }, `${name} now holds ${roles}.`);
  });
  program.command('disable <username>').description('disable an account: no sign-in, its sessions end, its tokens stop').action((name: string) => {
    chosen = async () => patch(name, { disabled: true }, `${name} is disabled.`);
  });
  program.command('enable <username>').description('enable a disabled account').action((name: string) => {
    chosen = async () => patch(name, { disabled: false }, `${name} is enabled.`);
  });
  program.command('password <username>').description('set a password (generated and printed once unless --password-stdin); its sessions end')
    .option('--password-stdin', 'read the password from standard input').action((name: string, o: { passwordStdin?: boolean }) => {
      chosen = async () => {
        const password = o.passwordStdin ? await passwordFromStdin() : undefined;
        return { subject: `the password of ${name} was not set`, http: { method: 'POST', path: `/api/users/${enc(name)}/password`, body: password ? { password } : {} },
          local: (db, actor) => setPassword(db, actor, user(name), password), print: printSecret('password', `Set the password of ${name}`) };
      };
    });
  program.command('unlock <username>').description('lift every sign-in lockout of an account').action((name: string) => {
    chosen = async () => ({ subject: `${name} was not unlocked`, http: { method: 'POST', path: `/api/users/${enc(name)}/unlock` },
      local: (db, actor) => unlockUser(db, actor, user(name)), print: () => log(`${name} is unlocked.`) });
  });
  program.command('token <username>').description('issue an API token (printed once, on stdout)')
    .requiredOption('--name <name>', 'what it is for').option('--days <days>', 'days until it expires', String(DEFAULT_TOKEN_DAYS))
    .action((name: string, o: { name: string; days: string }) => {
      chosen = async () => {
        const days = checked(z.coerce.number().int().min(1).max(366), o.days, '--days');
        return { subject: `no token was issued to ${name}`, http: { method: 'POST', path: `/api/users/${enc(name)}/tokens`, body: { name: o.name, days } },
          local: (db, actor) => issueToken(db, actor, user(name), o.name, days), print: printSecret('token', `Issued "${o.name}" to ${name}, valid for ${days} days`) };
      };
    });
  program.command('tokens <username>').description("an account's API tokens").action((name: string) => {
    chosen = async () => ({ subject: `the tokens of ${name} could not be listed`, http: { method: 'GET', path: `/api/users/${enc(name)}/tokens` },
      local: (db) => listTokens(db, user(name)),
      print: (answer) => {
        for (const t of answer as Array<{ id: string; name: string; state: string; expiresAt: string; lastUsedAt: string | null }>) {
          process.stdout.write(`${t.id}  ${t.state.padEnd(8)} expires ${t.expiresAt}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}\n`);
        }
      } });
  });
  program.command('revoke <tokenId>').description('revoke an API token by its id (from `tokens`)').action((id: string) => {
    chosen = async () => ({ subject: `token ${id} was not revoked`, http: { method: 'DELETE', path: `/api/tokens/${enc(id)}` },
      local: (db, actor) => revokeToken(db, actor, id), print: () => log(`Token ${id} is revoked.`) });
  });
  await program.parseAsync(argv);
  if (!chosen) {
    program.outputHelp();
    return 1;
  }
  const opts = program.opts<{ url?: string; json?: boolean }>();
  if (opts.url !== undefined) checked(z.url('must be a URL such as http://127.0.0.1:3000'), opts.url, '--url');
  return perform(await chosen(), opts.url, opts.json ?? false);
}

runCli(() => main(process.argv));
