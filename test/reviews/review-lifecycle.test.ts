// The lifecycle end to end against the real Neo4j: raise from a what-if, submit, an edit by
// someone else makes it stale, reassess, both signatures, implement, and the next what-if sees the
// new rules; implementing twice is refused; every step is in the audit chain, which verifies.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, get, post, raise, REMOVE_NTP, sign, touchConduit } from './review-kit.js';

const ctx = useApp(() => miniSite());
beforeAll(async () => createAccounts(ctx.app));

describe('a change request from what-if to implementation', () => {
  it('goes DRAFT → SUBMITTED → stale → reassessed → APPROVED → IMPLEMENTED, and the next what-if sees the new rules', async () => {
    const { app } = ctx;
    const whatIf = (await app.inject({ method: 'POST', url: '/api/impact', headers: by(app, 'erin'), payload: REMOVE_NTP })).json();
    expect(whatIf.summary.maxSeverity).toBe('CRITICAL');
    const auditBefore = (await app.inject({ method: 'GET', url: '/api/audit/head' })).json().seq;

    const draft = await raise(app);
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, requester: { username: 'erin' }, assessment: null });

    const submitted = (await post(app, 'erin', draft.id, 'submit')).json();
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.assessment.required).toEqual(['security', 'safety']);
    expect(submitted.assessment.answer).toEqual(whatIf);
    expect(submitted.stale).toBe(false);

    await touchConduit(app, 'catch-all deny, reviewed');
    const stale = await get(app, draft.id, 'sam');
    expect(stale.stale).toBe(true);
    expect(stale.staleBecause.map((c: Record<string, unknown>) => [c.collection, c.entity, c.op, c.actor])).toEqual([['conduits', 'c-ctl-sis', 'update', 'test-admin']]);
    expect(stale.you.signSecurity).toEqual({ allowed: false, why: expect.stringContaining('the assessment is stale (conduits/c-ctl-sis (update at revision') });
    const refused = await sign(app, 'sam', draft.id, 'security');
    expect([refused.statusCode, refused.json().message]).toEqual([409, expect.stringContaining('is stale: its assessment read revision')]);

    const reassessed = (await post(app, 'erin', draft.id, 'reassess')).json();
    expect([reassessed.status, reassessed.stale, reassessed.assessment.revision]).toEqual(['SUBMITTED', false, stale.assessment.revision + 1]);
    expect(reassessed.you.signSecurity.why).toBe('change:sign-security needs one of the roles security-approver; erin holds engineer');

    const security = await sign(app, 'sam', draft.id, 'security');
    expect([security.statusCode, security.json().status]).toEqual([200, 'SUBMITTED']);
    const safety = await sign(app, 'sue', draft.id, 'safety');
    expect([safety.statusCode, safety.json().status]).toEqual([200, 'APPROVED']);
    expect(safety.json().signatures.map((s: Record<string, unknown>) => [s.discipline, s.username, s.meaning, s.comment, s.assessmentHash]))
      .toEqual([['security', 'sam', 'approve', 'sam agrees', reassessed.assessment.hash], ['safety', 'sue', 'approve', 'sue agrees', reassessed.assessment.hash]]);

    const implemented = await post(app, 'erin', draft.id, 'implement');
    expect([implemented.statusCode, implemented.json().status]).toEqual([200, 'IMPLEMENTED']);
    const revision = Number(implemented.headers['x-interlock-revision']);
    expect(implemented.json().implemented).toMatchObject({ revision, by: 'erin' });
    const conduit = (await app.inject({ method: 'GET', url: '/api/conduits/c-ctl-sis' })).json();
    expect(conduit.rules.map((r: { id: string }) => r.id)).toEqual(['r-esd', 'r-status', 'r-deny']);

    // The board report's safety exposure lists it: decided today, its findings naming the SIL 3 trip.
    const today = new Date().toISOString().slice(0, 10);
    const board = await app.inject({ method: 'GET', url: `/api/assurance/report?asOf=${today}` });
    expect(board.statusCode).toBe(200);
    // (Requests other test files decided today are there too: the database is shared, one file after another.)
    const listed = board.json().safety.changes.changes.filter((c: { id: string }) => c.id === draft.id);
    expect(listed.map((c: Record<string, unknown>) => [c.id, c.decidedOn, c.decision, c.status, c.sifs]))
      .toEqual([[draft.id, today, 'approved', 'IMPLEMENTED', [{ id: 'sif-hp', sil: 3 }]]]);

    // The next what-if reads the new rules: the rule it would remove is gone.
    const next = await app.inject({ method: 'POST', url: '/api/impact', headers: by(app, 'erin'), payload: REMOVE_NTP });
    expect([next.statusCode, next.json().errors]).toEqual([404, [{ path: 'change.remove[0]', message: expect.stringContaining('r-ntp') }]]);
    const explained = (await app.inject({ method: 'POST', url: '/api/explain/flow', headers: by(app, 'erin'), payload: { flow: 'f-ntp' } })).json();
    expect(explained.allowedBefore).toBe(false);

    const twice = await post(app, 'ed', draft.id, 'implement');
    expect([twice.statusCode, twice.json().message]).toEqual([409, `Change request "${draft.id}" is IMPLEMENTED (implemented at revision ${revision} by erin); it can be implemented only when APPROVED.`]);

    const entries = (await app.inject({ method: 'GET', url: `/api/audit?limit=100` })).json().entries.filter((e: { seq: number }) => e.seq > auditBefore).reverse();
    expect(entries.map((e: Record<string, unknown>) => `${e.actor} ${e.action} ${e.target} ${e.outcome}`)).toEqual([
      `erin change:create change-request/${draft.id} ok`,
      `erin change:submit change-request/${draft.id} ok`,
      'test-admin site:update conduits/c-ctl-sis ok',
      `erin change:reassess change-request/${draft.id} ok`,
      `sam change:sign change-request/${draft.id} ok`,
      `sue change:sign change-request/${draft.id} ok`,
      `erin change:implement change-request/${draft.id} ok`,
      `erin site:implement change-request/${draft.id} ok`,
    ]);
    const verified = (await app.inject({ method: 'GET', url: '/api/audit/verify' })).json();
    expect([verified.ok, verified.firstBreak]).toEqual([true, null]);
  });
});

