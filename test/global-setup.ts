// Starts a throw-away embedded Neo4j on a free loopback port for the test run, unless NEO4J_URI
// points at a server already (then that server is used, and wiped by the tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded-neo4j.js';

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'interlock-test-neo4j-'));
    embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 256 });
    uri = embedded.uri;
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
  project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
  project.provide('neo4jDatabase', process.env.NEO4J_DATABASE ?? 'neo4j');
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}
