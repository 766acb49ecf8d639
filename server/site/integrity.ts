// The graph's invariants, checked after start-up, after every import, periodically and on demand
// (npm run check, GET /api/health?deep=true). Incremental writes keep them by construction; the
// check is the guard against what no validation foresaw (a bug, a hand edit in Neo4j Browser, a
// restore of a damaged store). While an invariant is broken the what-if and assurance answers
// refuse with 503 and the reason rather than answer from a broken graph.
import { TIMEOUTS, type DbClient } from '../db/client.js';
import { AppError } from '../errors.js';
import { count } from '../plural.js';

export const INVARIANTS = {
  'conduit-ends': 'every conduit connects exactly two different zones',
  'duplicate-relationships': 'no relationship is stored twice',
  'dangling-references': 'every reference resolves, exactly once',
  'rule-ranges': "rule ranges match their endpoints' addresses",
  'flow-safety': 'safety-required flags match what depends on each flow',
} as const;
export type Invariant = keyof typeof INVARIANTS;

/** Problems listed per invariant at most: enough to find the cause, bounded on a badly broken graph. */
const LISTED = 20;

export interface IntegrityReport {
  ok: boolean;
  /** The site revision the check saw. */
  revision: number;
  checkedAt: string;
  problems: Array<{ invariant: Invariant; id: string; detail: string }>;
  /** How many problems there are in all (the list is capped per invariant). */
  total: number;
}

export async function checkIntegrity(db: DbClient): Promise<IntegrityReport> {
  // One read transaction: every invariant judged on the same snapshot.
  return db.readTx(async (tx) => {
    const revision = (await tx.run('journal/head'))[0]?.revision as number ?? 0;
    const problems: IntegrityReport['problems'] = [];
    let total = 0;
    for (const invariant of Object.keys(INVARIANTS) as Invariant[]) {
      const rows = await tx.run(`integrity/${invariant}`);
      total += rows.length;
      for (const row of rows.slice(0, LISTED)) problems.push({ invariant, id: String(row.id), detail: String(row.detail) });
    }
    return { ok: total === 0, revision: Number(revision), checkedAt: new Date().toISOString(), problems, total };
  }, { timeoutMs: TIMEOUTS.bulk });
}

/** The last check's verdict, held by the server; what-if and assurance routes ask it first. */
export class IntegrityMonitor {
  private report?: IntegrityReport;
  private running?: Promise<IntegrityReport>;

  constructor(private readonly db: DbClient) {}

  get last(): IntegrityReport | undefined {
    return this.report;
  }

  /** Runs a check (one at a time: a caller arriving during one shares it). */
  async check(): Promise<IntegrityReport> {
    this.running ??= checkIntegrity(this.db).then((r) => (this.report = r)).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Throws 503 when the last check found a broken invariant. */
  assertSound(): void {
    const r = this.report;
    if (!r || r.ok) return;
    const first = r.problems[0]!;
    throw new AppError('INTERLOCK_GRAPH_IN_DOUBT',
      `The graph fails its integrity check (${count(r.total, 'problem')} at revision ${r.revision}, first: ${first.id}: ${first.detail}), so no answer is given from it. ` +
      'Repair it with a replace import of the site document (it rewrites every entity), then ask again.',
      r.problems.slice(0, 10).map((p) => ({ path: `graph.${p.invariant}`, message: `${p.id}: ${p.detail}` })), { 'retry-after': '60' });
  }
}
