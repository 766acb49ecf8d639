// The embedded Neo4j 5.26 Community used when NEO4J_URI is not set: builds the small Java
// launcher in neo4j-launcher/ with Maven on first use (fetching Neo4j from Maven Central), then
// starts it with Bolt on a loopback port, behind the data folder's password (bolt-password.ts),
// and waits for its READY line. neo4j-supervisor.ts restarts it when it dies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logLine } from '../log-line.js';
import { BOLT_USER, boltPasswordFile, ensureBoltPassword } from './bolt-password.js';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j-launcher/', import.meta.url));
const CLASSPATH_FILE = join(LAUNCHER_DIR, 'target', 'classpath.txt');
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

export class MissingToolError extends Error {}

const HOW_ELSE =
  'Or run everything in Docker with `docker compose up`, or point Interlock at an existing ' +
  'Neo4j 5 with NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD).';

export function checkJavaAndMaven(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new MissingToolError(`Java 17 or newer is needed to run the embedded Neo4j, and \`java\` was not found. Install a JDK 17+ (e.g. \`apt-get install openjdk-17-jdk-headless\`). ${HOW_ELSE}`);
  }
  const major = Number(/version "(\d+)/.exec(java.stderr)?.[1] ?? '0');
  if (major < 17) {
    throw new MissingToolError(`Java ${major} was found; the embedded Neo4j 5 needs Java 17 or newer. ${HOW_ELSE}`);
  }
  if (isLauncherBuilt()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new MissingToolError(`Maven is needed once to fetch Neo4j and build the launcher, and \`mvn\` was not found. Install Maven 3.8+ (e.g. \`apt-get install maven\`). ${HOW_ELSE}`);
  }
}

function newestMtime(dir: string): number {
  return readdirSync(dir).reduce((latest, entry) => {
    const path = join(dir, entry);
    const stat = statSync(path);
    return Math.max(latest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }, 0);
}

export function isLauncherBuilt(): boolean {
  if (!existsSync(CLASSPATH_FILE)) return false;
  const built = statSync(CLASSPATH_FILE).mtimeMs;
  return built >= newestMtime(join(LAUNCHER_DIR, 'src')) && built >= statSync(join(LAUNCHER_DIR, 'pom.xml')).mtimeMs;
}

/** Builds the launcher unless it is up to date; Maven's download lines are the progress. */
export async function buildLauncher(log: (line: string) => void = logLine): Promise<void> {
  checkJavaAndMaven();
  if (isLauncherBuilt()) return;
  log('Building the embedded Neo4j launcher (first run fetches Neo4j 5.26 from Maven Central)…');
  await new Promise<void>((done, fail) => {
    const mvn = spawn('mvn', ['-B', '--no-transfer-progress', 'compile'], { cwd: LAUNCHER_DIR });
    let downloads = 0;
    const onLine = (line: string) => {
      if (line.includes('Downloaded from')) {
        downloads += 1;
        if (downloads % 25 === 0) log(`  fetched ${downloads} artifacts…`);
      } else if (/\[ERROR\]|BUILD/.test(line)) log(`  ${line}`);
    };
    lines(mvn, onLine);
    mvn.on('error', fail);
    mvn.on('exit', (code) => (code === 0 ? done() : fail(new Error(`Maven build of neo4j-launcher failed (exit ${code}); see the lines above.`))));
  });
  // Maven leaves classpath.txt alone when the dependencies did not change, so without this a
  // source edit would look unbuilt for ever and every start would run Maven again.
  const now = new Date();
  utimesSync(CLASSPATH_FILE, now, now);
  log('Launcher built.');
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
  await buildLauncher(log);
  const dataDir = resolve(options.dataDir);
  const password = ensureBoltPassword(dataDir);
  const port = options.port ?? (await freePort());
  const classpath = `${join(LAUNCHER_DIR, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    '-XX:+UseG1GC',
    '-cp', classpath, MAIN_CLASS,
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
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ? `signal ${signal}` : `code ${code}`)));
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

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      parts.forEach(onLine);
    });
  }
}

