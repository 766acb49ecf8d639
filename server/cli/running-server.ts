// A running `npm start` holds the embedded database; a CLI opening it too would wait on Neo4j's
// store lock and fail after ~20 s with a Java stack trace. The server leaves a note in the data
// folder saying where it listens, and a CLI that finds a live one stops at once and says to use
// --url instead.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { fail } from './cli-support.js';

const NOTE = 'interlock-server.json';

const notePath = (dataDir: string) => join(resolve(dataDir), NOTE);

/** Writes the note; returns how to remove it on shutdown. */
export function announceServer(dataDir: string, url: string): () => void {
  const path = notePath(dataDir);
  writeFileSync(path, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function runningServer(dataDir: string): { url: string; pid: number } | undefined {
  const path = notePath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const note = JSON.parse(readFileSync(path, 'utf8')) as { url: string; pid: number };
    return alive(note.pid) ? note : undefined;
  } catch {
    return undefined; // a half-written or foreign file is no evidence of a server
  }
}

/** For a CLI about to open the embedded database: stop with advice if a server holds it. */
export function refuseIfServerRunning(config: Config): void {
  if (config.NEO4J_URI) return;
  const server = runningServer(config.INTERLOCK_DATA_DIR);
  if (server) fail(`a server is running on ${server.url} (pid ${server.pid}) and holds the embedded database; use --url ${server.url}, or stop the server first.`);
}
