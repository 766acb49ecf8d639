// The one driver of the process, and the only way the rest of the server talks to Neo4j: queries
// are run by catalog name, every one in a managed read or write transaction (retried by the
// driver, so units of work must be idempotent) with explicit routing, so the same code runs on a
// single server, a cluster or Aura. Every operation passes through availability.ts: when Neo4j
// is gone it fails at once with DatabaseUnavailableError instead of waiting in driver retries.
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type ResultSummary } from 'neo4j-driver';
import { Availability, type Reachability } from './availability.js';
import { diagnose } from './driver-errors.js';
import { query } from './query-catalog.js';

// Rows are checked where they leave the server (response schemas), so values stay untyped here.
// biome-ignore lint/suspicious/noExplicitAny: rows are checked by the response schemas, not here
export type Row = Record<string, any>;

/**
 * Told, after each catalog query, the time Neo4j itself reports for it: until the first record
 * was available plus streaming the rest. It separates time inside the database from Bolt, Node
 * and HTTP when measuring (npm run bench); unset, it costs one property check per query.
 */
export type QueryTimer = (name: string, neo4jMs: number) => void;

/**
 * How long Neo4j lets a transaction run before it ends it and frees its locks and memory, by the
 * kind of work: a request's reads and edits are bounded well below the HTTP timeout, whole-site
 * work (an import, an export, the integrity check of a 100,000-asset estate) gets minutes.
 */
export const TIMEOUTS = { read: 30_000, write: 60_000, bulk: 600_000 } as const;

export interface TxOptions {
  /** Milliseconds before Neo4j ends the transaction; TIMEOUTS.read or .write by default. */
  timeoutMs?: number;
}

export interface DbClientOptions {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  maxPoolSize?: number;
  /** Where changes of reachability are told (gone, back); silent by default. */
  log?: (line: string) => void;
}

// What the driver may do on its own. Transient errors (two edits in a deadlock, a leader switch
// on a cluster) are still retried, for 2 s rather than the driver's 30; a database that is gone
// is handled by the availability probe, which ends waiting operations within about a second.
const DRIVER_BOUNDS = {
  maxTransactionRetryTime: 2_000,
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 5_000,
};

type Mode = 'READ' | 'WRITE';

export class DbClient {
  readonly driver: Driver;
  readonly database: string;
  /**
   * One bookmark manager for every session of the process: on a cluster a read after an import
   * or edit waits for that write, whichever member serves it (read your own writes). It is also
   * cheaper than executeQuery's built-in default manager, which measured ~2.5 ms more per read
   * query on this machine.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  queryTimer?: QueryTimer;
  private readonly availability: Availability;

  constructor(options: DbClientOptions) {
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      ...DRIVER_BOUNDS,
    });
    this.database = options.database;
    this.availability = new Availability({ probe: () => this.probe(), diagnose, log: options.log });
  }

  /** Whether Neo4j answered the last probe; 'down' means every operation answers 503 at once. */
  get reachability(): Reachability {
    return this.availability.state;
  }

  /** Runs a read query from the catalog on a reader. */
  async read(name: string, params: Row = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.run(name, params, 'READ', options);
  }

  /** Runs a single write query from the catalog on the leader. */
  async write(name: string, params: Row = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.run(name, params, 'WRITE', options);
  }

  private async run(name: string, params: Row, routing: Mode, options: TxOptions): Promise<Row[]> {
    const q = query(name);
    if (routing === 'READ' && q.mode !== 'read') throw new Error(`query ${name} is ${q.mode}, not read`);
    return this.unit(routing, (tx) => new Tx(tx, this).run(name, params), options);
  }

  /** Runs one schema statement (constraint or index) on the leader. */
  async schema(statement: string): Promise<void> {
    await this.unit('WRITE', async (tx) => {
      await tx.run(statement);
    });
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.unit('READ', (tx) => work(new Tx(tx, this)), options);
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.unit('WRITE', (tx) => work(new Tx(tx, this)), options);
  }

  /** Whether Neo4j answers, within 1.5 s; used by /api/health. */
  async ping(): Promise<boolean> {
    return this.availability.reachable();
  }

  private unit<T>(mode: Mode, work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.availability.guard(async (attempt) => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
        bookmarkManager: this.bookmarks,
      });
      // Closing the session drops pending retries and rolls back an open transaction, so work
      // answered 503 cannot commit later, when the database is back.
      attempt.whenAbandoned(() => void session.close().catch(() => undefined));
      const transaction = async (tx: ManagedTransaction) => {
        attempt.assertCurrent();
        try {
          return await work(tx);
        } catch (error) {
          // Seen here, inside the driver's retries, a broken connection is news a second sooner.
          if (diagnose(error) === 'unreachable') this.availability.suspect();
          throw error;
        }
      };
      try {
        const config = { timeout: options.timeoutMs ?? TIMEOUTS[mode === 'READ' ? 'read' : 'write'] };
        return await (mode === 'READ' ? session.executeRead(transaction, config) : session.executeWrite(transaction, config));
      } finally {
        await session.close();
      }
    });
  }

  /** Told by Tx of every answered query: the timer, and evidence that Neo4j is alive. */
  observe(name: string, summary: ResultSummary): void {
    this.availability.answered();
    if (this.queryTimer) this.queryTimer(name, neo4jMs(summary));
  }

  /** An auto-commit RETURN 1: not retried, so a dead database fails it at once. */
  private async probe(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.availability.stop();
    await this.driver.close();
  }
}

/** A managed transaction that runs catalog queries by name. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction, private readonly client: Pick<DbClient, 'observe'>) {}

  /**
   * Runs a catalog query. Calls need not be awaited one by one: the driver queues them on the
   * transaction's connection in order, so a loader can encode the next batch while Neo4j runs
   * the current one (site-store.ts keeps a few in flight).
   */
  async run(name: string, params: Row = {}): Promise<Row[]> {
    const result = await this.tx.run(query(name).text, params);
    this.client.observe(name, result.summary);
    return result.records.map(toRow);
  }
}

/**
 * Awaits queries started together in one transaction. They still run one after another on the
 * transaction's connection; starting them together saves the round trips between them. On
 * failure the first failure by position is thrown, so an error names the same change however
 * the replies interleave.
 */
export async function inOrder<T extends unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work as unknown as Array<Promise<unknown>>);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}

function neo4jMs(summary: ResultSummary): number {
  return neo4j.integer.toNumber(summary.resultAvailableAfter) + neo4j.integer.toNumber(summary.resultConsumedAfter);
}

function toRow(record: Neo4jRecord): Row {
  return record.toObject() as Row;
}
