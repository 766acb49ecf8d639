// Keeps the embedded Neo4j running. When its JVM dies (a crash, the OOM killer, kill -9) it is
// started again on the same port and data folder, so the driver reconnects by itself and Neo4j
// replays its transaction log: what had committed is there, what had not is not, however often
// it restarts. Restarts back off (0.5 s, 1 s, 2 s … 8 s); a JVM that dies during start-up or
// within stableAfterMs of it counts as a fast failure, and after maxFastFailures of those in a
// row the supervisor gives up loudly: a log line, and onGiveUp, on which the server stops
// (main.ts) so that whatever supervises Interlock itself sees the failure.
import { logLine } from '../log-line.js';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded-neo4j.js';

export interface RestartPolicy {
  maxFastFailures: number;
  /** A JVM that served this long before dying was healthy: its death starts a new count. */
  stableAfterMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxFastFailures: 5, stableAfterMs: 30_000, firstDelayMs: 500, maxDelayMs: 8_000 };

export interface SupervisedOptions extends EmbeddedOptions {
  policy?: Partial<RestartPolicy>;
  onGiveUp?: (error: Error) => void;
}

export interface SupervisedNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The JVM running or starting now (it changes with every restart). */
  readonly pid: number;
  readonly restarts: number;
  /** Settles once no restart is under way: at once while running, else when it is back (or given up). */
  settled(): Promise<void>;
  /** Ends supervision without stopping the JVM: the first step of a clean shutdown. */
  unsupervise(): void;
  /** Ends supervision, then stops the JVM (and one being restarted). */
  stop(): Promise<void>;
}

export async function superviseEmbeddedNeo4j(options: SupervisedOptions): Promise<SupervisedNeo4j> {
  const log = options.log ?? logLine;
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  // Restarts reuse the port: the driver keeps its URI and finds the new JVM on its own.
  const port = options.port ?? (await freePort());
  let pid = -1;
  const start = () => startEmbeddedNeo4j({ ...options, port, onSpawn: (spawned) => (pid = spawned) });
  let current = await start();
  let readyAt = performance.now();
  let fastFailures = 0;
  let restarts = 0;
  let supervising = true;
  let recovering: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const pause = (ms: number) => new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    wake = () => {
      clearTimeout(timer);
      done();
    };
  });

  const watch = (instance: EmbeddedNeo4j) => {
    void instance.exited.then((how) => {
      if (supervising && instance === current) recovering = recover(`the JVM exited (${how})`, performance.now() - readyAt < policy.stableAfterMs);
    });
  };

  async function recover(firstCause: string, firstWasFast: boolean): Promise<void> {
    const downAt = performance.now();
    let cause = firstCause;
    let fast = firstWasFast;
    for (;;) {
      fastFailures = fast ? fastFailures + 1 : 1;
      if (fastFailures > policy.maxFastFailures) return giveUp(cause);
      const delay = Math.min(policy.firstDelayMs * 2 ** (fastFailures - 1), policy.maxDelayMs);
      log(`Embedded Neo4j stopped: ${cause}. Restarting it in ${(delay / 1000).toFixed(1)} s (fast failure ${fastFailures} of ${policy.maxFastFailures} allowed in a row)…`);
      await pause(delay);
      if (!supervising) return;
      try {
        const next = await start();
        if (!supervising) return void (await next.stop());
        current = next;
        readyAt = performance.now();
        restarts += 1;
        log(`Embedded Neo4j is back (pid ${next.pid}), ${((readyAt - downAt) / 1000).toFixed(1)} s after it stopped.`);
        return watch(next);
      } catch (error) {
        // A start that fails never became stable: always a fast failure.
        cause = `the restart failed (${(error as Error).message.split('\n')[0]})`;
        fast = true;
      }
    }
  }

  function giveUp(cause: string): void {
    supervising = false;
    const error = new Error(
      `Embedded Neo4j failed ${policy.maxFastFailures} times in a row (last: ${cause}); giving up on restarting it. ` +
      `Its log is in ${options.dataDir}/logs/debug.log.`,
    );
    log(`ERROR: ${error.message}`);
    options.onGiveUp?.(error);
  }

  const unsupervise = () => {
    supervising = false;
    wake?.();
  };
  watch(current);
  return {
    uri: current.uri,
    user: current.user,
    password: current.password,
    get pid() {
      return pid;
    },
    get restarts() {
      return restarts;
    },
    settled: async () => {
      await recovering;
    },
    unsupervise,
    async stop() {
      unsupervise();
      await recovering;
      await current.stop();
    },
  };
}
