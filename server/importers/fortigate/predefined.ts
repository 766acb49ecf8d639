// FortiOS factory-default objects. A full configuration backup defines them itself (and then its
// own definitions are used); an excerpt often only names them, so these stand in, as documented.
export const PREDEFINED_ADDRESSES: Record<string, string> = { all: '0.0.0.0/0', none: '0.0.0.0/32' };

/** name → FortiOS service settings, as they would appear under `config firewall service custom`. */
export const PREDEFINED_SERVICES: Record<string, Record<string, string[]>> = {
  ALL: { protocol: ['IP'] },
  ALL_TCP: { 'tcp-portrange': ['1-65535'] },
  ALL_UDP: { 'udp-portrange': ['1-65535'] },
  ALL_ICMP: { protocol: ['ICMP'] },
  PING: { protocol: ['ICMP'], icmptype: ['8'] },
  HTTP: { 'tcp-portrange': ['80'] },
  HTTPS: { 'tcp-portrange': ['443'] },
  SSH: { 'tcp-portrange': ['22'] },
  RDP: { 'tcp-portrange': ['3389'] },
  DNS: { 'tcp-portrange': ['53'], 'udp-portrange': ['53'] },
  NTP: { 'tcp-portrange': ['123'], 'udp-portrange': ['123'] },
  SNMP: { 'tcp-portrange': ['161-162'], 'udp-portrange': ['161-162'] },
  SYSLOG: { 'udp-portrange': ['514'] },
  SMB: { 'tcp-portrange': ['445'] },
  LDAP: { 'tcp-portrange': ['389'] },
  KERBEROS: { 'tcp-portrange': ['88'], 'udp-portrange': ['88'] },
};
