// Runs one of the CLIs through a shell, as a pipeline would, against the test run's Neo4j.
// Asynchronous: a server that --url talks to may live in the calling process and must keep answering.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';

export function runCli(script: string, args: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['-c', `node_modules/.bin/tsx ${script} ${args}`], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
