// Services each conduit commonly permits besides the ones the site's flows need: the rest of a
// realistic rule set. "out" is the conduit's outer zone to its inner one, "in" the reverse.
// None of these may cover a DENIED_FLOWS template (flow-templates.ts), or it would stop being
// denied: those use tcp 8443 ctl→ops, tcp 25 dmz→ent and tcp 8883 ra→vnd.
import type { ConduitKey } from './site-layout.js';

export interface ServiceRule {
  direction: 'out' | 'in';
  protocol: 'tcp' | 'udp' | 'icmp';
  ports: number | string;
  description: string;
}

const s = (direction: ServiceRule['direction'], protocol: ServiceRule['protocol'], ports: number | string, description: string): ServiceRule =>
  ({ direction, protocol, ports, description });

const CONTROL_TO_SAFETY: readonly ServiceRule[] = [
  s('out', 'tcp', 502, 'DCS reads of SIS status (Modbus/TCP)'),
  s('in', 'tcp', 4840, 'Sequence-of-events collection from the SIS (OPC UA)'),
  s('out', 'udp', 161, 'SNMP monitoring of safety network switches'),
  s('in', 'udp', 514, 'Syslog from the safety network'),
];

export const RULE_SERVICES: Record<ConduitKey, readonly ServiceRule[]> = {
  'ent-dmz': [
    s('out', 'icmp', 'any', 'ICMP echo to DMZ hosts for monitoring'),
    s('out', 'tcp', 443, 'HTTPS to DMZ web services'),
    s('out', 'tcp', 8080, 'Historian web portal'),
    s('in', 'udp', 53, 'DNS forwarding to the corporate resolvers'),
    s('in', 'tcp', 3128, 'Patch relay downloads through the corporate proxy'),
    s('in', 'udp', 123, 'Time from the corporate NTP servers'),
  ],
  'dmz-ops': [
    s('in', 'tcp', 8530, 'Windows updates from the DMZ patch relay (WSUS)'),
    s('in', 'tcp', 5450, 'Historian replication (PI to PI)'),
    s('in', 'udp', 514, 'Syslog forwarding to the SIEM collector'),
    s('in', 'tcp', 443, 'Antivirus signature updates'),
    s('out', 'tcp', 3389, 'Administration from the DMZ jump host (RDP)'),
    s('out', 'tcp', 22, 'SSH administration from the DMZ jump host'),
  ],
  'ops-ctl': [
    s('out', 'tcp', 4840, 'OPC UA from operations to the DCS'),
    s('out', 'tcp', 135, 'OPC Classic DCOM endpoint mapper'),
    s('out', 'tcp', '49152-65535', 'OPC Classic DCOM dynamic ports'),
    s('out', 'udp', 123, 'NTP to the control network'),
    s('in', 'tcp', 88, 'Kerberos to the OT domain controller'),
    s('in', 'tcp', 389, 'LDAP to the OT domain controller'),
    s('in', 'udp', 514, 'Syslog to the operations log collector'),
    s('out', 'udp', 161, 'SNMP monitoring of control network devices'),
    s('out', 'icmp', 'any', 'ICMP echo for monitoring'),
    s('in', 'tcp', 445, 'SMB to the operations backup share'),
  ],
  'ctl-sis-a': CONTROL_TO_SAFETY,
  'ctl-sis-b': CONTROL_TO_SAFETY,
  'ctl-fld': [
    s('out', 'tcp', 44818, 'EtherNet/IP explicit messaging'),
    s('out', 'udp', 2222, 'EtherNet/IP implicit I/O'),
    s('in', 'udp', 2222, 'EtherNet/IP produced data to the controllers'),
    s('out', 'tcp', 502, 'Modbus/TCP to field devices'),
    s('out', 'tcp', 5094, 'HART-IP to field instruments'),
    s('out', 'tcp', 102, 'S7comm to package PLCs'),
    s('out', 'icmp', 'any', 'ICMP echo for monitoring'),
  ],
  'sis-fld': [
    s('out', 'tcp', 5094, 'HART-IP diagnostics of SIF instruments'),
    s('out', 'udp', 2222, 'CIP Safety I/O connections'),
    s('in', 'udp', 2222, 'CIP Safety produced data from safety I/O'),
    s('out', 'icmp', 'any', 'ICMP echo for monitoring'),
  ],
  'ra-dmz': [
    s('out', 'tcp', 3389, 'Brokered RDP sessions to the DMZ jump host'),
    s('out', 'tcp', 443, 'HTTPS file transfer to the DMZ'),
    s('out', 'tcp', 22, 'SSH to the DMZ jump host'),
    s('out', 'udp', 1812, 'RADIUS authentication of remote sessions (MFA)'),
  ],
  'vnd-ra': [
    s('out', 'tcp', 443, 'Vendor VPN over TLS'),
    s('out', 'udp', 500, 'IPsec IKE'),
    s('out', 'udp', 4500, 'IPsec NAT traversal'),
  ],
  'ops-utl': [
    s('out', 'tcp', 20000, 'DNP3 to substation RTUs'),
    s('out', 'tcp', 102, 'IEC 61850 MMS to protection relays'),
    s('out', 'tcp', 502, 'Modbus/TCP to the utilities PLC'),
    s('out', 'udp', 123, 'NTP to substation devices'),
    s('out', 'icmp', 'any', 'ICMP echo for monitoring'),
    s('in', 'udp', 514, 'Syslog from substation devices'),
  ],
};
