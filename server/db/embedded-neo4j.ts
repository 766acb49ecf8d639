// The embedded Neo4j 5.26 Community used when NEO4J_URI is not set: builds the small Java
// launcher in neo4j-launcher/ with Maven on first use (fetching Neo4j from Maven Central), then
// starts it with Bolt on a loopback port, behind the data folder's password (bolt-password.ts),
// and waits for its READY line. neo4j-supervisor.ts restarts it when it dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { logLine } from '../log-line.js';
import { BOLT_USER, boltPasswordFile, ensureBoltPassword } from './bolt-password.js';
import { lines } from './child-lines.js';
import { classArchive } from './jvm-class-archive.js';
import { buildLauncher, launcherClasspath } from './neo4j-launcher-build.js';

const MAIN_CLASS = 'dev.interlock.neo4j.Launcher';
const READY = /INTERLOCK_NEO4J_READY (\S+)/;

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
  /** Where build and start-up progress goes; stderr by default. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
  /** Told the JVM's process id as soon as it runs, before it is ready. */
  onSpawn?: (pid: number) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** Bolt credentials: the data folder's password, for the driver only; never to be printed. */
  user: string;
  password: string;
  pid: number;
  /** Settles once the JVM has exited, for whatever reason, saying how ("signal SIGKILL"). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Heap and page cache for an estate of this many assets. Measured with the synthetic estates: the
 * store is about 1.8 KB per asset (175 MB at 100,000), so the page cache holds all of it with
 * room to spare; the heap must hold a whole-estate import, which is one transaction (its state
 * lives on the heap until commit), plus query working memory.
 */
export function memoryForEstate(assets: number): { heapMb: number; pageCacheMb: number } {
  const heapMb = Math.min(8192, Math.max(1024, 1024 * Math.ceil((512 + assets * 0.03) / 1024)));
  const pageCacheMb = Math.min(4096, Math.max(256, 256 * Math.ceil((assets * 0.0018 * 3) / 256)));
  return { heapMb, pageCacheMb };
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? logLine;
  const java = await buildLauncher(log);
  const dataDir = resolve(options.dataDir);
  const password = ensureBoltPassword(dataDir);
  const port = options.port ?? (await freePort());
  const archive = classArchive(java);
  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    '-XX:+UseG1GC',
    ...archive.jvmArgs,
    '-cp', launcherClasspath(), MAIN_CLASS,
    '--data', dataDir,
    '--port', String(port),
    // The file, not the password: arguments are visible to every local user in the process list.
    '--password-file', boltPasswordFile(dataDir),
    '--pagecache-mb', String(options.pageCacheMb ?? 512),
  ];
  log(`Starting embedded Neo4j 5.26 on 127.0.0.1:${port} (data: ${dataDir})…`);
  // Its own process group: a Ctrl-C in the terminal reaches Node only, which stops supervision
  // and then the JVM in order. An orphaned JVM still ends: its stdin closes with Node.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => {
    archive.onExit(code);
    done(signal ? `signal ${signal}` : `code ${code}`);
  }));
  if (child.pid) options.onSpawn?.(child.pid);
  const uri = await waitForReady(child, options.startTimeoutMs ?? 180_000);
  log(`Embedded Neo4j ready at ${uri}.`);
  return { uri, user: BOLT_USER, password, pid: child.pid ?? -1, exited, stop: () => stopChild(child) };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const recent: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Embedded Neo4j did not become ready within ${timeoutMs / 1000} s. Last output:\n${recent.join('\n')}`));
    }, timeoutMs);
    lines(child, (line) => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      const m = READY.exec(line);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Embedded Neo4j exited (code ${code}) before it was ready. Last output:\n${recent.join('\n')}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
