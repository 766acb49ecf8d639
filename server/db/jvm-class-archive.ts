// Class data sharing for the embedded Neo4j's JVM. At each start it loads some 20,000 classes
// (Neo4j, and Cypher in Scala); parsed and verified once and then mapped from an archive, they
// cut a start on this busy two-core machine from 34 s to 20 s, and a start is most of the time a
// crashed Neo4j takes to come back. The JVM writes the archive itself when it exits cleanly after
// a start without one (-XX:ArchiveClassesAtExit); it is named after the Java runtime and the
// launcher build it was made with, since the JVM ignores an archive made by others.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LAUNCHER_JAR } from './neo4j-launcher-build.js';

export interface ClassArchive {
  jvmArgs: string[];
  /** Called with the JVM's exit: keeps an archive it wrote in full, drops a partial one. */
  onExit(code: number | null): void;
}

// A missing, stale or foreign archive only means a slower start: never a word about it.
const QUIET = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];

const PREFIX = 'neo4j-classes-';

function archivePath(javaVersion: string): string {
  const key = createHash('sha256').update(`${javaVersion}\n${statSync(LAUNCHER_JAR).mtimeMs}`).digest('hex').slice(0, 12);
  return join(dirname(LAUNCHER_JAR), `${PREFIX}${key}.jsa`);
}

/** Whether starts with this runtime already map their classes from an archive. */
export function hasClassArchive(javaVersion: string): boolean {
  return existsSync(archivePath(javaVersion));
}

export function classArchive(javaVersion: string): ClassArchive {
  const archive = archivePath(javaVersion);
  const dir = dirname(archive);
  if (existsSync(archive)) return { jvmArgs: [...QUIET, `-XX:SharedArchiveFile=${archive}`], onExit: () => {} };
  // Archives of another runtime or build are of no use any more (about 100 MB each).
  for (const old of readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.jsa'))) rmSync(join(dir, old), { force: true });
  // Several JVMs may start before one has written it: each writes its own file, renamed into
  // place (atomically) once complete. A JVM killed by a signal may have left half an archive.
  const draft = `${archive}.${process.pid}-${Date.now()}`;
  return {
    jvmArgs: [...QUIET, `-XX:ArchiveClassesAtExit=${draft}`],
    onExit(code) {
      if (code !== null && existsSync(draft)) renameSync(draft, archive);
      else rmSync(draft, { force: true });
    },
  };
}
