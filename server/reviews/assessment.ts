// Running a request's assessment: the what-if answer, the site revision it read, what it read
// (the seed of staleness), the sign-offs it needs and the hash signatures cover.
import type { DbClient } from '../db/client.js';
import type { ImpactRequest } from '../impact/change-schema.js';
import { assessImpact } from '../impact/assess.js';
import { headRevision } from '../site/journal.js';
import { assessmentHash, requiredDisciplines, touchedIds } from './rules.js';
import type { Assessment } from './store.js';

export async function assess(db: DbClient, request: ImpactRequest): Promise<Assessment> {
  // The revision is read before the what-if: a write landing in between is then a change after
  // the stored revision, and marks the assessment stale at once — never the other way round.
  const revision = await headRevision(db);
  const answer = await assessImpact(db, request);
  const touched = touchedIds(request, answer);
  const around = await db.read('reviews/read-set', { ids: touched });
  const readSet = new Set(touched);
  for (const row of around) {
    for (const id of row.related as string[]) readSet.add(id);
    for (const list of row.dependants as string[][]) for (const id of list) readSet.add(id);
  }
  return {
    revision, at: new Date().toISOString(), hash: assessmentHash(request, revision, answer), required: requiredDisciplines(answer),
    readSet: [...readSet].sort(), answer,
  };
}
