// Lockout thresholds and session timeouts put in force by implemented change requests are weighed
// by later what-ifs, as MFA in force is: against the real Neo4j, through the review workflow.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { miniSite } from '../helpers/mini-site.js';
import { by, createAccounts, post, sign, submitted } from './review-kit.js';

const ctx = useApp(() => miniSite());
beforeAll(async () => createAccounts(ctx.app));

type Finding = { rule: string; severity: string; title: string; explanation: string };
const auth = (appliesTo: Record<string, string[]>, policy: Record<string, unknown>) => ({ change: { kind: 'auth', appliesTo, ...policy } });
const whatIf = async (app: FastifyInstance, payload: ReturnType<typeof auth>): Promise<Finding[]> =>
  (await app.inject({ method: 'POST', url: '/api/impact', headers: by(app, 'erin'), payload })).json().findings;

/** Raised by erin, signed by whoever must sign, implemented: the policy is in force. */
async function implemented(app: FastifyInstance, payload: unknown): Promise<string> {
  const id = await submitted(app, 'erin', payload);
  await sign(app, 'sam', id, 'security');
  const view = (await app.inject({ method: 'GET', url: `/api/reviews/${id}`, headers: by(app, 'vera') })).json();
  if (view.status !== 'APPROVED') expect((await sign(app, 'sue', id, 'safety')).json().status).toBe('APPROVED');
  const res = await post(app, 'erin', id, 'implement');
  expect([res.statusCode, res.json().status]).toEqual([200, 'IMPLEMENTED']);
  return id;
}

describe('policies in force, weighed by later what-ifs', () => {
  it('a lockout in force on the operator role: a later lockout names it, and the lowest threshold governs', async () => {
    const { app } = ctx;
    const [alone] = await whatIf(app, auth({ assets: ['hmi'] }, { lockoutThreshold: 8 }));
    expect(alone).toMatchObject({ rule: 'AUTH-LOCKOUT-EMERGENCY', severity: 'HIGH', title: 'Operators of proc-esd could be locked out after 8 failed logins' });
    expect(alone!.explanation).not.toContain('already in force');

    const cr = await implemented(app, auth({ roles: ['role-operator'] }, { lockoutThreshold: 5 }));

    const laxer = await whatIf(app, auth({ assets: ['hmi'] }, { lockoutThreshold: 8 }));
    expect(laxer.map((f) => [f.rule, f.severity])).toEqual([['AUTH-LOCKOUT-EMERGENCY', 'HIGH']]);
    expect(laxer[0]!.title).toBe('Operators of proc-esd could be locked out after 5 failed logins');
    expect(laxer[0]!.explanation).toContain(`A lockout threshold of 5 is already in force (${cr}) and trips first; this policy adds a second lockout at 8.`);

    const stricter = await whatIf(app, auth({ zones: ['z-ctl'] }, { lockoutThreshold: 3 }));
    expect(stricter[0]!.title).toBe('Operators of proc-esd could be locked out after 3 failed logins');
    expect(stricter[0]!.explanation).toContain(`A lockout threshold of 5 is already in force (${cr}); this policy lowers it to 3.`);
  });

  it('a session timeout in force on the operator role: a later timeout on the console names it, and MFA what-ifs say the log-in comes back', async () => {
    const { app } = ctx;
    // On the role alone no always-manned console is in scope: no finding, the security signature suffices.
    expect(await whatIf(app, auth({ roles: ['role-operator'] }, { sessionTimeoutMinutes: 30 }))).toEqual([]);
    const cr = await implemented(app, auth({ roles: ['role-operator'] }, { sessionTimeoutMinutes: 30 }));

    const onConsole = await whatIf(app, auth({ assets: ['hmi'] }, { sessionTimeoutMinutes: 60 }));
    expect(onConsole.map((f) => [f.rule, f.severity])).toEqual([['AUTH-SESSION-TIMEOUT-CONSOLE', 'MEDIUM']]);
    expect(onConsole[0]!.title).toBe('A 30-minute session timeout on consoles used by proc-esd');
    expect(onConsole[0]!.explanation).toContain(`A 30-minute session timeout is already in force (${cr}) and ends the session first; this policy adds a second one at 60 minutes.`);

    const shorter = await whatIf(app, auth({ assets: ['hmi'] }, { sessionTimeoutMinutes: 10 }));
    expect(shorter[0]!.explanation).toContain(`A 30-minute session timeout is already in force (${cr}); this policy shortens it to 10 minutes.`);

    const mfa = await whatIf(app, auth({ roles: ['role-operator'] }, { mfa: { addedSeconds: 5 } }));
    expect(mfa.map((f) => f.rule)).toEqual(['AUTH-MFA-WITHIN-SLACK']);
    expect(mfa[0]!.explanation).toContain(`A 30-minute session timeout in force (${cr}) means the operator signs in again, MFA included, once it expires.`);
  });

  it('a session timeout what-if counts the MFA in force on the log-in it forces', async () => {
    const { app } = ctx;
    const mfaCr = await implemented(app, auth({ assets: ['hmi'] }, { mfa: { addedSeconds: 12 } }));
    const [finding] = await whatIf(app, auth({ assets: ['hmi'] }, { sessionTimeoutMinutes: 15 }));
    expect(finding!.rule).toBe('AUTH-SESSION-TIMEOUT-CONSOLE');
    expect(finding!.explanation).toContain(`The log-in carries the MFA already in force (12 s, ${mfaCr}), leaving 8 s of the procedure's slack.`);
  });
});
