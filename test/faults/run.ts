// `npm run faults -- --repeat 50`: the kill -9 cycles of kill-neo4j.test.ts many times over, on
// one supervised embedded Neo4j, in turn during reads, edits and an import; each cycle gets a
// line on stderr, and the counts go to stdout: 503s seen, the slowest 503, the slowest recovery,
// equal-state checks passed. Exits 1 when any cycle broke a rule.
import { Command } from 'commander';
import { z } from 'zod';
import { parseArgs, runCli } from '../../server/cli/cli-support.js';
import { logLine as log } from '../../server/log-line.js';
import { runCycle, SCENARIOS, type CycleResult } from './cycles.js';
import { ANSWER_WHILE_DOWN_MS, RECOVERY_WITHIN_MS, startRig } from './rig.js';

const Args = z.object({
  repeat: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1_000, 'must be at most 1000'),
  verbose: z.boolean().default(false),
});

async function main(argv: string[]): Promise<number> {
  const program = new Command('faults')
    .description('Kill the embedded Neo4j (kill -9) during reads, edits and imports, and count what the API answered.')
    .option('--repeat <n>', 'kill/recover cycles', '50')
    .option('--verbose', "print the supervisor's and the client's log lines")
    .parse(argv);
  const { repeat, verbose } = parseArgs(Args, program.opts());
  const rig = await startRig(verbose ? log : undefined);
  const results: CycleResult[] = [];
  try {
    for (let i = 0; i < repeat; i += 1) {
      const result = await runCycle(rig, SCENARIOS[i % SCENARIOS.length]!);
      results.push(result);
      log(`cycle ${i + 1}/${repeat} (${result.scenario}): ${describe(result)}`);
    }
  } finally {
    await rig.close();
  }
  console.log(summary(results));
  return results.every((r) => r.problems.length === 0) ? 0 : 1;
}

function describe(r: CycleResult): string {
  const graph = r.stateEqual ? 'graph as last committed' : 'graph NOT as last committed';
  const problems = r.problems.length ? `; PROBLEMS: ${r.problems.join('; ')}` : '';
  return `${r.unavailable} × 503, slowest ${Math.round(r.maxMsTo503)} ms; back after ${seconds(r.recoveryMs)}; ${graph}${problems}`;
}

function summary(results: CycleResult[]): string {
  const per = SCENARIOS.map((s) => `${s} ${results.filter((r) => r.scenario === s).length}`).join(', ');
  const recoveries = results.map((r) => r.recoveryMs).sort((a, b) => a - b);
  const median = recoveries[Math.floor(recoveries.length / 2)]!;
  return [
    `Kill/recover cycles: ${results.length} (${per})`,
    `503s seen: ${sum(results.map((r) => r.unavailable))}; slowest 503: ${Math.round(Math.max(...results.map((r) => r.maxMsTo503)))} ms (bound ${ANSWER_WHILE_DOWN_MS} ms)`,
    `Recovery: slowest ${seconds(recoveries[recoveries.length - 1]!)}, median ${seconds(median)} (bound ${RECOVERY_WITHIN_MS / 1000} s)`,
    `Equal-state checks passed: ${results.filter((r) => r.stateEqual).length}/${results.length}`,
    `Cycles with problems: ${results.filter((r) => r.problems.length > 0).length}`,
  ].join('\n');
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never');

runCli(() => main(process.argv));
