// Runs a CLI of server/cli/ through a shell, as a pipeline would, against the test run's Neo4j.
// Asynchronous: a server that --url talks to may live in the calling test process and must keep
// answering while the CLI runs. A CLI talking to such a server presents a real API token, issued
// by serveForCli to an admin account, as INTERLOCK_TOKEN.
import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import type { DbClient } from '../../server/db/client.js';
import { createUser, findUser } from '../../server/identity/accounts.js';
import { issueToken } from '../../server/identity/tokens.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI_ACCOUNT = 'cli-tester';
let token: string | undefined;

/** The CLIs run afterwards present an admin's API token. */
export async function issueCliToken(db: DbClient): Promise<void> {
  const actor = { username: 'test' };
  if (!(await findUser(db, CLI_ACCOUNT))) await createUser(db, actor, { username: CLI_ACCOUNT, roles: ['admin'] });
  token = (await issueToken(db, actor, CLI_ACCOUNT, 'cli tests', 1)).token;
}

/** Listens on a free loopback port; the CLIs run afterwards present an admin's API token. */
export async function serveForCli(app: FastifyInstance, db: DbClient): Promise<string> {
  await issueCliToken(db);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

export function runCliScript(script: string, args: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn('bash', ['-c', `node_modules/.bin/tsx server/cli/${script}.ts ${args}`], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), ...(token ? { INTERLOCK_TOKEN: token } : {}), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
