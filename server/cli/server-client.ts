// CLIs that ask a running Interlock (--url) instead of opening the database: one way to call it,
// with one wording for a server that cannot be reached or answers an error.
import { fail } from './cli-support.js';

export interface ServerAnswer {
  status: number;
  body: unknown;
  text: string;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
}

export async function callServer(url: string, path: string, options: CallOptions = {}): Promise<ServerAnswer> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), {
      method: options.method ?? 'GET',
      ...(options.body !== undefined ? { body: options.body, headers: { 'content-type': options.contentType ?? 'application/json' } } : {}),
    });
  } catch (error) {
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    return fail(`cannot reach Interlock at ${url}: ${cause}`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a YAML export): the text is the answer
  }
  return { status: res.status, body, text };
}

/** A 5xx is the server's problem, not the input's: say so and stop. */
export function failOnServerError(url: string, answer: ServerAnswer): void {
  if (answer.status >= 500) fail(`Interlock at ${url} answered ${answer.status}: ${(answer.body as { message?: string })?.message ?? answer.text.slice(0, 200)}`);
}
