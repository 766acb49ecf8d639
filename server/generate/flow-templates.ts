// The communications a plant needs, as templates: which kind of asset talks to which, on what
// service, through which zones. Data only. Paths list zones in crossing order; flows.ts turns
// each step into the conduit between the two zones.
import type { ZoneKey } from './site-layout.js';

export interface FlowTemplate {
  from: readonly [ZoneKey, string];
  to: readonly [ZoneKey, string];
  protocol: 'tcp' | 'udp' | 'icmp';
  port?: number;
  purpose: string;
  path: readonly ZoneKey[];
  weight: number;
}

const t = (from: FlowTemplate['from'], to: FlowTemplate['to'], protocol: FlowTemplate['protocol'], port: number | undefined, path: ZoneKey[], weight: number, purpose: string): FlowTemplate =>
  ({ from, to, protocol, ...(port === undefined ? {} : { port }), path, weight, purpose });

export const SERVICE_FLOWS: readonly FlowTemplate[] = [
  t(['ops', 'historian'], ['ctl', 'dcs'], 'tcp', 4840, ['ops', 'ctl'], 8, 'OPC UA data collection for the site historian'),
  t(['ops', 'server'], ['ctl', 'dcs'], 'tcp', 4840, ['ops', 'ctl'], 3, 'OPC UA aggregation of DCS tags for MES'),
  t(['ops', 'historian'], ['dmz', 'historian'], 'tcp', 5450, ['ops', 'dmz'], 3, 'Historian replication to the DMZ replica (PI to PI)'),
  t(['ent', 'workstation'], ['dmz', 'historian'], 'tcp', 443, ['ent', 'dmz'], 5, 'Process data dashboards from the historian replica'),
  t(['ent', 'workstation'], ['dmz', 'jump'], 'tcp', 3389, ['ent', 'dmz'], 3, 'Engineers reach OT through the DMZ jump host (RDP)'),
  t(['dmz', 'jump'], ['ops', 'server'], 'tcp', 3389, ['dmz', 'ops'], 2, 'Administration of operations servers from the jump host'),
  t(['dmz', 'jump'], ['ctl', 'ews'], 'tcp', 3389, ['dmz', 'ops', 'ctl'], 2, 'Remote engineering on the DCS engineering workstation'),
  t(['ra', 'gateway'], ['dmz', 'jump'], 'tcp', 3389, ['ra', 'dmz'], 2, 'Vendor session brokered to the DMZ jump host'),
  t(['ra', 'gateway'], ['ctl', 'ews'], 'tcp', 3389, ['ra', 'dmz', 'ops', 'ctl'], 1, 'Vendor remote support session to the DCS engineering workstation'),
  t(['vnd', 'laptop'], ['ra', 'gateway'], 'tcp', 443, ['vnd', 'ra'], 2, 'Vendor VPN (TLS) to the remote access gateway'),
  t(['vnd', 'cloud'], ['ra', 'gateway'], 'udp', 4500, ['vnd', 'ra'], 1, 'IPsec NAT-T tunnel from the vendor support portal'),
  t(['ops', 'server'], ['dmz', 'patch'], 'tcp', 8530, ['ops', 'dmz'], 2, 'Windows updates from the DMZ patch relay (WSUS)'),
  t(['dmz', 'patch'], ['ent', 'dc'], 'udp', 53, ['dmz', 'ent'], 1, 'DNS forwarding to the corporate resolvers'),
  t(['ctl', 'hmi'], ['ops', 'dc'], 'tcp', 88, ['ctl', 'ops'], 2, 'Kerberos authentication of operator logons'),
  t(['ctl', 'ews'], ['ops', 'dc'], 'tcp', 389, ['ctl', 'ops'], 1, 'LDAP lookups for engineering accounts'),
  t(['ops', 'time'], ['ctl', 'dcs'], 'udp', 123, ['ops', 'ctl'], 3, 'Time synchronisation of DCS controllers (NTP)'),
  t(['ops', 'time'], ['fld', 'plc'], 'udp', 123, ['ops', 'ctl', 'fld'], 1, 'Time synchronisation of package PLCs (NTP)'),
  t(['ctl', 'switch'], ['ops', 'server'], 'udp', 514, ['ctl', 'ops'], 2, 'Syslog from control network switches'),
  t(['ops', 'server'], ['ctl', 'switch'], 'udp', 161, ['ops', 'ctl'], 1, 'SNMP monitoring of control network switches'),
  t(['ops', 'server'], ['ctl', 'switch'], 'icmp', undefined, ['ops', 'ctl'], 1, 'Reachability monitoring (ICMP echo)'),
  t(['ctl', 'dcs'], ['fld', 'valve'], 'tcp', 44818, ['ctl', 'fld'], 8, 'EtherNet/IP control of valve positioners'),
  t(['ctl', 'dcs'], ['fld', 'sensor'], 'tcp', 502, ['ctl', 'fld'], 6, 'Modbus/TCP polling of field transmitters'),
  t(['ctl', 'dcs'], ['fld', 'sensor'], 'tcp', 5094, ['ctl', 'fld'], 4, 'HART-IP access to transmitter diagnostics'),
  t(['ctl', 'ews'], ['fld', 'plc'], 'tcp', 44818, ['ctl', 'fld'], 2, 'Package PLC programming (EtherNet/IP)'),
  t(['ctl', 'dcs'], ['fld', 'plc'], 'tcp', 502, ['ctl', 'fld'], 2, 'Modbus/TCP interface to package PLCs'),
  t(['ctl', 'hmi'], ['ctl', 'dcs'], 'tcp', 4840, ['ctl'], 5, 'Operator graphics data from the DCS (OPC UA)'),
  t(['ctl', 'ews'], ['ctl', 'dcs'], 'tcp', 4840, ['ctl'], 2, 'Controller configuration download'),
  t(['sis', 'ls'], ['fld', 'sif-sensor'], 'tcp', 5094, ['sis', 'fld'], 2, 'HART-IP diagnostics of SIF transmitters'),
  t(['ops', 'historian'], ['fld', 'sensor'], 'tcp', 5094, ['ops', 'ctl', 'fld'], 1, 'Asset management reads transmitter health (HART-IP)'),
  t(['ent', 'workstation'], ['ops', 'historian'], 'tcp', 443, ['ent', 'dmz', 'ops'], 1, 'Direct historian access from the office (legacy exception)'),
  t(['ops', 'server'], ['utl', 'rtu'], 'tcp', 20000, ['ops', 'utl'], 2, 'DNP3 polling of the substation RTU'),
  t(['ops', 'server'], ['utl', 'ied'], 'tcp', 102, ['ops', 'utl'], 2, 'IEC 61850 MMS reports from protection relays'),
  t(['ops', 'server'], ['utl', 'plc'], 'tcp', 502, ['ops', 'utl'], 1, 'Modbus/TCP to the utilities PLC'),
];

// Realistic misconfigurations: flows the plant needs but the rule sets do not allow. Their
// services and directions are kept out of every rule catalogue (rule-services.ts) so that they
// stay denied: each points outwards, where no broad rule is ever generated.
export const DENIED_FLOWS: readonly FlowTemplate[] = [
  t(['ctl', 'hmi'], ['ops', 'server'], 'tcp', 8443, ['ctl', 'ops'], 2, 'MES production reporting from operator stations (firewall change still pending)'),
  t(['dmz', 'historian'], ['ent', 'server'], 'tcp', 25, ['dmz', 'ent'], 1, 'Alarm e-mail relay to the corporate mail server (rule removed in a clean-up)'),
  t(['ra', 'gateway'], ['vnd', 'cloud'], 'tcp', 8883, ['ra', 'vnd'], 1, 'MQTT/TLS telemetry to the vendor portal (never requested)'),
];
