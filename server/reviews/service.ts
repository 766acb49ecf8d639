// Raising, editing, submitting, reassessing and withdrawing change requests. Every path goes
// through transition.ts (lock, permission, status, version, audit) — signing (sign.ts) and
// implementing (implement.ts) too.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient } from '../db/client.js';
import { conflict } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize } from '../identity/permissions.js';
import { assess } from './assessment.js';
import type { NewReview, ReviewEdit } from './schemas.js';
import { insertReview, readReview, type Assessment, type ReviewRecord } from './store.js';
import { reviewTarget, transition } from './transition.js';

export async function createReview(db: DbClient, actor: Actor, input: NewReview): Promise<ReviewRecord> {
  authorize(actor, 'change:raise', {});
  // The what-if must be answerable now (its references exist): a request nobody can assess is refused at once.
  await assess(db, input.request);
  const now = new Date().toISOString();
  const record: ReviewRecord = {
    id: `cr-${randomUUID().slice(0, 8)}`, title: input.title, reason: input.reason, window: input.window, request: input.request,
    patchVersion: input.patchVersion ?? null, status: 'DRAFT', version: 1, requesterId: actor.id, requester: actor.username,
    requesterName: actor.displayName, createdAt: now, updatedAt: now, assessment: null, signatures: [], implemented: null,
  };
  return db.writeTx(async (tx) => {
    const created = await insertReview(tx, record);
    await appendAudit(tx, { actor: actor.username, actorId: actor.id, action: 'change:create', target: reviewTarget(record.id), details: { title: record.title, request: record.request } });
    return created;
  });
}

/** Editing changes what was assessed: the assessment and every signature are dismissed, and the request is a draft again. */
export async function editReview(db: DbClient, actor: Actor, id: string, edit: ReviewEdit, ifMatch: number | undefined): Promise<ReviewRecord> {
  if (edit.request) await assess(db, edit.request);
  return transition(db, {
    actor, id, verb: 'edit', action: 'change:raise', ifMatch,
    change: (review) => ({
      fields: { ...edit, status: 'DRAFT', assessment: null, signatures: [] },
      details: { edited: Object.keys(edit).sort(), dismissedSignatures: review.signatures.map((s) => `${s.discipline}:${s.username}`) },
    }),
  });
}

const assessed = (a: Assessment) => ({ revision: a.revision, hash: a.hash, required: a.required, maxSeverity: a.answer.summary.maxSeverity });

export async function submitReview(db: DbClient, actor: Actor, id: string, ifMatch: number | undefined): Promise<ReviewRecord> {
  const current = await readReview(db, id);
  authorize(actor, 'change:raise', { requesterId: current.requesterId });
  const assessment = await assess(db, current.request);
  return transition(db, {
    actor, id, verb: 'submit', action: 'change:raise', ifMatch, check: unchangedSince(current),
    change: () => ({ fields: { status: 'SUBMITTED', assessment, signatures: [] }, details: { assessment: assessed(assessment) } }),
  });
}

/** A fresh assessment of the same change: the signatures given on the old one are dismissed. */
export async function reassessReview(db: DbClient, actor: Actor, id: string, ifMatch: number | undefined): Promise<ReviewRecord> {
  const current = await readReview(db, id);
  authorize(actor, 'change:raise', { requesterId: current.requesterId });
  const assessment = await assess(db, current.request);
  return transition(db, {
    actor, id, verb: 'reassess', action: 'change:raise', ifMatch, check: unchangedSince(current),
    change: (review) => ({
      fields: { status: 'SUBMITTED', assessment, signatures: [] },
      details: { previous: review.assessment ? assessed(review.assessment) : null, assessment: assessed(assessment), dismissedSignatures: review.signatures.map((s) => `${s.discipline}:${s.username}`) },
    }),
  });
}

export async function withdrawReview(db: DbClient, actor: Actor, id: string, ifMatch: number | undefined): Promise<ReviewRecord> {
  return transition(db, { actor, id, verb: 'withdraw', action: 'change:raise', ifMatch, change: () => ({ fields: { status: 'WITHDRAWN' }, details: {} }) });
}

/** The request must still be the one that was assessed: an edit landing meanwhile means assess again. */
const unchangedSince = (read: ReviewRecord) => async (_tx: unknown, review: ReviewRecord) => {
  if (review.version !== read.version) throw conflict(`Change request "${review.id}" was changed while it was being assessed (version ${read.version} → ${review.version}); try again.`);
};
