// Runs one of Interlock's entry points (the server, a CLI) as its own process with tsx, in a
// clean environment plus the given variables, keeping everything it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningEntry {
  child: ChildProcess;
  /** stdout and stderr together, so far. */
  output(): string;
  exited: Promise<number | null>;
}

export function startEntry(entry: string, env: Record<string, string>): RunningEntry {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, INTERLOCK_LOAD_FIXTURE: 'never', PORT: '0', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });
  return { child, output: () => output, exited };
}

/** Runs an entry point to its end. */
export async function runEntry(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const running = startEntry(entry, env);
  const code = await running.exited;
  return { code, output: running.output() };
}
