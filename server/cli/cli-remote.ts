// The two ways a CLI reaches Interlock: over HTTP to a running server (--url), or straight to
// Neo4j (NEO4J_URI, else the embedded database — refused while a server holds it). Either way a
// refusal (an AppError, a 4xx answer) becomes the caller's own message for the user, an
// unreachable server or a 5xx says so, and the database is always closed. Over HTTP the CLI
// presents an API token (--token, else INTERLOCK_TOKEN); on the database it writes as the
// operating-system user who ran it (cli:<name>), since the journal and audit log name every writer.
import { Option } from 'commander';
import { userInfo } from 'node:os';
import { loadConfig } from '../config.js';
import type { DbClient } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { AppError, type FieldError } from '../errors.js';
import { cliActorName } from '../identity/actor.js';
import { logLine as log } from '../log-line.js';
import { fail } from './cli-support.js';
import { refuseIfServerRunning } from './running-server.js';

export interface ServerAnswer {
  status: number;
  /** Parsed JSON, or the text when the answer is not JSON (a YAML export). */
  body: unknown;
  text: string;
}

export interface ServerRefusal { status: number; message: string; errors?: FieldError[] }

let tokenFromFlag: string | undefined;

/** `--token` for every CLI that takes --url: `.addOption(tokenOption())`. The token is never printed. */
export function tokenOption(): Option {
  return new Option('--token <token>', 'an Interlock API token for --url (default: the INTERLOCK_TOKEN environment variable)')
    .argParser((value: string) => (tokenFromFlag = value));
}

/** Who a CLI writing straight to the database writes as. */
export const localActor = (): string => cliActorName(userInfo().username);

/** The request with the CLI's API token (--token or INTERLOCK_TOKEN), when it has one. */
export function withToken(init: RequestInit): RequestInit {
  const token = tokenFromFlag ?? process.env.INTERLOCK_TOKEN;
  if (!token) return init;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/** Any request (a streamed body too); the answer parsed as JSON when it is JSON. */
export async function callServer(url: string, path: string, init: RequestInit = {}): Promise<ServerAnswer> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), withToken(init));
  } catch (error) {
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    return fail(`cannot reach Interlock at ${url}: ${cause}`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text is the answer
  }
  if (res.status === 401) {
    const said = (body as { message?: string })?.message ?? text.slice(0, 200);
    fail(`Interlock at ${url} needs an API token: pass --token or set INTERLOCK_TOKEN (npm run users -- token NAME issues one). It said: ${said}`);
  }
  return { status: res.status, body, text };
}

/** A 5xx is the server's problem, not the input's: say so and stop. */
export function failOnServerError(url: string, answer: ServerAnswer): void {
  if (answer.status >= 500) fail(`Interlock at ${url} answered ${answer.status}: ${(answer.body as { message?: string })?.message ?? answer.text.slice(0, 200)}`);
}

/** POSTs JSON; a 4xx goes to `refused` (which ends the command), a 5xx or no answer fails. */
export async function postToServer<T>(url: string, path: string, body: unknown, refused: (r: ServerRefusal) => never): Promise<T> {
  return askServer(url, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, refused);
}

/** Any request; a 4xx goes to `refused`, a 5xx or no answer fails. */
export async function askServer<T>(url: string, path: string, init: RequestInit, refused: (r: ServerRefusal) => never): Promise<T> {
  const answer = await callServer(url, path, init);
  failOnServerError(url, answer);
  const json = answer.body as T & { message?: string; errors?: FieldError[] };
  if (answer.status >= 400) refused({ status: answer.status, message: json.message ?? String(answer.status), errors: json.errors });
  return json;
}

/** Runs work against the configured database; an AppError goes to `refused`. */
export async function withDatabase<T>(work: (db: DbClient) => Promise<T>, refused: (error: AppError) => never): Promise<T> {
  const config = loadConfig();
  refuseIfServerRunning(config);
  const database = await openDatabase(config, log);
  try {
    return await work(database.client);
  } catch (error) {
    if (error instanceof AppError) refused(error);
    throw error;
  } finally {
    await database.close();
  }
}

/** Ends the command with exit 1: `<message>` and one line per problem. */
export function refuse(subject: string, problems: ReadonlyArray<FieldError>, message?: string): never {
  return fail([message ?? `${subject} was refused:`, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join('\n'));
}

/** Refusals that name what was refused: `<subject>: <why>` and one line per problem. */
export const refuser = (subject: string) => (r: { message: string; errors?: FieldError[] }): never => refuse(subject, r.errors ?? [], `${subject}: ${r.message}`);

/** Runs work; an AppError (an importer's refusal) becomes a refusal naming the subject. */
export async function refusing<T>(subject: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) refuser(subject)(error);
    throw error;
  }
}

/** Work on the database whose refusals name the subject. */
export const onDatabase = <T>(subject: string, work: (db: DbClient) => Promise<T>): Promise<T> => withDatabase(work, refuser(subject));

/** A JSON request answered by the server at `url` when given, else by `local` on the database; refusals name the subject. */
export async function answerFrom<T>(subject: string, url: string | undefined, path: string, request: unknown, local: (db: DbClient) => Promise<T>): Promise<T> {
  return url ? postToServer<T>(url, path, request, refuser(subject)) : onDatabase(subject, local);
}

/** The answer as JSON (--json) or as a report, on stdout. */
export function printAnswer<T>(answer: T, json: boolean, report: (answer: T) => string): void {
  process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : report(answer));
}
