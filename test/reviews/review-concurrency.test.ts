// Several signers and implementers at the same instant, compared with a serial order: whatever the
// interleaving, the outcome is one a serial run could give — one signature per discipline, one
// implementation, the others refused with 409 — and the audit chain still verifies.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, get, post, sign, submitted, type Person } from './review-kit.js';

/** A rule change off the safety paths (security sign-off only), under its own id and seq. */
const ping = (id: string, seq: number) => ({ change: { kind: 'firewall', conduit: 'c-ops-ctl', add: [{ id, seq, action: 'allow', protocol: 'icmp', src: { asset: 'hist' }, dst: { asset: 'fw-b' } }] } });
const ADD_PING = ping('r-ops-ping', 30);

const ctx = useApp(() => miniSite());
beforeAll(async () => createAccounts(ctx.app));

const statuses = (results: Array<{ statusCode: number }>) => results.map((r) => r.statusCode).sort();
let serial: { statuses: number[]; status: string } | undefined;

describe('concurrent sign-offs and implementations', () => {
  it('two security approvers signing at once: one signature, as in either serial order', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    const hash = (await get(app, id)).assessment.hash;
    const signers: Person[] = ['sam', 'sol'];
    const results = await Promise.all(signers.map((p) => post(app, p, id, 'sign/security', { meaning: 'approve', password: 'correct horse battery staple', assessmentHash: hash })));
    expect(statuses(results)).toEqual([200, 409]);
    const after = await get(app, id);
    expect(after.signatures.map((s: { discipline: string }) => s.discipline)).toEqual(['security']);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toContain(`already holds the security signature of ${after.signatures[0].username}`);
  });

  it('five implementers in a row: the serial order the concurrent run is compared with', async () => {
    const { app } = ctx;
    const id = await submitted(app, 'erin', ping('r-ops-ping-serial', 40));
    await sign(app, 'sam', id, 'security');
    const results = [];
    for (const p of ['erin', 'ed', 'erin', 'ed', 'erin'] as Person[]) results.push(await post(app, p, id, 'implement'));
    serial = { statuses: statuses(results), status: (await get(app, id)).status };
    expect(serial).toEqual({ statuses: [200, 409, 409, 409, 409], status: 'IMPLEMENTED' });
  });

  it('five implementers at once: exactly one implements, the others are told it is implemented, one revision is made — as in the serial order', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    await sign(app, 'sam', id, 'security');
    await sign(app, 'sue', id, 'safety');
    const headBefore = (await app.inject({ method: 'GET', url: '/api/revisions?limit=1' })).json().head;
    const who: Person[] = ['erin', 'ed', 'erin', 'ed', 'erin'];
    const results = await Promise.all(who.map((p) => post(app, p, id, 'implement')));
    expect({ statuses: statuses(results), status: (await get(app, id)).status }).toEqual(serial);
    const winner = results.find((r) => r.statusCode === 200)!;
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().message).toContain(`is IMPLEMENTED (implemented at revision ${winner.headers['x-interlock-revision']}`);
    const headAfter = (await app.inject({ method: 'GET', url: '/api/revisions?limit=1' })).json().head;
    expect(headAfter).toBe(headBefore + 1);
    const implementations = (await app.inject({ method: 'GET', url: '/api/audit?action=change:implement&limit=50' })).json().entries
      .filter((e: { target: string }) => e.target === `change-request/${id}`);
    expect(implementations).toHaveLength(1);
    const verified = (await app.inject({ method: 'GET', url: '/api/audit/verify' })).json();
    expect(verified.ok).toBe(true);
  });

  it('a signer and an editor at once: either the signature lands first and the edit dismisses it, or the signer meets a draft — never a signature on an edited request', async () => {
    const { app } = ctx;
    for (let round = 0; round < 3; round++) {
      const id = await submitted(app, 'erin', ADD_PING);
      const hash = (await get(app, id)).assessment.hash;
      const [signed, edited] = await Promise.all([
        post(app, 'sam', id, 'sign/security', { meaning: 'approve', password: 'correct horse battery staple', assessmentHash: hash }),
        app.inject({ method: 'PATCH', url: `/api/reviews/${id}`, headers: by(app, 'erin'), payload: { reason: `round ${round}` } }),
      ]);
      expect(edited.statusCode).toBe(200);
      const after = await get(app, id);
      expect([after.status, after.signatures]).toEqual(['DRAFT', []]);
      expect([200, 409]).toContain(signed.statusCode);
    }
  });
});
