// A request as the API shows it: its staleness from the journal, and what the caller may do now
// with the reason for each refusal — the same refusal() the service layer enforces, so a disabled
// button and a 403 always say the same thing.
import type { DbClient } from '../db/client.js';
import type { Actor } from '../identity/actor.js';
import { refusal, type Action } from '../identity/permissions.js';
import { FROM } from './rules.js';
import type { Discipline, ReviewListItem, ReviewViewT } from './schemas.js';
import { signAction } from './sign.js';
import { describeStale, staleBecause, type StaleChange } from './staleness.js';
import type { ReviewRecord } from './store.js';
import type { Verb } from './transition.js';
import type { z } from 'zod';

type Permission = { allowed: boolean; why: string | null };
const allowed = (why: string | undefined): Permission => ({ allowed: why === undefined, why: why ?? null });

function permission(actor: Actor, review: ReviewRecord, verb: Verb, action: Action, extra?: () => string | undefined): Permission {
  const who = refusal(actor, action, { requesterId: review.requesterId, signatures: review.signatures });
  if (who) return allowed(who);
  if (!FROM[verb].includes(review.status)) return allowed(`the request is ${review.status}; this needs ${FROM[verb].join(' or ')}`);
  return allowed(extra?.());
}

function signPermission(actor: Actor, review: ReviewRecord, discipline: Discipline, stale: StaleChange[]): Permission {
  return permission(actor, review, 'sign', signAction(discipline), () => {
    const a = review.assessment;
    if (!a?.required.includes(discipline)) return `its assessment needs no ${discipline} sign-off`;
    const given = review.signatures.find((s) => s.discipline === discipline);
    if (given) return `${given.displayName} has signed for ${discipline}`;
    if (stale.length) return `the assessment is stale (${describeStale(stale)}): it must be reassessed first`;
    return undefined;
  });
}

export async function reviewView(db: DbClient, actor: Actor, review: ReviewRecord): Promise<ReviewViewT> {
  const stale = await staleBecause(db, review);
  const a = review.assessment;
  return {
    id: review.id, title: review.title, reason: review.reason, window: review.window, request: review.request, patchVersion: review.patchVersion,
    status: review.status, version: review.version,
    requester: { username: review.requester, displayName: review.requesterName },
    createdAt: review.createdAt, updatedAt: review.updatedAt,
    assessment: a ? { revision: a.revision, at: a.at, hash: a.hash, required: a.required, answer: a.answer } : null,
    signatures: review.signatures.map(({ userId: _id, ...s }) => s),
    stale: stale.length > 0, staleBecause: stale,
    implemented: review.implemented,
    you: {
      edit: permission(actor, review, 'edit', 'change:raise'),
      submit: permission(actor, review, 'submit', 'change:raise'),
      reassess: permission(actor, review, 'reassess', 'change:raise'),
      withdraw: permission(actor, review, 'withdraw', 'change:raise'),
      implement: permission(actor, review, 'implement', 'change:implement', () => (stale.length ? `the assessment is stale (${describeStale(stale)}): it must be reassessed and signed again` : undefined)),
      signSafety: signPermission(actor, review, 'safety', stale),
      signSecurity: signPermission(actor, review, 'security', stale),
    },
  };
}

export async function listItem(db: DbClient, review: ReviewRecord): Promise<z.infer<typeof ReviewListItem>> {
  const stale = await staleBecause(db, review);
  return {
    id: review.id, title: review.title, status: review.status, version: review.version, window: review.window,
    requester: { username: review.requester, displayName: review.requesterName }, updatedAt: review.updatedAt, stale: stale.length > 0,
    maxSeverity: review.assessment?.answer.summary.maxSeverity ?? null, required: review.assessment?.required ?? [],
    signatures: review.signatures.map((s) => ({ discipline: s.discipline, meaning: s.meaning, username: s.username })),
  };
}
