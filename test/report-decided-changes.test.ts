// The board report's changes touching SIL ≥ 2 decided in the period, judged by hand: the period is
// the 90 days up to and including asOf (2026-10-03 … 2026-12-31), a request is decided on the day
// of its latest signature, and only findings above INFO naming a SIF of SIL 2 or 3 count.
import { describe, expect, it } from 'vitest';
import { decidedChanges } from '../server/assurance/decided-changes.js';
import type { SignatureRecord } from '../server/reviews/rules.js';
import type { ReviewRecord } from '../server/reviews/store.js';

const sign = (at: string, meaning: 'approve' | 'reject', discipline: 'safety' | 'security', who: string): SignatureRecord =>
  ({ discipline, userId: who, username: who, displayName: who, meaning, comment: '', at: `${at}T10:00:00.000Z`, assessmentHash: 'a'.repeat(64) });

const finding = (severity: string, sifs: Array<{ id: string; sil: number }>) => ({ severity, sifs });

function request(id: string, status: ReviewRecord['status'], signatures: SignatureRecord[], findings: Array<ReturnType<typeof finding>>): ReviewRecord {
  return {
    id, title: `Change ${id}`, reason: 'r', window: { start: '2026-12-01T08:00:00Z', end: '2026-12-01T10:00:00Z' },
    request: { change: { kind: 'patch', targets: ['fw'] } } as ReviewRecord['request'], patchVersion: null, status, version: 3,
    requesterId: 'rita', requester: 'rita', requesterName: 'Rita', createdAt: '2026-09-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
    assessment: { revision: 1, at: '2026-09-01T00:00:00Z', hash: 'a'.repeat(64), required: ['security', 'safety'], readSet: [], answer: { findings } as unknown as NonNullable<ReviewRecord['assessment']>['answer'] },
    signatures, implemented: null,
  };
}

describe('changes touching SIL ≥ 2 decided in the period', () => {
  it('keeps what was decided from the first to the last day of the 90, by its last signature, naming its SIL ≥ 2 SIFs', () => {
    const requests = [
      // Decided on the first day of the period (its first signature was before it): in.
      request('cr-first-day', 'APPROVED', [sign('2026-09-30', 'approve', 'security', 'sam'), sign('2026-10-03', 'approve', 'safety', 'sue')], [finding('HIGH', [{ id: 'sif-2', sil: 2 }, { id: 'sif-3', sil: 3 }])]),
      // Decided the day before the period: out.
      request('cr-too-early', 'IMPLEMENTED', [sign('2026-10-02', 'approve', 'security', 'sam')], [finding('CRITICAL', [{ id: 'sif-3', sil: 3 }])]),
      // Rejected on asOf itself: in, as a rejection.
      request('cr-rejected', 'REJECTED', [sign('2026-12-31', 'reject', 'safety', 'sue')], [finding('MEDIUM', [{ id: 'sif-2', sil: 2 }])]),
      // SIL 1 only, and a SIL 3 SIF named by an INFO finding only: out.
      request('cr-sil1', 'APPROVED', [sign('2026-11-01', 'approve', 'security', 'sam')], [finding('HIGH', [{ id: 'sif-1', sil: 1 }]), finding('INFO', [{ id: 'sif-3', sil: 3 }])]),
      // Implemented after it was approved in the period: in, and says so.
      request('cr-implemented', 'IMPLEMENTED', [sign('2026-11-15', 'approve', 'security', 'sam'), sign('2026-11-16', 'approve', 'safety', 'sue')], [finding('LOW', [{ id: 'sif-2', sil: 2 }])]),
      // Submitted, not decided: out whatever its findings.
      request('cr-submitted', 'SUBMITTED', [sign('2026-12-01', 'approve', 'security', 'sam')], [finding('HIGH', [{ id: 'sif-3', sil: 3 }])]),
    ];
    const answer = decidedChanges(requests, '2026-12-31');
    expect([answer.from, answer.to]).toEqual(['2026-10-03', '2026-12-31']);
    expect(answer.changes.map((c) => [c.id, c.decidedOn, c.decision, c.status, c.sifs.map((s) => `${s.id}:${s.sil}`).join(' ')])).toEqual([
      ['cr-first-day', '2026-10-03', 'approved', 'APPROVED', 'sif-3:3 sif-2:2'],
      ['cr-implemented', '2026-11-16', 'approved', 'IMPLEMENTED', 'sif-2:2'],
      ['cr-rejected', '2026-12-31', 'rejected', 'REJECTED', 'sif-2:2'],
    ]);
    expect(answer.changes[0]!.signedBy).toEqual(['sam (security, approve)', 'sue (safety, approve)']);
  });
});
