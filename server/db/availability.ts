// Whether Neo4j answers, as one state that every database operation consults before it reaches
// the driver. While the state is down, operations fail at once with DatabaseUnavailableError
// (503 + Retry-After), and so do those already under way: left to the driver, they would wait
// in its retries for up to 30 s. A probe (RETURN 1 on the app's database) moves the state: every
// second while up, so a dead database is known before the next request finds it; every half
// second while down, so its return is noticed quickly; and at once when an operation meets a
// broken connection.
//
//   up --probe refused or cut off (a dead JVM: at once)--> down
//   up --probe unanswered, and nothing answered for 5 s (a hung or cut-off database)--> down
//   down --probe answers--> up
//
// A probe that is merely slow changes nothing: a busy database (a large import on two cores) or
// a cold one (a JVM planning its first queries) is slow, not gone, and going down abandons the
// work under way.
import { DatabaseUnavailableError } from '../errors.js';

export type Reachability = 'up' | 'down';

/** What the driver's error says about the database: gone, too busy to take work, or neither. */
export type Diagnosis = 'unreachable' | 'busy' | 'other';

export interface AvailabilityOptions {
  /** Resolves when Neo4j answered; rejects with the driver's error when it could not. */
  probe: () => Promise<void>;
  diagnose: (error: unknown) => Diagnosis;
  log?: (line: string) => void;
  heartbeatMs?: number;
  recoveryProbeMs?: number;
  /** How long a probe waits for its answer (health answers 503 when it did not come). */
  probeTimeoutMs?: number;
  /** Silence that means hung: no answer to anything for this long, a probe waiting. */
  silenceMs?: number;
}

/** One operation under way. Abandoned when the database goes down before it has settled. */
export class Attempt {
  private abandoned = false;
  private readonly onAbandon: Array<() => void> = [];

  /** Called at the start of every driver retry: an abandoned unit of work must not run again. */
  assertCurrent(): void {
    if (this.abandoned) throw new Error('abandoned: the database went away and the request was answered 503');
  }

  whenAbandoned(action: () => void): void {
    this.onAbandon.push(action);
  }

  abandon(): void {
    this.abandoned = true;
    for (const action of this.onAbandon.splice(0)) action();
  }
}

export class Availability {
  private current: Reachability = 'up';
  private reason = '';
  private downSince = 0;
  /** Unset until Neo4j first answers: one that never did is starting, not hung. */
  private lastAnswerAt?: number;
  private probing?: Promise<boolean>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly inflight = new Set<(error: DatabaseUnavailableError) => void>();
  private readonly heartbeatMs: number;
  private readonly recoveryProbeMs: number;
  private readonly probeTimeoutMs: number;
  private readonly silenceMs: number;

  constructor(private readonly options: AvailabilityOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 1_000;
    this.recoveryProbeMs = options.recoveryProbeMs ?? 500;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1_500;
    this.silenceMs = options.silenceMs ?? 5_000;
    this.schedule(0);
  }

  get state(): Reachability {
    return this.current;
  }

  /**
   * Runs one operation unless the database is down, and gives up on it the moment the database
   * goes down. Driver errors that mean "unreachable" or "busy" become DatabaseUnavailableError.
   */
  async guard<T>(run: (attempt: Attempt) => Promise<T>): Promise<T> {
    if (this.current === 'down') throw this.unavailable();
    const attempt = new Attempt();
    let abandon!: (error: DatabaseUnavailableError) => void;
    const lost = new Promise<never>((_, reject) => {
      abandon = (error) => {
        attempt.abandon();
        reject(error);
      };
    });
    this.inflight.add(abandon);
    const work = run(attempt);
    try {
      const result = await Promise.race([work, lost]);
      this.answered();
      return result;
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      const diagnosis = this.options.diagnose(error);
      if (diagnosis === 'other') {
        this.answered(); // Neo4j said no (a constraint, a bad query): it is there
        throw error;
      }
      if (diagnosis === 'unreachable') this.suspect();
      throw this.unavailable((error as Error).message);
    } finally {
      this.inflight.delete(abandon);
      work.catch(() => {}); // an abandoned operation settles later, with nobody to tell
    }
  }

  /** Something answered: evidence that a slow probe is a busy database, not a hung one. */
  answered(): void {
    this.lastAnswerAt = performance.now();
  }

  /** An operation met a broken connection: probe now rather than at the next heartbeat. */
  suspect(): void {
    void this.check();
  }

  /**
   * Whether Neo4j can be used now, within the probe's timeout: at once while down (the recovery
   * probe runs every half second, and a restarting Neo4j may hold a probe for its whole timeout),
   * otherwise by a fresh probe.
   */
  async reachable(): Promise<boolean> {
    return this.current === 'up' && this.check();
  }

  /** Probes now (one probe at a time) and tells whether Neo4j answered. */
  check(): Promise<boolean> {
    this.probing ??= this.probeOnce().finally(() => {
      this.probing = undefined;
      this.schedule(this.current === 'up' ? this.heartbeatMs : this.recoveryProbeMs);
    });
    return this.probing;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async probeOnce(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), this.probeTimeoutMs);
      timer.unref();
    });
    const probe = this.options.probe().then(() => 'answered' as const, (error: Error) => error);
    const outcome = await Promise.race([probe, timedOut]);
    clearTimeout(timer);
    if (outcome === 'answered') {
      this.answered();
      this.markUp();
      return true;
    }
    if (outcome !== 'timeout') this.markDown(outcome.message);
    else if (this.lastAnswerAt !== undefined && performance.now() - this.lastAnswerAt >= this.silenceMs) {
      this.markDown(`no answer to anything for ${(this.silenceMs / 1000).toFixed(0)} s`);
    }
    return false;
  }

  private markDown(reason: string): void {
    this.reason = reason;
    if (this.current === 'down') return;
    this.current = 'down';
    this.downSince = performance.now();
    this.options.log?.(`Neo4j is not reachable (${reason}); every request that needs it answers 503 until it is back.`);
    const error = this.unavailable();
    for (const abandon of [...this.inflight]) abandon(error);
    this.inflight.clear();
  }

  private markUp(): void {
    if (this.current === 'up') return;
    this.current = 'up';
    this.options.log?.(`Neo4j is reachable again after ${((performance.now() - this.downSince) / 1000).toFixed(1)} s.`);
  }

  private unavailable(reason = this.reason): DatabaseUnavailableError {
    return new DatabaseUnavailableError(reason);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), ms);
    // A CLI ends when its work is done: the heartbeat never holds the process open.
    this.timer.unref();
  }
}
