// What each `set` of a FortiOS firewall policy means to Interlock: part of what the policy matches,
// a condition it cannot hold (kept, and listed), something that does not change what the policy
// matches (listed), or something that would make the rule set wrong (refused).
export type SettingRole =
  | { kind: 'match' }
  | { kind: 'approximate'; reason: string }
  | { kind: 'ignore'; reason: string }
  | { kind: 'refuse'; reason: string };

const MATCH = new Set(['srcaddr', 'dstaddr', 'service', 'action', 'srcaddr-negate', 'dstaddr-negate', 'service-negate', 'status', 'name', 'uuid', 'comments', 'policyid']);
const NAT = new Set(['nat', 'ippool', 'poolname', 'natip', 'fixedport', 'nat46', 'nat64', 'natinbound', 'natoutbound', 'permit-any-host']);
const PROFILES = new Set(['utm-status', 'profile-type', 'profile-group', 'profile-protocol-options', 'ssl-ssh-profile', 'av-profile', 'webfilter-profile', 'dnsfilter-profile', 'emailfilter-profile', 'dlp-sensor', 'dlp-profile', 'file-filter-profile', 'ips-sensor', 'application-list', 'voip-profile', 'icap-profile', 'waf-profile', 'videofilter-profile', 'sctp-filter-profile', 'casb-profile', 'virtual-patch-profile', 'inspection-mode', 'application', 'app-category', 'url-category']);
const NO_MATCH_EFFECT = new Set(['logtraffic', 'logtraffic-start', 'log-http-transaction', 'auto-asic-offload', 'match-vip', 'match-vip-only', 'send-deny-packet', 'block-notification', 'global-label', 'label', 'tcp-mss-sender', 'tcp-mss-receiver', 'session-ttl', 'timeout-send-rst', 'capture-packet', 'traffic-shaper', 'traffic-shaper-reverse', 'per-ip-shaper', 'diffserv-forward', 'diffserv-reverse', 'diffservcode-forward', 'diffservcode-rev', 'vlan-cos-fwd', 'vlan-cos-rev', 'anti-replay', 'tcp-session-without-syn', 'geoip-anycast', 'delay-tcp-npu-session', 'wccp', 'disclaimer', 'email-collect', 'dsri', 'radius-mac-auth-bypass', 'schedule-timeout', 'identity-based-route']);
const USERS = new Set(['users', 'groups', 'fsso-groups', 'fsso-agent-for-ntlm', 'ntlm', 'ntlm-guest', 'auth-cert', 'auth-path', 'auth-redirect-addr']);

export function settingRole(key: string, values: string[]): SettingRole {
  if (MATCH.has(key)) return { kind: 'match' };
  if (key === 'schedule') {
    return values[0] === 'always' || values.length === 0 ? { kind: 'match' } : { kind: 'approximate', reason: `schedule ${values.join(' ')} not represented: the policy is taken as always in force` };
  }
  if (key === 'srcintf' || key === 'dstintf') {
    return values.every((v) => v === 'any') ? { kind: 'match' } : { kind: 'approximate', reason: `interfaces (${key} ${values.join(' ')}) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction` };
  }
  if (NAT.has(key)) return { kind: 'ignore', reason: `NAT (${key}) not represented: the policy still matches the addresses before translation` };
  if (PROFILES.has(key)) return { kind: 'ignore', reason: `security profile or application control (${key}) not represented: the policy's allow or deny by address and port is kept; the profile may still block content` };
  if (NO_MATCH_EFFECT.has(key)) return { kind: 'ignore', reason: `${key}: does not change which traffic the policy matches` };
  if (USERS.has(key)) return { kind: 'approximate', reason: `user or group condition (${key} ${values.join(' ')}) not represented: the policy is kept for every source` };
  if (key === 'srcaddr6' || key === 'dstaddr6' || key === 'srcaddr6-negate' || key === 'dstaddr6-negate') return { kind: 'ignore', reason: `IPv6 (${key}): Interlock models IPv4 only` };
  if (key.startsWith('internet-service')) return { kind: 'refuse', reason: `${key}: destinations from FortiGuard's Internet Service Database are not known here` };
  return { kind: 'refuse', reason: `setting "${key}" is not understood, so what the policy matches is not known` };
}