describe('an implemented auth policy', () => {
  it('is stored on its roles, and the next MFA what-if on the same procedure counts it against the slack', async () => {
    const { app } = ctx;
    // proc-esd: 40 s nominal, 60 s maximum: 20 s of slack. 15 s of MFA fits …
    const mfa = (seconds: number) => ({ change: { kind: 'auth', appliesTo: { roles: ['role-operator'] }, mfa: { addedSeconds: seconds } } });
    const before = (await app.inject({ method: 'POST', url: '/api/impact', headers: by(app, 'erin'), payload: mfa(10) })).json();
    expect(before.findings.map((f: { rule: string }) => f.rule)).toEqual(['AUTH-MFA-WITHIN-SLACK']);

    const { id } = await raise(app, 'erin', mfa(15));
    await post(app, 'erin', id, 'submit');
    // A fitting MFA names the procedure only at INFO: the security signature alone approves it.
    expect((await sign(app, 'sam', id, 'security')).json().status).toBe('APPROVED');
    expect((await sign(app, 'sue', id, 'safety')).statusCode).toBe(409);
    const implemented = await post(app, 'erin', id, 'implement');
    expect([implemented.statusCode, implemented.json().status]).toEqual([200, 'IMPLEMENTED']);

    // … but with those 15 s in force, another 10 s no longer fits.
    const after = (await app.inject({ method: 'POST', url: '/api/impact', headers: by(app, 'erin'), payload: mfa(10) })).json();
    expect(after.findings.map((f: { rule: string }) => f.rule)).toEqual(['AUTH-DELAYS-EMERGENCY']);
    expect(after.findings[0].explanation).toContain(`MFA already in force adds 15 s (${id}), leaving 5 s of the slack.`);
    const audit = (await app.inject({ method: 'GET', url: '/api/audit?action=change:implement&limit=1' })).json().entries[0];
    expect(audit.details).toMatchObject({ authPolicies: 1, changed: [] });
  });
});
