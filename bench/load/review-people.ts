// The people of the review load: requesters raising and driving their own change requests through
// submit, reassess (when an import made them stale) and implement; security and safety approvers
// signing whatever they may sign. Every call is timed per route and its status counted.

export interface Tally {
  samples: Map<string, number[]>;
  statuses: Map<string, Map<number, number>>;
  /** Requests answered 200 to implement: the revision made, and what it must hold (a rule on the conduit, or a patched version). */
  implemented: Map<string, { revision: number; rule?: string; version?: string }>;
  /** Signatures answered 200: request id → "discipline:username" in order. */
  signed: Map<string, string[]>;
  reassessed: number;
}

export const newTally = (): Tally => ({ samples: new Map(), statuses: new Map(), implemented: new Map(), signed: new Map(), reassessed: 0 });

export const PASSWORD = 'load-test-password-1234';
export const CONDUIT = 'c-ent-dmz';
export const PATCHED = 'sis-ls-01';

type Json = Record<string, unknown> & { you?: Record<string, { allowed: boolean }> };

export class Person {
  constructor(readonly url: string, readonly username: string, private readonly token: string, private readonly tally: Tally) {}

  async call(method: 'GET' | 'POST', route: string, path: string, body?: unknown): Promise<{ status: number; body: Json; revision: number }> {
    const started = performance.now();
    const res = await fetch(`${this.url}${path}`, {
      method, headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const took = performance.now() - started;
    const key = `${method} ${route}`;
    this.tally.samples.set(key, [...(this.tally.samples.get(key) ?? []), took]);
    const statuses = this.tally.statuses.get(key) ?? new Map<number, number>();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    this.tally.statuses.set(key, statuses);
    return { status: res.status, body: text ? JSON.parse(text) : {}, revision: Number(res.headers.get('x-interlock-revision') ?? Number.NaN) };
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Raises requests one after another and drives each to IMPLEMENTED (or gives up at the deadline). */
export async function requester(p: Person, index: number, until: number, tally: Tally): Promise<void> {
  for (let n = 0; Date.now() < until; n++) {
    const ruleId = `load-${p.username}-${n}`;
    // Odd requesters patch the SIS logic solver (a SIF element: both disciplines sign), even ones add a rule (security only).
    const patch = index % 2 === 1;
    const change = patch
      ? { kind: 'patch', targets: [PATCHED], requiresReboot: true }
      : { kind: 'firewall', conduit: CONDUIT, add: [{ id: ruleId, seq: 100 + index * 40 + n, action: 'allow', protocol: 'tcp', src: { zone: 'z-ent' }, dst: { asset: 'dmz-hist-01' }, ports: 8443 }] };
    const raised = await p.call('POST', '/api/reviews', '/api/reviews', {
      title: `Load ${ruleId}`, reason: 'load test', window: { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' }, request: { change }, ...(patch ? { patchVersion: ruleId } : {}),
    });
    if (raised.status !== 201) return;
    const id = String(raised.body.id);
    await p.call('POST', '/api/reviews/:id/submit', `/api/reviews/${id}/submit`);
    while (Date.now() < until) {
      const { body } = await p.call('GET', '/api/reviews/:id', `/api/reviews/${id}`);
      if (body.stale && body.you?.reassess?.allowed) {
        if ((await p.call('POST', '/api/reviews/:id/reassess', `/api/reviews/${id}/reassess`)).status === 200) tally.reassessed += 1;
      } else if (body.you?.implement?.allowed) {
        const done = await p.call('POST', '/api/reviews/:id/implement', `/api/reviews/${id}/implement`);
        if (done.status === 200) {
          tally.implemented.set(id, { revision: done.revision, ...(patch ? { version: ruleId } : { rule: ruleId }) });
          break;
        }
      } else if (body.status === 'REJECTED') break;
      await sleep(150);
    }
  }
}

/** Signs every submitted request it may sign for its discipline. */
export async function approver(p: Person, discipline: 'safety' | 'security', until: number, tally: Tally): Promise<void> {
  const can = discipline === 'safety' ? 'signSafety' : 'signSecurity';
  while (Date.now() < until) {
    const { body } = await p.call('GET', '/api/reviews', '/api/reviews?status=SUBMITTED&limit=50');
    const items = (body as unknown as Array<{ id: string; stale: boolean }>);
    for (const item of items.filter((i) => !i.stale)) {
      if (Date.now() >= until) return;
      const detail = (await p.call('GET', '/api/reviews/:id', `/api/reviews/${item.id}`)).body;
      if (!detail.you?.[can]?.allowed) continue;
      const hash = (detail.assessment as { hash: string }).hash;
      const res = await p.call('POST', `/api/reviews/:id/sign/${discipline}`, `/api/reviews/${item.id}/sign/${discipline}`, { meaning: 'approve', comment: 'load', password: PASSWORD, assessmentHash: hash });
      if (res.status === 200) tally.signed.set(item.id, [...(tally.signed.get(item.id) ?? []), `${discipline}:${p.username}`]);
    }
    await sleep(100);
  }
}
