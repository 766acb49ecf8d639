// The small Java launcher in neo4j-launcher/: built with Maven on first use (fetching Neo4j from
// Maven Central) and again whenever its source or pom changes; later starts reuse target/ and
// ~/.m2 and start the JVM directly, without Maven.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logLine } from '../log-line.js';
import { lines } from './child-lines.js';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j-launcher/', import.meta.url));
const CLASSPATH_FILE = join(LAUNCHER_DIR, 'target', 'classpath.txt');
// A jar, not target/classes: the JVM archives classes for sharing only from jars.
export const LAUNCHER_JAR = join(LAUNCHER_DIR, 'target', 'launcher.jar');

export class MissingToolError extends Error {}

const HOW_ELSE =
  'Or run everything in Docker with `docker compose up`, or point Interlock at an existing ' +
  'Neo4j 5 with NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD).';

/** Checks for Java 17+ (and Maven when a build is due); returns what `java -version` says. */
export function checkJavaAndMaven(): string {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new MissingToolError(`Java 17 or newer is needed to run the embedded Neo4j, and \`java\` was not found. Install a JDK 17+ (e.g. \`apt-get install openjdk-17-jdk-headless\`). ${HOW_ELSE}`);
  }
  const major = Number(/version "(\d+)/.exec(java.stderr)?.[1] ?? '0');
  if (major < 17) {
    throw new MissingToolError(`Java ${major} was found; the embedded Neo4j 5 needs Java 17 or newer. ${HOW_ELSE}`);
  }
  if (isLauncherBuilt()) return java.stderr;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new MissingToolError(`Maven is needed once to fetch Neo4j and build the launcher, and \`mvn\` was not found. Install Maven 3.8+ (e.g. \`apt-get install maven\`). ${HOW_ELSE}`);
  }
  return java.stderr;
}

function newestMtime(dir: string): number {
  return readdirSync(dir).reduce((latest, entry) => {
    const path = join(dir, entry);
    const stat = statSync(path);
    return Math.max(latest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }, 0);
}

export function isLauncherBuilt(): boolean {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(LAUNCHER_JAR)) return false;
  const built = statSync(CLASSPATH_FILE).mtimeMs;
  return built >= newestMtime(join(LAUNCHER_DIR, 'src')) && built >= statSync(join(LAUNCHER_DIR, 'pom.xml')).mtimeMs;
}

/**
 * Builds the launcher unless it is up to date (Maven's download lines are the progress) and
 * returns what `java -version` says.
 */
export async function buildLauncher(log: (line: string) => void = logLine): Promise<string> {
  const java = checkJavaAndMaven();
  if (isLauncherBuilt()) return java;
  log('Building the embedded Neo4j launcher (first run fetches Neo4j 5.26 from Maven Central)…');
  await new Promise<void>((done, fail) => {
    const mvn = spawn('mvn', ['-B', '--no-transfer-progress', 'process-classes'], { cwd: LAUNCHER_DIR });
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
  return java;
}

/** The JVM's classpath: the launcher and Neo4j with its dependencies from ~/.m2. */
export function launcherClasspath(): string {
  return `${LAUNCHER_JAR}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

