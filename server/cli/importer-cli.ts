// What the importer CLIs (advisory, import-inventory, traffic) share: running against the database
// directly or against a running server (--url), and refusing with every problem listed. A refusal
// is exit 1 with `error: <file> <what>:` and one line per problem; the caller decides the other codes.
import { loadConfig } from '../config.js';
import type { DbClient } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { AppError, type FieldError } from '../errors.js';
import { logLine } from '../log-line.js';
import { fail } from './cli-support.js';

export function refuse(subject: string, problems: ReadonlyArray<FieldError>, message?: string): never {
  const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
  return fail([message ?? `${subject} was refused:`, ...lines].join('\n'));
}

/** Runs work; an AppError (the importers' refusals) becomes a refusal naming the subject. */
export async function refusing<T>(subject: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) refuse(subject, error.errors ?? [], `${subject}: ${error.message}`);
    throw error;
  }
}

/** Runs work on the configured Neo4j (NEO4J_URI, else the embedded one), refusing as above. */
export async function onDatabase<T>(subject: string, work: (db: DbClient) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(), logLine);
  try {
    return await refusing(subject, () => work(database.client));
  } finally {
    await database.close();
  }
}

/**
 * Sends a request to a running Interlock and returns its JSON answer. A 4xx is a refusal with the
 * server's problems; an unreachable server or a 5xx says so.
 */
export async function askServer(subject: string, url: string, path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), init);
  } catch (error) {
    const cause = (error as Error).cause;
    return fail(`cannot reach Interlock at ${url}: ${cause instanceof Error ? cause.message : (error as Error).message}`);
  }
  const body = await res.json().catch(() => ({})) as { message?: string; errors?: FieldError[] };
  if (res.status >= 400 && res.status < 500) refuse(subject, body.errors ?? [], `${subject}: ${body.message ?? res.statusText}`);
  if (!res.ok) fail(`Interlock at ${url} answered ${res.status}: ${body.message ?? res.statusText}`);
  return body;
}

/** A JSON request answered by the server at `url` when given, else by `local` on the database. */
export async function answerFrom<T>(subject: string, url: string | undefined, path: string, request: unknown, local: (db: DbClient) => Promise<T>): Promise<T> {
  if (!url) return onDatabase(subject, local);
  return await askServer(subject, url, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }) as T;
}

/** The answer as JSON (--json) or as the importer's report, on stdout. */
export function printAnswer<T>(answer: T, json: boolean, report: (answer: T) => string): void {
  process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : report(answer));
}
