// Starts a throw-away embedded Neo4j on a free loopback port for the test run, unless NEO4J_URI
// points at a server already (then that server is used, and wiped by the tests). The embedded
// one requires its data folder's Bolt password, which the tests get from here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../server/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded-neo4j.js';

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  const target = config.NEO4J_URI
    ? { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? '' }
    : await startThrowAway();
  project.provide('neo4jUri', target.uri);
  project.provide('neo4jUser', target.user);
  project.provide('neo4jPassword', target.password);
  project.provide('neo4jDatabase', config.NEO4J_DATABASE);
}

async function startThrowAway(): Promise<EmbeddedNeo4j> {
  dataDir = mkdtempSync(join(tmpdir(), 'interlock-test-neo4j-'));
  embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 256 });
  return embedded;
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
