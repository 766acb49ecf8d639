// Runs a CLI of server/cli/ through a shell, as a pipeline would, against the test run's Neo4j.
// Asynchronous: a server that --url talks to may live in the calling test process and must keep
// answering while the CLI runs.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCliScript(script: string, args: string): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn('bash', ['-c', `node_modules/.bin/tsx server/cli/${script}.ts ${args}`], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
