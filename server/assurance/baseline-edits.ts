// The two writes of the assurance workflow, each one incremental, versioned site write through
// updateEntity: assessing a control for a domain, and adding a revision to an evidence item
// (never overwriting one). Both are conditional on the version the client read (If-Match): a
// governance lead never silently replaces a colleague's assessment or evidence.
import { createHash } from 'node:crypto';
import type { DbClient, Tx } from '../db/client.js';
import { AppError, conflict } from '../errors.js';
import type { ControlAssessmentT, ControlT, DomainT, EvidenceRevisionT, EvidenceT } from '../model/governance-schema.js';
import { readOne } from '../site/read-entities.js';
import { preconditionFailed, updateEntity, type EditResult } from '../site/site-edits.js';
import type { Doc } from '../site/stored.js';
import { latestRevision } from '../site/to-graph.js';

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The version a write must start from: If-Match is required for these writes (428 without it). */
export function requireIfMatch(ifMatch: number | undefined): number {
  if (ifMatch !== undefined) return ifMatch;
  throw new AppError('INTERLOCK_PRECONDITION_REQUIRED', 'Send If-Match with the ETag you read (GET the entity first): an assessment or evidence revision is only written over the version you saw.',
    [{ path: 'headers.if-match', message: 'is required' }]);
}

export async function assessControl<V>(
  db: DbClient, id: string, domain: DomainT, assessment: ControlAssessmentT,
  options: { ifMatch: number; actor: string; readBack: (tx: Tx) => Promise<V> },
): Promise<EditResult<V>> {
  const { doc } = await readOne(db, 'controls', id);
  if (doc.domain !== 'BOTH' && doc.domain !== domain) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', `control "${id}" covers ${doc.domain} only; it cannot be assessed for ${domain}.`,
      [{ path: 'params.domain', message: `must be ${doc.domain}` }]);
  }
  const next: ControlT = { ...doc, assessment: { ...doc.assessment, [domain]: assessment } };
  // If-Match is checked again inside the write, so an assessment read here and changed since is refused (412).
  return updateEntity(db, 'controls', id, next as unknown as Doc, options);
}

export interface NewRevision { collectedOn: string; sha256: string; addedBy: string; uri?: string }

export async function addEvidenceRevision<V>(
  db: DbClient, id: string, revision: NewRevision, today: string,
  options: { ifMatch: number; actor: string; readBack: (tx: Tx) => Promise<V> },
): Promise<EditResult<V>> {
  if (revision.collectedOn > today) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', `collectedOn ${revision.collectedOn} is in the future (today is ${today}): evidence is recorded once collected.`,
      [{ path: 'collectedOn', message: `must not be after ${today}` }]);
  }
  const { doc, version } = await readOne(db, 'evidence', id);
  // A stale version is the first thing to say: what the client compared against is not what is there.
  if (version !== options.ifMatch) throw preconditionFailed('evidence', id, version, options.ifMatch);
  const latest = latestRevision(doc.revisions);
  if (latest && latest.sha256 === revision.sha256 && latest.collectedOn === revision.collectedOn) {
    throw conflict(`evidence "${id}" already has this revision as its latest (collected ${latest.collectedOn}, SHA-256 ${latest.sha256.slice(0, 12)}…): nothing new to record.`,
      [{ path: 'sha256', message: 'duplicates the latest revision' }]);
  }
  const added: EvidenceRevisionT = { collectedOn: revision.collectedOn, sha256: revision.sha256, addedBy: revision.addedBy, ...(revision.uri ? { uri: revision.uri } : {}) };
  const next: EvidenceT = { ...doc, revisions: [...doc.revisions, added] };
  return updateEntity(db, 'evidence', id, next as unknown as Doc, options);
}
