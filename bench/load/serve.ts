// The server under load, in a process of its own so the load generator does not share its event
// loop: a throw-away Neo4j with the reference plant (test/helpers/local-stack.ts), production edge
// but for the rate limit (one load client would be throttled; budgets are tested in the suite).
// Prints `URL <url>` and `TOKEN <admin API token>` when ready and `MEMORY <json>` on SIGUSR2; stops on SIGTERM.
import { startLocalStack } from '../../test/helpers/local-stack.js';

const stack = await startLocalStack((line) => process.stderr.write(`${line}\n`), { rateLimitScale: 0 });
const memory = () => {
  const m = process.memoryUsage();
  process.stdout.write(`MEMORY ${JSON.stringify({ rssMb: Math.round(m.rss / 2 ** 20), heapUsedMb: Math.round(m.heapUsed / 2 ** 20) })}\n`);
};
process.on('SIGUSR2', () => {
  // A collection first, so "after" is what the server keeps, not garbage it has not yet freed.
  (globalThis as { gc?: () => void }).gc?.();
  memory();
});
process.on('SIGTERM', () => void stack.stop().then(() => process.exit(0)));
process.stdout.write(`URL ${stack.url}\nTOKEN ${stack.token}\n`);
