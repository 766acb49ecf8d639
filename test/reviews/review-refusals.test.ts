// Every way a sign-off or an implementation is refused: the wrong role, the requester signing, one
// person signing for both disciplines, a wrong password, a signature on an assessment the signer
// did not read, a stale request, implementing before approval, twice or from a stale revision,
// and an edit from an old version. Each refusal leaves the request as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, get, PASSWORD, post, sign, submitted, touchConduit } from './review-kit.js';

const ctx = useApp(() => miniSite());
beforeAll(async () => createAccounts(ctx.app));

const refusal = (res: { statusCode: number; json: () => { code: string; message: string } }) => [res.statusCode, res.json().code, res.json().message];

describe('sign-off refusals', () => {
  it('a discipline is signed only by its approvers, never by the requester, never twice by one person', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    expect(refusal(await sign(app, 'vera', id, 'security'))).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: change:sign-security needs one of the roles security-approver; vera holds viewer.']);
    expect(refusal(await sign(app, 'sue', id, 'security'))).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: change:sign-security needs one of the roles security-approver; sue holds safety-approver.']);
    expect((await sign(app, 'bo', id, 'safety')).statusCode).toBe(200);
    expect(refusal(await sign(app, 'bo', id, 'security'))).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: one person never signs for both disciplines: you signed for safety.']);
    expect((await get(app, id, 'bo')).you.signSecurity).toEqual({ allowed: false, why: 'one person never signs for both disciplines: you signed for safety' });
    expect(refusal(await sign(app, 'sue', id, 'safety'))).toEqual([409, 'INTERLOCK_CONFLICT', `Change request "${id}" already holds the safety signature of bo (${(await get(app, id)).signatures[0].at}).`]);
    expect((await sign(app, 'sam', id, 'security')).json().status).toBe('APPROVED');
  });

  it('the requester never signs their own request, whatever roles they hold', async () => {
    const { app } = ctx;
    const id = await submitted(app, 'bo');
    expect(refusal(await sign(app, 'bo', id, 'security'))).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: the requester of a change never signs it.']);
    expect((await get(app, id, 'bo')).you.signSafety.why).toBe('the requester of a change never signs it');
    expect((await get(app, id)).signatures).toEqual([]);
  });

  it('asks for the signer\'s own password and the hash of the assessment they read', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    expect(refusal(await sign(app, 'sam', id, 'security', { password: 'not it' }))).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: the password you re-entered is not correct; a signature needs your own password.']);
    const other = await sign(app, 'sam', id, 'security', { assessmentHash: 'f'.repeat(64) });
    expect([other.statusCode, other.json().errors[0].path]).toEqual([409, 'body.assessmentHash']);
    const missing = await post(app, 'sam', id, 'sign/security', { meaning: 'approve', password: PASSWORD });
    expect([missing.statusCode, missing.json().errors.map((e: { path: string }) => e.path)]).toEqual([400, ['body.assessmentHash']]);
    expect((await get(app, id)).signatures).toEqual([]);
  });

  it('counts wrong signing passwords toward the account\'s lockout: the fifth locks it (429) and even the right password waits', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await sign(app, 'sol', id, 'security', { password: `guess ${i}` })).statusCode);
    expect(codes).toEqual([403, 403, 403, 403, 429]);
    const locked = await sign(app, 'sol', id, 'security');
    expect([locked.statusCode, locked.json().code, Number(locked.headers['retry-after']) > 0]).toEqual([429, 'INTERLOCK_LOCKED_OUT', true]);
    expect((await app.inject({ method: 'POST', url: '/api/users/sol/unlock' })).statusCode).toBe(200);
    expect((await sign(app, 'sol', id, 'security')).statusCode).toBe(200);
  });

  it('one rejection rejects; a rejected request is neither signed nor implemented', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    expect((await sign(app, 'sue', id, 'safety', { meaning: 'reject', comment: 'no SIS time source left' })).json().status).toBe('REJECTED');
    expect(refusal(await sign(app, 'sam', id, 'security'))[0]).toBe(409);
    expect(refusal(await post(app, 'erin', id, 'implement'))).toEqual([409, 'INTERLOCK_CONFLICT', `Change request "${id}" is REJECTED; it can be implemented only when APPROVED.`]);
  });

  it('a change touching no SIF or procedure needs only the security sign-off', async () => {
    const { app } = ctx;
    const id = await submitted(app, 'erin', { change: { kind: 'firewall', conduit: 'c-ops-ctl', add: [{ id: 'r-ops-ping', seq: 30, action: 'allow', protocol: 'icmp', src: { asset: 'hist' }, dst: { asset: 'fw-b' } }] } });
    expect((await get(app, id)).assessment.required).toEqual(['security']);
    expect(refusal(await sign(app, 'sue', id, 'safety'))).toEqual([409, 'INTERLOCK_CONFLICT', `Change request "${id}" needs no safety sign-off: its assessment needs security.`]);
    expect((await sign(app, 'sam', id, 'security')).json().status).toBe('APPROVED');
  });
});

