// Implementing an approved, fresh request: one site write (site/site-write.ts: the site's write
// lock, the journal and its audit entry) that first locks the request and checks, after the lock,
// that it is still APPROVED and that nothing its assessment read has changed since (the revision
// check), then edits the conduits' rules, records patches on their assets and stores auth
// policies, and marks the request IMPLEMENTED with its own audit entry. Two implementers at once
// are serialised by the site's write lock: the second finds it IMPLEMENTED and is refused.
import { randomUUID } from 'node:crypto';
import type { DbClient, Tx } from '../db/client.js';
import { conflict } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import type { EntityChange } from '../site/journal.js';
import { normalizeChange } from '../impact/normalize.js';
import { writeEntities, WriteRefused } from '../site/incremental-write.js';
import { siteWrite } from '../site/site-write.js';
import { storedDocs, type Doc } from '../site/stored.js';
import { applyFirewall, applyPatch } from './apply-changes.js';
import { changesOf } from './rules.js';
import { assertFresh } from './staleness.js';
import type { ReviewRecord } from './store.js';
import { reviewTarget, runStep } from './transition.js';

interface Applied { changes: EntityChange[]; rewritten?: number; review?: ReviewRecord }

async function applyAll(tx: Tx, review: ReviewRecord, revision: number): Promise<{ changes: EntityChange[]; policies: number }> {
  const changes = changesOf(review.request);
  const docs = new Map<string, { collection: 'conduits' | 'assets'; doc: Doc }>();
  const current = async (collection: 'conduits' | 'assets', id: string) => {
    if (!docs.has(id)) {
      const stored = (await storedDocs(tx, [id])).get(id);
      if (!stored || stored.collection !== collection) throw conflict(`Change request "${review.id}" names ${collection}/${id}, which no longer exists.`);
      docs.set(id, { collection, doc: stored.doc });
    }
    return docs.get(id)!.doc;
  };
  const day = new Date().toISOString().slice(0, 10);
  let policies = 0;
  for (const [i, change] of changes.entries()) {
    if (change.kind === 'firewall') {
      const doc = applyFirewall(await current('conduits', change.conduit), change, (n) => `${review.id}-${i + 1}-${n}`);
      docs.set(change.conduit, { collection: 'conduits', doc });
    } else if (change.kind === 'patch') {
      const n = await normalizeChange(tx, change, i, `request.changes[${i}]`);
      for (const id of n.kind === 'patch' ? n.targets : []) docs.set(id, { collection: 'assets', doc: applyPatch(await current('assets', id), review.patchVersion, day) });
    } else {
      await tx.run('reviews/store-auth-policy', {
        policy: {
          id: `${review.id}-policy-${i + 1}-${randomUUID().slice(0, 8)}`, request: review.id, ...change.appliesTo,
          mfaAddedSeconds: change.mfa?.addedSeconds ?? null, lockoutThreshold: change.lockoutThreshold ?? null,
          sessionTimeoutMinutes: change.sessionTimeoutMinutes ?? null, implementedAt: new Date().toISOString(), revision,
        },
      });
      policies += 1;
    }
  }
  if (docs.size === 0) return { changes: [], policies };
  try {
    const outcome = await writeEntities(tx, { upserts: [...docs.values()].map((d) => ({ ...d, name: `${d.collection}[id=${d.doc.id}]` })), deletes: [] });
    return { changes: outcome.changes, policies };
  } catch (error) {
    if (error instanceof WriteRefused) throw conflict(`Implementing change request "${review.id}" would leave the site inconsistent.`, error.errors);
    throw error;
  }
}

export async function implementReview(db: DbClient, actor: Actor, id: string, ifMatch: number | undefined): Promise<ReviewRecord & { revision: number }> {
  const result = await siteWrite<Applied>(db, () => ({ action: 'implement', actor: actor.username, summary: `implement change request ${id}`, target: reviewTarget(id) }), async (tx, revision) => {
    let applied = { changes: [] as EntityChange[], policies: 0 };
    const review = await runStep(tx, {
      actor, id, verb: 'implement', action: 'change:implement', ifMatch,
      check: async (t, r) => {
        await assertFresh(t, r, 'implementing');
        applied = await applyAll(t, r, revision);
      },
      change: () => ({
        fields: { status: 'IMPLEMENTED', implemented: { revision, at: new Date().toISOString(), by: actor.username } },
        details: { revision, changed: applied.changes.map((c) => `${c.collection}/${c.id}`), authPolicies: applied.policies },
      }),
    });
    // A request that changes no document (an auth policy only) still makes its revision: the
    // request's transition and its policy must commit.
    return { changes: applied.changes, rewritten: applied.changes.length ? 0 : 1, review };
  });
  return { ...result.review!, revision: result.revision };
}
