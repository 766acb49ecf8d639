// No secret is ever printed: a password written into NEO4J_URI or given as NEO4J_PASSWORD stays out
// of everything the server and the CLIs write, in particular when they cannot start. Each case
// runs the real entry point in a child process and reads all it printed.
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { freePort } from '../server/db/embedded-neo4j.js';
import { runEntry as run } from './helpers/run-entry.js';

const URI_SECRET = 'uri-secret-Zq81';
const ENV_SECRET = 'env-secret-Pw47';

const leaks = (output: string) => [URI_SECRET, ENV_SECRET].filter((secret) => output.includes(secret));

describe('secrets in the configuration', () => {
  it('are not printed when the server cannot reach Neo4j at start', async () => {
    const port = await freePort();
    const { code, output } = await run('server/main.ts', {
      NEO4J_URI: `bolt://neo4j:${URI_SECRET}@127.0.0.1:${port}`,
      NEO4J_PASSWORD: ENV_SECRET,
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port}`);
    expect(leaks(output)).toEqual([]);
  });

  it('are not printed when Neo4j refuses the password', async () => {
    // Another user than the run's own: Neo4j locks a user out for a while after failed logins.
    const { code, output } = await run('server/main.ts', { NEO4J_URI: inject('neo4jUri'), NEO4J_USER: 'intruder', NEO4J_PASSWORD: ENV_SECRET });
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot reach Neo4j at .*unauthorized/i);
    expect(leaks(output)).toEqual([]);
  });

  it('are not printed by a CLI that cannot reach Neo4j', async () => {
    const port = await freePort();
    const { code, output } = await run('server/cli/export.ts', { NEO4J_URI: `neo4j://admin:${URI_SECRET}@127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toContain(`error: Cannot reach Neo4j at neo4j://127.0.0.1:${port}`);
    expect(leaks(output)).toEqual([]);
  });

  it('are not printed when the configuration itself is invalid', async () => {
    const { code, output } = await run('server/main.ts', {
      NEO4J_URI: `http://neo4j:${URI_SECRET}@127.0.0.1:7687`,
      NEO4J_PASSWORD: ENV_SECRET,
      PORT: 'not-a-port',
    });
    expect(code).toBe(1);
    expect(output).toContain('NEO4J_URI: must be a neo4j://');
    expect(leaks(output)).toEqual([]);
  });
});

describe('credentials written into NEO4J_URI', () => {
  it('are used, and leave the URI, which is all that is ever printed', () => {
    expect(loadConfig({ NEO4J_URI: `neo4j+s://reader:${URI_SECRET}%40x@db.example:7687` })).toMatchObject({
      NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: `${URI_SECRET}@x`,
    });
  });

  it('give way to NEO4J_USER and NEO4J_PASSWORD set on their own', () => {
    expect(loadConfig({ NEO4J_URI: `bolt://reader:${URI_SECRET}@db.example`, NEO4J_USER: 'writer', NEO4J_PASSWORD: ENV_SECRET })).toMatchObject({
      NEO4J_URI: 'bolt://db.example', NEO4J_USER: 'writer', NEO4J_PASSWORD: ENV_SECRET,
    });
  });
});
