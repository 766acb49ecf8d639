// The two ways a CLI reaches Interlock: over HTTP to a running server (--url), or straight to
// Neo4j (NEO4J_URI, else the embedded database). Either way an AppError or a 4xx answer becomes
// the caller's own message for the user, and the database is always closed.
import { loadConfig } from '../config.js';
import type { DbClient } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { AppError, type FieldError } from '../errors.js';
import { logLine as log } from '../log-line.js';
import { fail } from './cli-support.js';

export interface ServerRefusal { status: number; message: string; errors?: FieldError[] }

/** POSTs JSON; a 4xx goes to `refused` (which ends the command), a 5xx or no answer fails. */
export async function postToServer<T>(url: string, path: string, body: unknown, refused: (r: ServerRefusal) => never): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    return fail(`cannot reach Interlock at ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const answer = await res.json() as T & { message?: string; errors?: FieldError[] };
  if (res.status >= 400 && res.status < 500) refused({ status: res.status, message: answer.message ?? res.statusText, errors: answer.errors });
  if (!res.ok) fail(`Interlock at ${url} answered ${res.status}: ${answer.message ?? res.statusText}`);
  return answer;
}

/** Runs work against the configured database; an AppError goes to `refused`. */
export async function withDatabase<T>(work: (db: DbClient) => Promise<T>, refused: (error: AppError) => never): Promise<T> {
  const database = await openDatabase(loadConfig(), log);
  try {
    return await work(database.client);
  } catch (error) {
    if (error instanceof AppError) refused(error);
    throw error;
  } finally {
    await database.close();
  }
}
