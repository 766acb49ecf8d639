// Shapes the auth query's rows into findings (DOMAIN.md §4, authentication policy).
import type { AuthChangeT, Finding } from './change-schema.js';
import { silList, type Names } from './names.js';
import { atLeast, severityFromSil, maxSil } from './severity.js';
import { lockoutInForce, mfaInForce, sessionTimeoutInForce, type PoliciesInForce } from './auth-in-force.js';

export interface AuthProcedureRow extends PoliciesInForce {
  procedure: string; name: string; emergency: boolean; nominalSeconds: number; maxSeconds: number;
  viaAssets: string[]; viaRoles: string[]; mannedConsoles: string[]; sifs: Array<{ id: string; sil: number }>;
}

export function authFindings(rows: ReadonlyArray<AuthProcedureRow>, change: AuthChangeT, index: number, names: Names): Finding[] {
  const out: Finding[] = [];
  for (const p of rows) {
    const through = [...p.viaRoles, ...p.viaAssets];
    const path = { nodes: [p.procedure, ...through, ...p.sifs.map((s) => s.id)], edges: [] };
    const common = { sifs: p.sifs, procedure: p.procedure, changes: [index], path };
    const backs = p.sifs.length ? ` It backs up ${silList(p.sifs, names)}.` : '';
    const scope = `The policy reaches it through ${names.list(through)}.`;

    if (change.mfa) {
      // MFA already in force (implemented change requests) has used up part of the slack.
      const inForce = mfaInForce(p);
      const timeout = sessionTimeoutInForce(p);
      const already = (inForce.seconds ? ` MFA already in force adds ${inForce.seconds} s (${inForce.requests.join(', ')}), leaving ${p.maxSeconds - p.nominalSeconds - inForce.seconds} s of the slack.` : '') +
        (timeout ? ` A ${timeout.minutes}-minute session timeout in force (${timeout.requests.join(', ')}) means the operator signs in again, MFA included, once it expires.` : '');
      const slack = p.maxSeconds - p.nominalSeconds - inForce.seconds;
      const added = change.mfa.addedSeconds;
      if (added > slack) {
        const fromSil = severityFromSil(maxSil(p.sifs));
        out.push({
          ...common, id: `AUTH-DELAYS-EMERGENCY:${p.procedure}`, rule: 'AUTH-DELAYS-EMERGENCY',
          severity: p.emergency ? atLeast(fromSil, 'HIGH') : fromSil,
          title: `MFA makes ${p.procedure} miss its ${p.maxSeconds} s time budget`,
          explanation: `${names.of(p.procedure)} takes ${p.nominalSeconds} s and must complete within ${p.maxSeconds} s, a slack of ${p.maxSeconds - p.nominalSeconds} s.${already} MFA adds ${added} s, so it would take ${p.nominalSeconds + inForce.seconds + added} s, ${p.nominalSeconds + inForce.seconds + added - p.maxSeconds} s too long. ${scope}${backs}`,
          recommendation: 'Exempt the operator console and role from interactive MFA (use a physically secured console, or pre-authenticated sessions with monitoring), or redesign the procedure to regain the slack.',
        });
      } else {
        out.push({
          ...common, id: `AUTH-MFA-WITHIN-SLACK:${p.procedure}`, rule: 'AUTH-MFA-WITHIN-SLACK', severity: 'INFO',
          title: `MFA fits ${p.procedure}'s time budget with ${slack - added} s to spare`,
          explanation: `${names.of(p.procedure)} has ${p.maxSeconds - p.nominalSeconds} s of slack (${p.nominalSeconds} s nominal, ${p.maxSeconds} s maximum);${already} MFA adds ${added} s, leaving ${slack - added} s. ${scope}`,
          recommendation: 'No action; re-check if the procedure or the MFA method changes.',
        });
      }
    }
    if (change.lockoutThreshold !== undefined && p.emergency) {
      // A lockout already in force locks on its own: the lowest threshold is the one met first.
      const proposed = change.lockoutThreshold;
      const held = lockoutInForce(p);
      const governing = held ? Math.min(held.threshold, proposed) : proposed;
      const already = !held ? ''
        : proposed < held.threshold ? ` A lockout threshold of ${held.threshold} is already in force (${held.requests.join(', ')}); this policy lowers it to ${proposed}.`
          : ` A lockout threshold of ${held.threshold} is already in force (${held.requests.join(', ')}) and trips first; this policy adds a second lockout at ${proposed}.`;
      out.push({
        ...common, id: `AUTH-LOCKOUT-EMERGENCY:${p.procedure}`, rule: 'AUTH-LOCKOUT-EMERGENCY', severity: 'HIGH',
        title: `Operators of ${p.procedure} could be locked out after ${governing} failed logins`,
        explanation: `${names.of(p.procedure)} is an emergency procedure. A lockout threshold of ${proposed} on the accounts that perform it means an operator can be locked out exactly when it matters.${already} ${scope}${backs}`,
        recommendation: 'Provide break-glass accounts, or exempt these accounts from lockout and monitor failed logins instead.',
      });
    }
    if (change.sessionTimeoutMinutes !== undefined && p.emergency && p.mannedConsoles.length > 0) {
      // A timeout already in force ends the session on its own: the shortest one is met first.
      // The log-in it forces carries the MFA in force, which takes its seconds off the slack.
      const proposed = change.sessionTimeoutMinutes;
      const held = sessionTimeoutInForce(p);
      const governing = held ? Math.min(held.minutes, proposed) : proposed;
      const mfa = mfaInForce(p);
      const already = (!held ? ''
        : proposed < held.minutes ? ` A ${held.minutes}-minute session timeout is already in force (${held.requests.join(', ')}); this policy shortens it to ${proposed} minutes.`
          : ` A ${held.minutes}-minute session timeout is already in force (${held.requests.join(', ')}) and ends the session first; this policy adds a second one at ${proposed} minutes.`) +
        (mfa.seconds ? ` The log-in carries the MFA already in force (${mfa.seconds} s, ${mfa.requests.join(', ')}), leaving ${p.maxSeconds - p.nominalSeconds - mfa.seconds} s of the procedure's slack.` : '');
      out.push({
        ...common, id: `AUTH-SESSION-TIMEOUT-CONSOLE:${p.procedure}`, rule: 'AUTH-SESSION-TIMEOUT-CONSOLE', severity: 'MEDIUM',
        title: `A ${governing}-minute session timeout on consoles used by ${p.procedure}`,
        explanation: `${names.list(p.mannedConsoles)} ${p.mannedConsoles.length > 1 ? 'are' : 'is an'} always-manned operator console${p.mannedConsoles.length > 1 ? 's' : ''} used by the emergency procedure ${names.of(p.procedure)}. A session timeout would force a log-in before an emergency action.${already}`,
        recommendation: 'Exempt always-manned consoles from session timeouts; rely on physical access control and shift handover instead.',
      });
    }
  }
  return out;
}