describe('implementation refusals', () => {
  it('refuses a stale approved request (409 naming what changed) until it is reassessed and signed again', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    await sign(app, 'sam', id, 'security');
    expect((await sign(app, 'sue', id, 'safety')).json().status).toBe('APPROVED');
    await touchConduit(app, `reviewed for ${id}`);
    const stale = await post(app, 'erin', id, 'implement');
    expect(refusal(stale)).toEqual([409, 'INTERLOCK_CONFLICT', expect.stringMatching(new RegExp(`^Change request "${id}" is stale: its assessment read revision \\d+, and since then conduits/c-ctl-sis \\(update at revision \\d+ by test-admin\\) changed\\. Reassess it before implementing\\.$`))]);
    const conduit = (await ctx.app.inject({ method: 'GET', url: '/api/conduits/c-ctl-sis' })).json();
    expect(conduit.rules.map((r: { id: string }) => r.id)).toContain('r-ntp');
    const reassessed = (await post(app, 'erin', id, 'reassess')).json();
    expect([reassessed.status, reassessed.signatures]).toEqual(['SUBMITTED', []]);
    expect(refusal(await post(app, 'erin', id, 'implement'))[2]).toBe(`Change request "${id}" is SUBMITTED; it can be implemented only when APPROVED.`);
  });

  it('an edit needs the version read (412), makes the request a draft again and dismisses its signatures', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    const signed = (await sign(app, 'sam', id, 'security')).json();
    const old = await app.inject({ method: 'PATCH', url: `/api/reviews/${id}`, headers: { ...by(app, 'erin'), 'if-match': `"${signed.version - 1}"` }, payload: { title: 'Later' } });
    expect([old.statusCode, old.json().code, old.headers.etag]).toEqual([412, 'INTERLOCK_PRECONDITION_FAILED', `"${signed.version}"`]);
    const stranger = await app.inject({ method: 'PATCH', url: `/api/reviews/${id}`, headers: by(app, 'ed'), payload: { title: 'Mine now' } });
    expect(refusal(stranger)).toEqual([403, 'INTERLOCK_FORBIDDEN', 'Not allowed: only the requester of a change request (or an admin) may change it.']);
    const edited = await app.inject({ method: 'PATCH', url: `/api/reviews/${id}`, headers: { ...by(app, 'erin'), 'if-match': `"${signed.version}"` }, payload: { title: 'Close SIS NTP (v2)' } });
    expect([edited.statusCode, edited.json().status, edited.json().signatures, edited.json().assessment]).toEqual([200, 'DRAFT', [], null]);
    const bad = await app.inject({ method: 'PATCH', url: `/api/reviews/${id}`, headers: by(app, 'erin'), payload: { window: { start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' } } });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([422, 'body.window.end']);
    expect((await app.inject({ method: 'GET', url: '/api/reviews/cr-nothere' })).statusCode).toBe(404);
  });
});

describe('imports', () => {
  it('a replace import leaves change requests alone and makes those whose entities it changed stale', async () => {
    const { app } = ctx;
    const id = await submitted(app);
    const site = miniSite();
    site.conduits![1]!.description = 'imported from the network drawing';
    const imported = await app.inject({ method: 'POST', url: '/api/import', payload: site });
    expect(imported.statusCode).toBe(200);
    const after = await get(app, id);
    expect([after.status, after.stale]).toEqual(['SUBMITTED', true]);
    expect(after.staleBecause).toEqual(expect.arrayContaining([expect.objectContaining({ collection: 'conduits', entity: 'c-ctl-sis', op: 'update', action: 'import:replace' })]));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/reviews' })).json().length).toBeGreaterThan(5);
  });
});
