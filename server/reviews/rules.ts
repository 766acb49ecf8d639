// The review rules, pure: which sign-offs an assessment needs, what it touched, what a signature
// does to the status, and the hash a signature covers.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain.js';
import type { Change, ImpactRequest, ImpactResponse } from '../impact/change-schema.js';
import type { Discipline, ReviewStatus } from './schemas.js';

export interface SignatureRecord {
  discipline: Discipline;
  userId: string;
  username: string;
  displayName: string;
  meaning: 'approve' | 'reject';
  comment: string;
  at: string;
  assessmentHash: string;
}

/** Security always; safety as well when a finding above INFO names a SIF or a procedure (DOMAIN.md §7). */
export function requiredDisciplines(answer: ImpactResponse): Discipline[] {
  const safety = answer.findings.some((f) => f.severity !== 'INFO' && (f.sifs.length > 0 || f.procedure !== undefined));
  return safety ? ['security', 'safety'] : ['security'];
}

export const changesOf = (request: ImpactRequest): Change[] => (request.change ? [request.change] : request.changes!);

/** The entities the changes name and the findings name: the seed of what the assessment read. */
export function touchedIds(request: ImpactRequest, answer: ImpactResponse): string[] {
  const ids = new Set<string>();
  const add = (...xs: Array<string | undefined>) => xs.forEach((x) => x && ids.add(x));
  for (const c of changesOf(request)) {
    if (c.kind === 'firewall') add(c.conduit, ...c.remove, ...c.modify.map((m) => m.id), ...c.add.map((r) => r.id));
    else if (c.kind === 'patch') add(...(c.targets ?? []));
    else add(...c.appliesTo.zones, ...c.appliesTo.assets, ...c.appliesTo.roles);
  }
  for (const f of answer.findings) {
    add(...f.path.nodes, ...f.path.edges, ...f.sifs.map((s) => s.id), f.flow, f.procedure, f.conduit, f.asset);
    for (const e of f.exposures ?? []) add(e.source === 'any' ? undefined : e.source, e.destination);
  }
  return [...ids].sort();
}

export function assessmentHash(request: ImpactRequest, revision: number, answer: ImpactResponse): string {
  return createHash('sha256').update(canonicalJson({ request, revision, answer })).digest('hex');
}

/** The status after the signatures given so far: one rejection rejects; every required approval approves. */
export function decide(required: readonly Discipline[], signatures: readonly SignatureRecord[]): ReviewStatus {
  if (signatures.some((s) => s.meaning === 'reject')) return 'REJECTED';
  return required.every((d) => signatures.some((s) => s.discipline === d && s.meaning === 'approve')) ? 'APPROVED' : 'SUBMITTED';
}

/** Where each action may start from. */
export const FROM: Readonly<Record<'edit' | 'submit' | 'reassess' | 'withdraw' | 'sign' | 'implement', readonly ReviewStatus[]>> = {
  edit: ['DRAFT', 'SUBMITTED', 'APPROVED'],
  submit: ['DRAFT'],
  reassess: ['SUBMITTED', 'APPROVED'],
  withdraw: ['DRAFT', 'SUBMITTED', 'APPROVED'],
  sign: ['SUBMITTED'],
  implement: ['APPROVED'],
};
