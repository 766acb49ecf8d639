// Change requests as stored: one ChangeRequest node each, scalar fields as properties and the
// structured parts (the change, the assessment, the signatures) as JSON text. Every change to a
// request first takes its lock (reviews/lock-request) inside the caller's transaction.
import type { DbClient, Row, Tx } from '../db/client.js';
import { notFound } from '../errors.js';
import type { ImpactRequest, ImpactResponse } from '../impact/change-schema.js';
import type { SignatureRecord } from './rules.js';
import type { Discipline, ReviewStatus } from './schemas.js';

export interface Assessment {
  revision: number;
  at: string;
  hash: string;
  required: Discipline[];
  /** Every entity it read (touchedIds and what reviews/read-set found around them). */
  readSet: string[];
  answer: ImpactResponse;
}

export interface ReviewRecord {
  id: string;
  title: string;
  reason: string;
  window: { start: string; end: string };
  request: ImpactRequest;
  patchVersion: string | null;
  status: ReviewStatus;
  version: number;
  requesterId: string;
  requester: string;
  requesterName: string;
  createdAt: string;
  updatedAt: string;
  assessment: Assessment | null;
  signatures: SignatureRecord[];
  implemented: { revision: number; at: string; by: string } | null;
}

const json = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) : null);

export function fromRow(row: Row): ReviewRecord {
  return {
    id: row.id, title: row.title, reason: row.reason, window: { start: row.windowStart, end: row.windowEnd },
    request: json(row.request), patchVersion: row.patchVersion ?? null, status: row.status, version: Number(row.version),
    requesterId: row.requesterId, requester: row.requester, requesterName: row.requesterName ?? row.requester,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
    assessment: json(row.assessment), signatures: json(row.signatures) ?? [], implemented: json(row.implemented),
  };
}

/** The fields of a record as node properties (null removes one). */
export function toFields(r: Partial<ReviewRecord>): Row {
  const out: Row = {};
  if (r.id !== undefined) out.id = r.id;
  if (r.title !== undefined) out.title = r.title;
  if (r.reason !== undefined) out.reason = r.reason;
  if (r.window !== undefined) Object.assign(out, { windowStart: r.window.start, windowEnd: r.window.end });
  if (r.request !== undefined) out.request = JSON.stringify(r.request);
  if (r.patchVersion !== undefined) out.patchVersion = r.patchVersion;
  if (r.status !== undefined) out.status = r.status;
  if (r.version !== undefined) out.version = r.version;
  for (const k of ['requesterId', 'requester', 'requesterName', 'createdAt', 'updatedAt'] as const) if (r[k] !== undefined) out[k] = r[k];
  if (r.assessment !== undefined) out.assessment = r.assessment === null ? null : JSON.stringify(r.assessment);
  if (r.signatures !== undefined) out.signatures = JSON.stringify(r.signatures);
  if (r.implemented !== undefined) out.implemented = r.implemented === null ? null : JSON.stringify(r.implemented);
  return out;
}

export async function insertReview(tx: Tx, record: ReviewRecord): Promise<ReviewRecord> {
  const [row] = await tx.run('reviews/create-request', { request: toFields(record) });
  return fromRow(row!.request as Row);
}

export async function readReview(db: DbClient, id: string): Promise<ReviewRecord> {
  const [row] = await db.read('reviews/request', { id });
  if (!row) throw notFound('change request', id);
  return fromRow(row.request as Row);
}

export async function listReviews(db: DbClient, status: ReviewStatus | undefined, limit: number): Promise<ReviewRecord[]> {
  return (await db.read('reviews/requests', { status: status ?? null, limit })).map((r) => fromRow(r.request as Row));
}

/** Takes the request's lock in the transaction and reads it as last committed. */
export async function lockReview(tx: Tx, id: string): Promise<ReviewRecord> {
  const [row] = await tx.run('reviews/lock-request', { id });
  if (!row) throw notFound('change request', id);
  return fromRow(row.request as Row);
}

export async function updateReview(tx: Tx, id: string, changes: Partial<ReviewRecord>): Promise<ReviewRecord> {
  const [row] = await tx.run('reviews/update-request', { id, fields: toFields({ ...changes, updatedAt: new Date().toISOString() }) });
  return fromRow(row!.request as Row);
}
