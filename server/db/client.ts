// The one driver of the process, and the only way the rest of the server talks to Neo4j: queries
// are run by catalog name, single queries through executeQuery with explicit routing, units of
// work through executeRead/executeWrite (retried by the driver, so they must be idempotent).
// Routing is explicit so the same code runs on a single server, a cluster or Aura.
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type ResultSummary } from 'neo4j-driver';
import { query } from './query-catalog.js';

// Rows are checked where they leave the server (response schemas), so values stay untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
}

export class DbClient {
  readonly driver: Driver;
  readonly database: string;
  /**
   * One bookmark manager for every session and executeQuery of the process: on a cluster a read
   * after an import or edit waits for that write, whichever member serves it (read your own
   * writes). It is also cheaper than executeQuery's built-in default manager, which measured
   * ~2.5 ms more per read query on this machine.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  queryTimer?: QueryTimer;

  constructor(options: DbClientOptions) {
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
    });
    this.database = options.database;
  }

  /** Runs a read query from the catalog on a reader. */
  async read(name: string, params: Row = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.run(name, params, 'READ', options);
  }

  /** Runs a single write query from the catalog on the leader. */
  async write(name: string, params: Row = {}, options: TxOptions = {}): Promise<Row[]> {
    return this.run(name, params, 'WRITE', options);
  }

  private async run(name: string, params: Row, routing: 'READ' | 'WRITE', options: TxOptions): Promise<Row[]> {
    const q = query(name);
    if (routing === 'READ' && q.mode !== 'read') throw new Error(`query ${name} is ${q.mode}, not read`);
    const transactionConfig = { timeout: options.timeoutMs ?? TIMEOUTS[routing === 'READ' ? 'read' : 'write'] };
    const result = await this.driver.executeQuery(q.text, params, { database: this.database, routing, bookmarkManager: this.bookmarks, transactionConfig });
    if (this.queryTimer) this.queryTimer(name, neo4jMs(result.summary));
    return result.records.map(toRow);
  }

  /** Runs one schema statement (constraint or index) on the leader. */
  async schema(statement: string): Promise<void> {
    await this.driver.executeQuery(statement, {}, { database: this.database, routing: 'WRITE', bookmarkManager: this.bookmarks });
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
    try {
      return await session.executeRead((tx) => work(new Tx(tx, this.queryTimer)), { timeout: options.timeoutMs ?? TIMEOUTS.read });
    } finally {
      await session.close();
    }
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      return await session.executeWrite((tx) => work(new Tx(tx, this.queryTimer)), { timeout: options.timeoutMs ?? TIMEOUTS.write });
    } finally {
      await session.close();
    }
  }

  /** True when a query round-trips within the timeout; used by /api/health. */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    // An auto-commit run, not executeQuery: the managed variant retries for up to 30 s, and a
    // health probe must fail fast and leave nothing retrying behind it.
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const attempt = session.run('RETURN 1').then(() => true, () => false);
    const timeout = new Promise<boolean>((done) => setTimeout(() => done(false), timeoutMs).unref());
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** A managed transaction that runs catalog queries by name. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction, private readonly timer?: QueryTimer) {}

  /**
   * Runs a catalog query. Calls need not be awaited one by one: the driver queues them on the
   * transaction's connection in order, so a loader can encode the next batch while Neo4j runs
   * the current one (site-store.ts keeps a few in flight).
   */
  async run(name: string, params: Row = {}): Promise<Row[]> {
    const result = await this.tx.run(query(name).text, params);
    if (this.timer) this.timer(name, neo4jMs(result.summary));
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
