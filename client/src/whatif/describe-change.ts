// A proposed change in one plain sentence, for the result header and the printed record.
import type { Change } from '../../../server/impact/change-schema.js';

const list = (xs: string[]) => xs.join(', ');

export function describeChange(change: Change): string {
  if (change.kind === 'firewall') {
    const parts = [
      change.remove.length ? `remove ${list(change.remove)}` : '',
      change.add.length ? `add ${change.add.length} rule${change.add.length > 1 ? 's' : ''} (${change.add.map((r) => `${r.action} ${r.protocol}/${r.ports} at seq ${r.seq}`).join('; ')})` : '',
      change.modify.length ? `modify ${list(change.modify.map((m) => m.id))}` : '',
      change.defaultAction ? `set the default action to ${change.defaultAction}` : '',
    ].filter(Boolean);
    return `Firewall change on ${change.conduit}: ${parts.join('; ')}.`;
  }
  if (change.kind === 'patch') {
    const what = change.targets ? list(change.targets)
      : [change.selector?.vendor, change.selector?.model, change.selector?.versionBelow ? `below ${change.selector.versionBelow}` : ''].filter(Boolean).join(' ');
    return `Patch ${what}${change.requiresReboot ? ', with a reboot' : ', no reboot'}${change.downtimeMinutes ? `, ${change.downtimeMinutes} min downtime` : ''}.`;
  }
  const scope = [...change.appliesTo.zones, ...change.appliesTo.assets, ...change.appliesTo.roles];
  const policy = [
    change.mfa ? `MFA adding ${change.mfa.addedSeconds} s` : '',
    change.lockoutThreshold ? `lockout after ${change.lockoutThreshold} failures` : '',
    change.sessionTimeoutMinutes ? `session timeout ${change.sessionTimeoutMinutes} min` : '',
  ].filter(Boolean);
  return `Authentication policy on ${list(scope)}: ${policy.join(', ')}.`;
}
