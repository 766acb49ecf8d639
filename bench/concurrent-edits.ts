// Writers at the same time on overlapping entities, each edit a GET (for the ETag) and a PUT with
// If-Match, as a careful client makes it. Every edit is either applied (200) or refused because
// someone else's came first (412); none may be lost: the change journal must hold exactly the
// applied edits, and each entity must end with the value of the last applied edit to it.
import type { DbClient } from '../server/db/client.js';
import { listRevisions } from '../server/site/journal.js';
import { readOne } from '../server/site/read-entities.js';
import { log } from './progress.js';
import { call, serve } from './serve.js';

export interface ConcurrencyResult {
  writers: number;
  editsPerWriter: number;
  entities: number;
  sent: number;
  applied: number;
  refused: number;
  other: number;
  /** Applied edits the journal does not hold, or the final state does not show. */
  lost: number;
  seconds: number;
}

const WRITERS = 8;
const EDITS_PER_WRITER = 200;

export async function measureConcurrentEdits(db: DbClient, zoneIds: string[]): Promise<ConcurrencyResult> {
  const targets = zoneIds.slice(0, 16);
  const served = await serve(db);
  const { head: before } = await listRevisions(db, 0, 1, 0);
  const applied: Array<{ zone: string; value: string; revision: number }> = [];
  let refused = 0;
  let other = 0;
  log(`  ${WRITERS} writers × ${EDITS_PER_WRITER} edits with If-Match on ${targets.length} zones`);
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < EDITS_PER_WRITER; i++) {
        const zone = targets[(w * 7 + i * 3) % targets.length]!;
        const read = await call(served.base, 'GET', `/api/zones/${zone}`);
        const { assets: _a, conduits: _c, ...doc } = read.body;
        const value = `writer ${w} edit ${i}`;
        const res = await call(served.base, 'PUT', `/api/zones/${zone}`, { ...doc, description: value }, { 'if-match': read.etag });
        if (res.status === 200) applied.push({ zone, value, revision: res.revision });
        else if (res.status === 412) refused += 1;
        else other += 1;
      }
    }));
  } finally {
    await served.close();
  }
  const seconds = (performance.now() - started) / 1000;

  // The journal since the run started: one update per applied edit, each of its zone.
  const journal = new Map<number, string>();
  for (const r of (await listRevisions(db, before, 5_000, 1)).revisions) {
    const change = r.changes[0];
    if (change?.op === 'update') journal.set(r.number, `${change.entity}|${String(change.after?.description)}`);
  }
  const last = new Map<string, { value: string; revision: number }>();
  for (const a of applied) if ((last.get(a.zone)?.revision ?? -1) < a.revision) last.set(a.zone, a);
  // An applied edit the journal does not hold as applied, or a journalled edit nobody was told of.
  let lost = applied.filter((a) => journal.get(a.revision) !== `${a.zone}|${a.value}`).length + Math.max(0, journal.size - applied.length);
  for (const [zone, a] of last) if ((await readOne(db, 'zones', zone)).doc.description !== a.value) lost += 1;
  return { writers: WRITERS, editsPerWriter: EDITS_PER_WRITER, entities: targets.length, sent: WRITERS * EDITS_PER_WRITER, applied: applied.length, refused, other, lost, seconds };
}
