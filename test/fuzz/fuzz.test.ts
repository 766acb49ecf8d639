// Schemathesis, an API fuzzer that knows Interlock only by its OpenAPI document, against the app
// serving the reference plant over loopback: every check, the stateful phase included, a bounded
// number of examples per operation (npm run fuzz runs more; the README has the full run's
// figures). Schemathesis comes from PyPI into .venv-fuzz/ on first use, like trestle for OSCAL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/identity/accounts.js';
import { issueToken } from '../../server/identity/tokens.js';
import { referencePlant } from '../../server/site/reference-plant.js';
import { useApp } from '../helpers/app.js';
import { fuzz, schemathesis } from './run.js';

const EXAMPLES = 20;
const REPORT = 'test-artifacts/fuzz/schemathesis-output.txt';
const ctx = useApp(() => referencePlant());
let url: string;
let token: string;

beforeAll(async () => {
  const actor = { username: 'test' };
  await createUser(ctx.db, actor, { username: 'fuzzer', roles: ['admin'] });
  token = (await issueToken(ctx.db, actor, 'fuzzer', 'schemathesis', 1)).token;
  url = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  schemathesis();
  mkdirSync('test-artifacts/fuzz', { recursive: true });
}, 600_000);

describe('Schemathesis against the OpenAPI document', () => {
  it(`finds no failure with every check and the stateful phase (${EXAMPLES} examples per operation)`, async () => {
    const { code, figures, output } = await fuzz(url, { examples: EXAMPLES, seed: 1, workers: 2, token, quiet: true });
    console.log(`fuzz: ${figures.operations} operations, ${figures.cases} cases, ${figures.failures} failures, ${figures.seconds} s`);
    // On failure the fuzzer's own report says what and how to reproduce it, whole in the file.
    writeFileSync(REPORT, output);
    expect(code, `${output.slice(-4000)}\n(the whole report: ${REPORT})`).toBe(0);
    expect(Number(figures.operations)).toBeGreaterThan(60);
  }, 1_200_000);
});
