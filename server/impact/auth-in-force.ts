// Authentication policies already in force on a procedure: stored as AuthPolicy nodes by
// implemented change requests (docs/reviews.md), read with the procedure by the auth query, and
// weighed by a later what-if (docs/findings.md, "Policies already in force").

interface InForce { id: string; request: string }
export interface PoliciesInForce {
  mfaInForce?: Array<InForce & { mfaAddedSeconds: number }>;
  lockoutInForce?: Array<InForce & { lockoutThreshold: number }>;
  sessionTimeoutInForce?: Array<InForce & { sessionTimeoutMinutes: number }>;
}

const requestsOf = (policies: ReadonlyArray<InForce>): string[] => [...new Set(policies.map((p) => p.request))].sort();

/**
 * The delay MFA already in force puts on a procedure, and the requests that implemented it. Each
 * policy is counted as an authentication step of its own (on a role, an asset, a zone), so they
 * add up, as the proposed one adds to them: the conservative reading for a time budget.
 */
export function mfaInForce(row: PoliciesInForce): { seconds: number; requests: string[] } {
  const policies = row.mfaInForce ?? [];
  return { seconds: policies.reduce((sum, p) => sum + p.mfaAddedSeconds, 0), requests: requestsOf(policies) };
}

/**
 * The strictest lockout already in force and the requests that put it there. Every policy locks
 * on its own, so the lowest threshold is the one an operator meets first; undefined when none.
 */
export function lockoutInForce(row: PoliciesInForce): { threshold: number; requests: string[] } | undefined {
  const policies = row.lockoutInForce ?? [];
  if (policies.length === 0) return undefined;
  const threshold = Math.min(...policies.map((p) => p.lockoutThreshold));
  return { threshold, requests: requestsOf(policies.filter((p) => p.lockoutThreshold === threshold)) };
}

/** The shortest session timeout already in force (it ends the session first) and its requests. */
export function sessionTimeoutInForce(row: PoliciesInForce): { minutes: number; requests: string[] } | undefined {
  const policies = row.sessionTimeoutInForce ?? [];
  if (policies.length === 0) return undefined;
  const minutes = Math.min(...policies.map((p) => p.sessionTimeoutMinutes));
  return { minutes, requests: requestsOf(policies.filter((p) => p.sessionTimeoutMinutes === minutes)) };
}
