// One kill -9 cycle: a workload under way (reads, edits, or an import), the JVM killed in the
// middle of it, every route asked while the database is down, the wait until it is back, and the
// graph compared with the last committed state. Each cycle reports what it saw; the vitest suite
// asserts on it and `npm run faults` counts it over many repetitions.
import { generateEstate } from '../../server/generate/estate.js';
import type { SiteDocument } from '../../server/model/site-schema.js';
import { snapshot } from '../helpers/db.js';
import { miniSite } from '../helpers/mini-site.js';
import { ANSWER_WHILE_DOWN_MS, ask, killNeo4j, RECOVERY_WITHIN_MS, sleep, sweep, waitForRecovery, type Answer, type Rig } from './rig.js';

export const SCENARIOS = ['reads', 'writes', 'import'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface CycleResult {
  scenario: Scenario;
  /** 503 answers, from the interrupted workload and from the sweep of every route. */
  unavailable: number;
  /** The slowest 503, counted from the kill for requests already under way. */
  maxMsTo503: number;
  recoveryMs: number;
  stateEqual: boolean;
  /** Everything that broke a rule, in words; empty when the cycle passed. */
  problems: string[];
}

// Time for the workload to be well under way before the kill.
const KILL_AFTER_MS = 300;
const READ_PAUSE_MS = 20;

export function runCycle(rig: Rig, scenario: Scenario): Promise<CycleResult> {
  return { reads: killDuringReads, writes: killDuringWrites, import: killDuringImport }[scenario](rig);
}

/** Readers on every GET route: each answer is the right body or a prompt 503, never anything else. */
async function killDuringReads(rig: Rig): Promise<CycleResult> {
  // The readers ask what answers 200 before the kill (an id the mini site lacks is a 404, which the
  // sweep of every route still covers while the database is down).
  const reads: typeof rig.routes = [];
  const expected = new Map<string, string>();
  for (const request of rig.routes.filter((r) => r.method === 'GET')) {
    const answer = await ask(rig, request);
    if (answer.status !== 200) continue;
    reads.push(request);
    expected.set(answer.what, answer.body);
  }
  const before = await snapshot(rig.db);
  const answers: Answer[] = [];
  let reading = true;
  const readers = [0, 1, 2].map(async (offset) => {
    for (let i = offset; reading; i += 1) {
      answers.push(await ask(rig, reads[i % reads.length]!));
      // 503s come back in a millisecond: without a pause the readers would starve the restart.
      await sleep(READ_PAUSE_MS);
    }
  });
  await sleep(KILL_AFTER_MS);
  const killedAt = killNeo4j(rig);
  const outage = await sweepAndRecover(rig, killedAt);
  reading = false;
  await Promise.all(readers);
  const wrong = answers.filter((a) => a.status === 200 && a.body !== expected.get(a.what));
  const problems = wrong.map((a) => `${a.what} answered 200 with other data than before the kill`);
  return judge('reads', answers, outage, killedAt, sameGraph(before, await snapshot(rig.db)), problems);
}

/** One edit after another on a zone: the graph ends as of the last acknowledged edit or the one cut off. */
async function killDuringWrites(rig: Rig): Promise<CycleResult> {
  const zone = miniSite().zones!.find((z) => z.id === 'z-ops')!;
  const rename = (name: string) => ask(rig, { method: 'PUT', url: '/api/zones/z-ops', payload: { ...zone, name } });
  const tag = `renamed-${Date.now()}`;
  const answers: Answer[] = [];
  let acknowledged = `${tag}-first`;
  let cutOff = acknowledged;
  const first = await rename(acknowledged);
  if (first.status !== 200) return judge('writes', [first], undefined, performance.now(), false, ['the first edit failed before any kill']);
  const writer = (async () => {
    for (let i = 0; ; i += 1) {
      const answer = await rename(`${tag}-${i}`);
      answers.push(answer);
      if (answer.status !== 200) {
        cutOff = `${tag}-${i}`;
        return;
      }
      acknowledged = `${tag}-${i}`;
    }
  })();
  await sleep(KILL_AFTER_MS);
  const killedAt = killNeo4j(rig);
  await writer;
  const outage = await sweepAndRecover(rig, killedAt);
  const after = await snapshot(rig.db);
  // A correct database holds the last acknowledged edit or the one cut off (it may have committed
  // before its answer was lost). Which one is read first: repeating the other edit would itself be
  // a new revision. Repeating the edit the graph holds then changes nothing if the graph is whole.
  const held = (await ask(rig, { method: 'GET', url: '/api/zones/z-ops' })).body;
  const name = [cutOff, acknowledged].find((n) => held.includes(`"name":"${n}"`));
  const problems = name ? [] : [`the zone holds neither ${acknowledged} nor ${cutOff}: ${held.slice(0, 200)}`];
  const equal = name !== undefined && (await rename(name)).status === 200 && sameGraph(await snapshot(rig.db), after);
  return judge('writes', answers, outage, killedAt, equal, problems);
}

let estate: SiteDocument | undefined;

/** An import killed once its transaction has written its first batch of entities: all or nothing, so nothing. */
async function killDuringImport(rig: Rig): Promise<CycleResult> {
  estate ??= generateEstate({ assets: 1_000, seed: 7 });
  const before = await snapshot(rig.db);
  let killedAt: number | undefined;
  rig.db.queryTimer = (name) => {
    if (name === 'site/upsert-entities' && killedAt === undefined) killedAt = killNeo4j(rig);
  };
  const answer = await ask(rig, { method: 'POST', url: '/api/import?mode=replace', payload: estate });
  rig.db.queryTimer = undefined;
  if (killedAt === undefined) return judge('import', [answer], undefined, performance.now(), false, ['the import ended before it could be killed']);
  const outage = await sweepAndRecover(rig, killedAt);
  const problems = answer.status === 503 ? [] : [`the interrupted import answered ${answer.status}`];
  return judge('import', [answer], outage, killedAt, sameGraph(before, await snapshot(rig.db)), problems);
}

interface Outage {
  swept: Answer[];
  recoveryMs: number;
}

async function sweepAndRecover(rig: Rig, killedAt: number): Promise<Outage> {
  const swept = await sweep(rig);
  const recoveryMs = await waitForRecovery(rig, killedAt);
  // The app is served before the launcher has finished (its READY line); the next cycle kills
  // the JVM only once the supervisor is done with this one.
  await rig.neo4j.settled();
  return { swept, recoveryMs };
}

/** Applies the rules to what a cycle saw: every route 503 while down, prompt, with Retry-After. */
function judge(scenario: Scenario, workload: Answer[], outage: Outage | undefined, killedAt: number, stateEqual: boolean, found: string[]): CycleResult {
  const problems = [...found];
  const swept = outage?.swept ?? [];
  for (const a of swept.filter((s) => s.status !== 503)) problems.push(`${a.what} answered ${a.status} while Neo4j was down`);
  for (const a of workload.filter((w) => w.status !== 200 && w.status !== 503)) problems.push(`${a.what} answered ${a.status}`);
  const unavailable = [...workload, ...swept].filter((a) => a.status === 503);
  const wait = (a: Answer) => a.answeredAt - Math.max(a.startedAt, killedAt);
  for (const a of unavailable.filter((u) => !u.retryAfter)) problems.push(`${a.what} answered 503 without Retry-After`);
  for (const a of unavailable.filter((u) => wait(u) > ANSWER_WHILE_DOWN_MS)) problems.push(`${a.what} took ${Math.round(wait(a))} ms to answer 503`);
  const maxMsTo503 = Math.max(0, ...unavailable.map(wait));
  const recoveryMs = outage?.recoveryMs ?? Infinity;
  if (recoveryMs > RECOVERY_WITHIN_MS) problems.push(`Neo4j was not back within ${RECOVERY_WITHIN_MS / 1000} s`);
  if (!stateEqual) problems.push('the graph afterwards is not the last committed state');
  return { scenario, unavailable: unavailable.length, maxMsTo503, recoveryMs, stateEqual, problems };
}

function sameGraph(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
