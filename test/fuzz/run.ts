// npm run fuzz: Schemathesis, an API fuzzer that knows nothing of Interlock but its OpenAPI
// document, against a running Interlock with every check and the stateful phase, and exits
// non-zero on any failure. Schemathesis comes from PyPI into .venv-fuzz/ on first use. Without
// --url the script starts its own Interlock on a free loopback port over a throw-away embedded
// Neo4j holding the reference plant, with the rate limit and load shedding off (they are tested
// in the suite; here they would answer the fuzzer's bursts with 429 and 503).
//
//   npm run fuzz                        # 100 examples per operation (the CI run)
//   npm run fuzz -- --examples 1000     # the full run
//   npm run fuzz -- --url http://127.0.0.1:3000
//   npm run fuzz -- --examples 1000 --path /api/assurance/frameworks/{id}
import { Command } from 'commander';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseArgs, runCli } from '../../server/cli/cli-support.js';
import { logLine as log } from '../../server/log-line.js';
import { startLocalStack, type LocalStack } from '../helpers/local-stack.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VENV = join(ROOT, '.venv-fuzz');
export const SCHEMATHESIS_VERSION = '4.32.5';
const REPORTS = join(ROOT, 'test-artifacts', 'fuzz');

const Args = z.object({
  url: z.string().url().optional(),
  examples: z.coerce.number().int().min(1).max(100_000).default(100),
  seed: z.coerce.number().int().min(0).default(1),
  workers: z.coerce.number().int().min(1).max(16).default(2),
  token: z.string().min(1).optional(),
  path: z.array(z.string().regex(/^\/api\/[\w{}/.-]*$/, 'must be an API path as the document names it, e.g. /api/zones/{id}')).max(50).default([]),
});

/** The venv's `st`, installed (pinned) when missing or of another version. */
export function schemathesis(): string {
  const st = join(VENV, 'bin', 'st');
  const version = existsSync(st) ? spawnSync(st, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (version.includes(SCHEMATHESIS_VERSION)) return st;
  log(`Installing Schemathesis ${SCHEMATHESIS_VERSION} into .venv-fuzz/ (once)…`);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}); Python 3.10+ with venv is needed.`);
  };
  if (!existsSync(join(VENV, 'bin', 'pip'))) run('python3', ['-m', 'venv', VENV]);
  run(join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  return st;
}

interface Figures { operations: string; cases: string; failures: string; seconds: number }

/** The summary figures from Schemathesis's own closing lines. */
function figures(output: string, seconds: number): Figures {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  return {
    operations: /Tested: (\d+)/.exec(plain)?.[1] ?? '?',
    cases: /(\d+) generated/.exec(plain)?.[1] ?? '?',
    failures: /found (\d+) unique failures/.exec(plain)?.[1] ?? (/\d+ generated, \d+ passed/.test(plain) ? '0' : '?'),
    seconds,
  };
}

export async function fuzz(url: string, options: { examples: number; seed: number; workers: number; token?: string; quiet?: boolean; path?: string[] }): Promise<{ code: number; figures: Figures; output: string }> {
  const st = schemathesis();
  mkdirSync(REPORTS, { recursive: true });
  const args = [
    '--config-file', join(ROOT, 'test/fuzz/schemathesis.toml'), 'run', `${url}/openapi.json`,
    '--checks', 'all', '--phases', 'examples,coverage,fuzzing,stateful',
    '--max-examples', String(options.examples), '--seed', String(options.seed), '--workers', String(options.workers),
    '--request-timeout', '30', '--suppress-health-check', 'all',
    '--report', 'junit', '--report-dir', REPORTS, '--no-color',
    ...(options.token ? ['--header', `Authorization: Bearer ${options.token}`] : []),
    // The fuzzer's own credentials stay valid: its stateful phase would otherwise revoke its token
    // (listed by GET /api/auth/tokens) or disable its account. Both have tests of their own.
    '--exclude-path', '/api/tokens/{id}', '--exclude-path', '/api/users/{username}',
    ...(options.path ?? []).flatMap((p) => ['--include-path', p]),
  ];
  const started = performance.now();
  let output = '';
  const code = await new Promise<number>((done) => {
    const child = spawn(st, args, { env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (c) => done(c ?? 1));
  });
  return { code, figures: figures(output, Math.round((performance.now() - started) / 1000)), output };
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('fuzz')
    .description('Run Schemathesis (all checks, stateful included) against Interlock; exit 1 on any failure.')
    .option('--url <url>', 'a running Interlock (default: start one over a throw-away Neo4j)')
    .option('--examples <n>', 'examples per operation (1000 for the full run)', '100')
    .option('--seed <n>', 'random seed', '1')
    .option('--workers <n>', 'concurrent Schemathesis workers', '2')
    .option('--token <token>', 'an admin API token for --url (default: INTERLOCK_TOKEN)', process.env.INTERLOCK_TOKEN)
    .option('--path <paths...>', 'only the operations of these paths, e.g. to re-check what a change touched')
    .parse(argv);
  const args = parseArgs(Args, program.opts());
  const st = schemathesis();
  log(`Schemathesis: ${spawnSync(st, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
  let stack: LocalStack | undefined;
  try {
    if (!args.url) stack = await startLocalStack(log, { rateLimitScale: 0, pressure: false });
    const url = args.url ?? stack!.url;
    log(`Fuzzing ${url} with ${args.examples} examples per operation (seed ${args.seed})…`);
    const { code, figures: f } = await fuzz(url, { ...args, token: args.token ?? stack?.token });
    console.log(`fuzz: ${f.operations} operations, ${f.cases} cases, ${f.failures} failures, ${f.seconds} s (examples per operation ${args.examples}, seed ${args.seed}); exit ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await stack?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(() => main(process.argv));
