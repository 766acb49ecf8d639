// One change to a request, the way every one happens: in a write transaction, take its lock, check
// the caller may (permissions.ts: the one check point), the status allows it and, with If-Match,
// the version is the one the caller read; write it, and append its audit entry in the same
// transaction, so the change and its record commit or vanish together.
import { appendAudit } from '../audit/audit-log.js';
import type { DbClient, Tx } from '../db/client.js';
import { AppError, conflict } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, type Action } from '../identity/permissions.js';
import { FROM } from './rules.js';
import { lockReview, updateReview, type ReviewRecord } from './store.js';

export type Verb = keyof typeof FROM;

export const reviewTarget = (id: string) => `change-request/${id}`;

export const reviewPreconditionFailed = (review: ReviewRecord, expected: number) =>
  new AppError('INTERLOCK_PRECONDITION_FAILED',
    `Change request "${review.id}" is at version ${review.version}, not ${expected}: it was changed since you read it. Read it again and redo your edit.`,
    [{ path: 'headers.if-match', message: `the current version is ${review.version}` }], { etag: `"${review.version}"` });

const DONE: Readonly<Record<Verb, string>> = {
  edit: 'edited', submit: 'submitted', reassess: 'reassessed', withdraw: 'withdrawn', sign: 'signed', implement: 'implemented',
};

export function assertStatus(review: ReviewRecord, verb: Verb): void {
  if (FROM[verb].includes(review.status)) return;
  const already = review.status === 'IMPLEMENTED' && review.implemented ? ` (implemented at revision ${review.implemented.revision} by ${review.implemented.by})` : '';
  throw conflict(`Change request "${review.id}" is ${review.status}${already}; it can be ${DONE[verb]} only when ${FROM[verb].join(' or ')}.`);
}

export interface Step {
  actor: Actor;
  id: string;
  verb: Verb;
  action: Action;
  ifMatch?: number;
  /** Further checks on the locked request (freshness, signatures); throws to refuse. */
  check?: (tx: Tx, review: ReviewRecord) => Promise<void>;
  /** The new field values and what the audit entry records. */
  change: (review: ReviewRecord) => { fields: Partial<ReviewRecord>; details: Record<string, unknown> };
}

export async function runStep(tx: Tx, step: Step): Promise<ReviewRecord> {
  const review = await lockReview(tx, step.id);
  authorize(step.actor, step.action, { requesterId: review.requesterId, signatures: review.signatures });
  if (step.ifMatch !== undefined && step.ifMatch !== review.version) throw reviewPreconditionFailed(review, step.ifMatch);
  assertStatus(review, step.verb);
  await step.check?.(tx, review);
  const { fields, details } = step.change(review);
  const updated = await updateReview(tx, review.id, fields);
  await appendAudit(tx, {
    actor: step.actor.username, actorId: step.actor.id, action: `change:${step.verb}`, target: reviewTarget(review.id),
    details: { from: review.status, to: updated.status, version: updated.version, ...details },
  });
  return updated;
}

export const transition = (db: DbClient, step: Step): Promise<ReviewRecord> => db.writeTx((tx) => runStep(tx, step));
