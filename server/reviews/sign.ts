// Signing a request for one discipline. The signer re-enters their password first (a local
// account's; an account of the identity provider re-authenticates there instead: sign-step-up.ts,
// which records the signature through `recordSignature` as here). Then, under the request's lock: the permission table decides (the discipline's
// role, the requester never signs, one person never signs for both disciplines), the request must
// be submitted, fresh, need this discipline and still hold the assessment the signer read.
import type { DbClient } from '../db/client.js';
import { AppError, conflict } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { findUser } from '../identity/accounts.js';
import { lockedUntil, recordFailure } from '../identity/lockout.js';
import { verifyPassword } from '../identity/passwords.js';
import type { IdentitySettings } from '../identity/settings.js';
import { lockedOut } from '../identity/sign-in.js';
import { forbidden, type Action } from '../identity/permissions.js';
import { decide, type SignatureRecord } from './rules.js';
import type { Discipline, SignBody } from './schemas.js';
import { assertFresh } from './staleness.js';
import type { ReviewRecord } from './store.js';
import { transition } from './transition.js';

export const signAction = (discipline: Discipline): Action => (discipline === 'safety' ? 'change:sign-safety' : 'change:sign-security');

/** Where the signer signs from, and the lockout settings: a signature's password is guarded like a sign-in's. */
export interface SignerContext { source: string; settings: IdentitySettings }

/**
 * Checks the signer's password: 422 for an account without one, 403 for a wrong one. Failures
 * count toward the same lockout as sign-ins (per account and address), so a stolen session cannot
 * be used to guess the password through this route; 429 while locked.
 */
export async function reauthenticate(db: DbClient, actor: Actor, password: string, from: SignerContext): Promise<void> {
  const account = actor.kind === 'user' ? await findUser(db, actor.username) : undefined;
  if (!account?.passwordHash) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', `Signing needs the password of a local account; ${actor.username} has none: re-authenticate at the identity provider instead (POST …/sign/<discipline>/reauth).`,
      [{ path: 'body.password', message: 'no local password to check' }]);
  }
  const until = await lockedUntil(db, account.username, from.source);
  if (until) throw lockedOut(until);
  if (await verifyPassword(account.passwordHash, password)) return;
  const counted = await db.writeTx((tx) => recordFailure(tx, account.username, from.source, from.settings));
  if (counted.lockedUntil) throw lockedOut(new Date(counted.lockedUntil));
  throw forbidden('the password you re-entered is not correct; a signature needs your own password');
}

export async function signReview(db: DbClient, actor: Actor, id: string, discipline: Discipline, body: SignBody, from: SignerContext): Promise<ReviewRecord> {
  await reauthenticate(db, actor, body.password, from);
  return recordSignature(db, actor, id, discipline, body);
}

/** What a signature says, once the signer has re-authenticated (password or identity provider). */
export type SignatureIntent = Omit<SignBody, 'password'>;

/** Records a re-authenticated signer's signature under the request's lock, with every rule of signing. */
export async function recordSignature(db: DbClient, actor: Actor, id: string, discipline: Discipline, body: SignatureIntent): Promise<ReviewRecord> {
  return transition(db, {
    actor, id, verb: 'sign', action: signAction(discipline),
    check: async (tx, review) => {
      const a = review.assessment!;
      if (!a.required.includes(discipline)) throw conflict(`Change request "${id}" needs no ${discipline} sign-off: its assessment needs ${a.required.join(' and ')}.`);
      const given = review.signatures.find((s) => s.discipline === discipline);
      if (given) throw conflict(`Change request "${id}" already holds the ${discipline} signature of ${given.displayName} (${given.at}).`);
      if (body.assessmentHash !== a.hash) {
        throw conflict(`Change request "${id}" was reassessed since you read it: its assessment is now ${a.hash.slice(0, 12)}…, not ${body.assessmentHash.slice(0, 12)}…. Read it again before signing.`,
          [{ path: 'body.assessmentHash', message: `the current assessment's hash is ${a.hash}` }]);
      }
      await assertFresh(tx, review, 'signing');
    },
    change: (review) => {
      const signature: SignatureRecord = {
        discipline, userId: actor.id, username: actor.username, displayName: actor.displayName, meaning: body.meaning, comment: body.comment,
        at: new Date().toISOString(), assessmentHash: body.assessmentHash,
      };
      const signatures = [...review.signatures, signature];
      return { fields: { signatures, status: decide(review.assessment!.required, signatures) }, details: { discipline, meaning: body.meaning, comment: body.comment, assessmentHash: body.assessmentHash } };
    },
  });
}
