// Shared plumbing for the command-line tools: argument validation with zod, reading JSON/YAML
// documents with readable errors, and one way to end. A CLI user gets `error: <what>` and exit
// code 1, never a stack trace; problems are raised as CliError and turned into an exit code by
// runCli, so `finally` blocks (closing the database, stopping the embedded Neo4j) still run.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Stops the command with a message for the user (printed by runCli, without a stack). */
export function fail(message: string, code = 1): never {
  throw new CliError(message, code);
}

export interface ParseArgsOptions {
  /** Keys that are positional arguments, named `<key>` in messages rather than `--key`. */
  positional?: string[];
}

/**
 * Validates raw commander options (and positionals passed in the same object) against a zod
 * schema; every problem is named by its argument: `--mode: must be replace or merge`.
 */
export function parseArgs<S extends z.ZodType>(schema: S, raw: unknown, options: ParseArgsOptions = {}): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'arguments';
    const name = options.positional?.includes(key) ? `<${key}>` : `--${key}`;
    return `${name}: ${issue.message}`;
  });
  return fail(lines.length === 1 ? lines[0]! : `invalid arguments:\n  ${lines.join('\n  ')}`);
}

export type DocumentFormat = 'json' | 'yaml';

/** By extension; otherwise by content (JSON starts with `{` or `[`, anything else is YAML). */
export function detectFormat(path: string, text: string): DocumentFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Reads a text file; a missing file, a folder or no permission is a CliError naming the file. */
export function readText(path: string, what = 'a JSON or YAML file'): string {
  try {
    if (statSync(path).isDirectory()) fail(`${path} is a directory, not ${what}.`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`${path}: no such file.`);
    if (code === 'EACCES') fail(`${path}: permission denied.`);
    return fail(`${path}: cannot be read (${(error as Error).message}).`);
  }
}

/** Reads and parses a JSON or YAML file; a missing file or a syntax error names file and line. */
export function readDocument(path: string): unknown {
  return parseDocument(path, readText(path));
}

/** Parses text already read; exported so tests and other tools share the error wording. */
export function parseDocument(path: string, source: string): unknown {
  const text = source.replace(/^\uFEFF/, ''); // editors on Windows save a byte-order mark; JSON.parse rejects it
  const format = detectFormat(path, text);
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      fail(`${path}: malformed JSON at ${jsonErrorLocation(text)}: ${jsonProblem((error as Error).message)}`);
    }
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}` : 'an unknown position';
      // The parser's first line is the problem plus "at line L, column C:"; the rest is an excerpt.
      const problem = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      fail(`${path}: malformed YAML at ${where}: ${problem}`);
    }
    throw error;
  }
}

/** V8's wording without its source excerpt or offset, e.g. "Unexpected token '}'". */
function jsonProblem(message: string): string {
  return message.replace(/, ".*" is not valid JSON$/s, '').replace(/ at position \d+.*$/s, '').replace(/ in JSON$/, '').split('\n')[0]!;
}

/** "line L, column C" of the first syntax error: V8 often gives no offset, so find it. */
function jsonErrorLocation(text: string): string {
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** Offset of the first character that breaks JSON syntax (text.length when it ends early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const string = () => {
    for (i++; i < text.length; i++) {
      if (text[i] === '"') return void i++;
      if (text[i] === '\\') i++;
      else if (text[i]! < ' ') stop();
    }
    stop();
  };
  const items = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') stop();
      i++;
    }
  };
  const value = (): void => {
    ws();
    if (text[i] === '{') {
      return items('}', () => {
        ws();
        if (text[i] !== '"') stop();
        string();
        ws();
        if (text[i] !== ':') stop();
        i++;
        value();
      });
    }
    if (text[i] === '[') return items(']', value);
    if (text[i] === '"') return string();
    literal.lastIndex = i;
    if (!literal.test(text)) stop();
    i = literal.lastIndex;
  };
  try {
    value();
    ws();
    if (i < text.length) stop();
    return text.length;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}

/**
 * Runs a CLI's main function: its resolved number is the exit code; a CliError prints its
 * message; any other error prints its message only (the stack helps developers, not operators).
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // The reader closed the pipe on purpose (`export | head`): nothing to report.
      if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    },
  );
}

/** Writes text to a stream and resolves once it has been flushed (large exports to a pipe). */
export function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((done, failWrite) => {
    // A failed write calls back with the error and then emits it: the listener stays to absorb it.
    const onError = (error: Error) => failWrite(error);
    stream.once('error', onError);
    stream.write(text, (error) => {
      if (error) return failWrite(error);
      stream.removeListener('error', onError);
      done();
    });
  });
}
