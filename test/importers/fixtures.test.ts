// Each firewall fixture: the exact rules (with the lines credited with each) and the exact lines
// not represented, grouped by reason; plus what every report must satisfy.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFirewallConfig } from '../../server/importers/firewall-config.js';
import type { FirewallFormat, ParseReport } from '../../server/importers/report.js';
import { Conduit } from '../../server/model/site-schema.js';
import { notRepresented, ruleLines } from './summary.js';

const DIR = 'fixtures/firewall';
const formatOf = (file: string): FirewallFormat => (file.endsWith('.iptables-save') ? 'iptables' : 'fortigate');
const fixture = (file: string, format: FirewallFormat): ParseReport => parseFirewallConfig(format, readFileSync(`${DIR}/${file}`, 'utf8'), { idPrefix: 'c' });

describe('every fixture', () => {
  for (const file of readdirSync(DIR)) {
    it(`${file}: every non-blank line is accounted for, and the rules validate as a conduit's`, () => {
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      const report = parseFirewallConfig(formatOf(file), text, { idPrefix: 'c-x-ipt' });
      const accounted = new Set([...report.represented, ...report.notRepresented].map((l) => l.line));
      const lines = text.split('\n').map((t, i) => [i + 1, t] as const).filter(([, t]) => t.trim() !== '');
      expect(lines.filter(([n]) => !accounted.has(n))).toEqual([]);
      expect(report.notRepresented.filter((n) => n.reason === 'not understood')).toEqual([]);
      const conduit = Conduit.parse({ id: 'c-x', name: 'x', zones: ['a', 'b'], slTarget: 2, rules: report.rules, defaultAction: report.defaultAction });
      expect(new Set(conduit.rules.map((r) => r.id)).size).toBe(conduit.rules.length);
      expect(conduit.rules.map((r) => r.seq)).toEqual(conduit.rules.map((_, i) => (i + 1) * 10));
      expect(conduit.rules.map((r) => r.id)).toEqual(conduit.rules.map((_, i) => `c-x-ipt-${String(i + 1).padStart(3, '0')}`));
      expect(report.importable).toBe(!file.startsWith('broken-'));
    });
  }
});


// The two realistic fixtures, in full; the broken ones derived from them are told by what differs.
const SIS_A_RULES = [
  '10 allow tcp 10.20.1.11 > 10.21.0.10 502 @23,27',
  '20 allow tcp 10.20.1.12 > 10.21.0.10 502 @23,28',
  '30 allow tcp 10.20.1.20 > 10.21.0.11 502 @23,29',
  '40 deny any 10.20.0.0/23 > 10.21.0.0/24 any @23,31',
  '50 allow tcp 10.21.0.10 > 10.20.0.21 502 @24,34',
  '60 allow tcp 10.21.0.11 > 10.20.0.23 502 @24,35',
  '70 allow udp 10.21.0.10/31 > 10.20.0.5 123 @24,37',
  '80 allow udp 10.21.0.20 > 10.30.0.30 514 @24,39',
  '90 allow udp 10.21.0.20 > 10.30.0.30 6514 @24,39',
  '100 deny any 10.21.0.0/24 > any any @24,26,33,40',
  '110 allow tcp 10.22.0.10 > 10.20.0.21 502 @25,36',
  '120 allow udp 10.22.0.0/24 > 10.20.0.5 123 @25,38',
  '130 deny any 10.22.0.0/24 > any any @25,26,33,40',
  '140 deny any any > any any @26,33',
];
const SIS_A_NOT_REPRESENTED: Record<string, number[]> = {
  'comment': [1, 9, 10, 42],
  'nat table: address translation is not represented; Interlock matches addresses as the filter table sees them': [2, 3, 4, 5, 6, 7, 8],
  'start of the filter table': [11],
  'chain INPUT: traffic to the firewall itself, not through the conduit': [12, 18, 19, 20],
  'chain OUTPUT: traffic from the firewall itself, not through the conduit': [14],
  'user chain CTL_TO_SIS: its rules are flattened where FORWARD jumps to it': [15],
  'user chain LOG_DROP: its rules are flattened where FORWARD jumps to it': [16],
  'user chain SIS_TO_CTL: its rules are flattened where FORWARD jumps to it': [17],
  'conntrack RELATED,ESTABLISHED: replies and related traffic of connections already allowed; Interlock decides each flow by its opening packet, which this rule never matches': [21],
  'conntrack --ctstate INVALID: never the opening packet (NEW) of a flow, which is what Interlock decides': [22],
  'interface match -i eth1 -o eth2 not represented: a conduit has no interfaces, so the rule is kept for any interface (its addresses carry the direction)': [23],
  'interface match -i eth2 -o eth1 not represented: a conduit has no interfaces, so the rule is kept for any interface (its addresses carry the direction)': [24, 25],
  'target LOG does not decide: the packet goes on to the next rule': [30, 32],
  'end of the filter table': [41],
};
const DMZ_OPS_RULES = [
  '10 allow tcp 10.30.0.20 > 10.35.0.20 5450 @35,36,37,38,45,46,47,48,96,97,98,99,112,113,114,115,116,117,118,119,120,121,123',
  '20 allow tcp 10.35.0.30/31 > 10.20.0.40/31 3389 @55,56,57,58,59,60,61,62,63,64,65,72,73,74,75,90,91,92,124,125,126,127,128,129,130,131,132,137,138',
  '30 allow udp 10.30.0.30 > 10.35.0.50 514 @39,40,41,52,53,54,93,94,95,139,140,141,142,143,144,145,146,147,148',
  '40 allow tcp 10.30.0.0/24 > 10.35.0.40 443 @28,29,30,31,49,50,51,87,88,89,102,103,104,149,150,151,152,153,154,155,156,157,159',
  '50 allow icmp 10.30.0.70 > 10.35.0.0/24 any @32,33,34,42,43,44,82,83,84,85,86,160,161,162,163,164,165,166,167,168,169',
  '60 deny any any > any any @25,26,27,78,79,80,81,181,182,183,184,185,186,187,188,190',
];
const DMZ_OPS_NOT_REPRESENTED: Record<string, number[]> = {
  'comment or header (configuration version, build)': [1, 2, 3, 4],
  'config system global: not about the firewall policy': [5, 6, 7, 8, 9],
  'config system interface: not about the firewall policy': [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
  'structure of config firewall address': [24, 70],
  '"vendor-portal" is not used by any policy that was imported': [66, 67, 68, 69],
  'structure of config firewall addrgrp': [71, 76],
  'structure of config firewall service custom': [77, 100],
  'ICMP icmptype 8 not represented: Interlock\'s icmp flows carry no type, so the service stands for all ICMP': [84],
  'structure of config firewall service group': [101, 105],
  'config firewall schedule recurring: schedules are not represented (a policy that uses one is listed)': [106, 107, 108, 109, 110],
  'structure of the policy table': [111, 191],
  'interfaces (srcintf port2) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [115, 141, 151, 162],
  'interfaces (dstintf port1) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [116, 142, 152, 163],
  'logtraffic: does not change which traffic the policy matches': [122, 136, 189],
  'interfaces (srcintf port1) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [126],
  'interfaces (dstintf port2) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [127],
  'security profile or application control (utm-status) not represented: the policy\'s allow or deny by address and port is kept; the profile may still block content': [133],
  'security profile or application control (ssl-ssh-profile) not represented: the policy\'s allow or deny by address and port is kept; the profile may still block content': [134],
  'security profile or application control (ips-sensor) not represented: the policy\'s allow or deny by address and port is kept; the profile may still block content': [135],
  'NAT (nat) not represented: the policy still matches the addresses before translation': [158],
  'policy 7 "old-vendor-access" is disabled': [170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180],
  'interfaces (srcintf port1 port2) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [183],
  'interfaces (dstintf port1 port2) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [184],
};
const INTERFACES = (intf: string) => `interfaces (${intf}) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction`;
const UNUSED = (name: string) => `"${name}" is not used by any policy that was imported`;
const without = (record: Record<string, number[]>, ...keys: string[]) => Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
/** Rules as ruleLines shows them, numbered again from 10 (a refused policy leaves a gap no more). */
const renumbered = (rules: string[]) => rules.map((r, i) => r.replace(/^\d+/, String((i + 1) * 10)));

/** Where each object of c-dmz-ops.fortigate.conf is defined (edit … next). */
const DMZ_OPS_OBJECT_LINES: Record<string, number[]> = {
  all: [25, 26, 27], 'z-ops': [28, 29, 30, 31], 'z-dmz': [32, 33, 34], 'ops-logcol-01': [39, 40, 41], 'ops-nms-01': [42, 43, 44], 'dmz-patch-01': [49, 50, 51], 'dmz-syslog-01': [52, 53, 54],
  ALL: [78, 79, 80, 81], PING: [82, 83, 84, 85, 86], HTTPS: [87, 88, 89], SYSLOG: [93, 94, 95], 'patch-and-av': [102, 103, 104],
};

describe('fixtures, exactly', () => {
  it('a rule names its source line in its description', () => {
    expect(fixture('c-ctl-sis-a.iptables-save', 'iptables').rules[0]).toEqual({
      id: 'c-001', seq: 10, action: 'allow', protocol: 'tcp', src: '10.20.1.11', dst: '10.21.0.10', ports: 502,
      description: 'iptables line 27: -A CTL_TO_SIS -s 10.20.1.11/32 -d 10.21.0.10/32 -p tcp -m tcp --dport 502 -m comment --comment "ESD soft pushbutton, operator station 1" -j ACCEPT (via line 23)',
    });
    expect(fixture('c-dmz-ops.fortigate.conf', 'fortigate').rules[1]).toEqual({
      id: 'c-002', seq: 20, action: 'allow', protocol: 'tcp', src: '10.35.0.30/31', dst: '10.20.0.40/31', ports: 3389,
      description: 'FortiGate policy 2 "jump-to-ews-rdp", lines 124-138: Jump hosts to the DCS engineering workstations; transits operations',
    });
  });

  it.each([
    ['c-ctl-sis-a.iptables-save', 'the reference plant’s primary BPCS/SIS conduit (user chains, RETURN, conntrack, iprange, multiport, LOG, nat table)', SIS_A_RULES, SIS_A_NOT_REPRESENTED],
    ['c-dmz-ops.fortigate.conf', 'the reference plant’s DMZ/operations FortiGate (objects, groups, predefined services, disabled policy, profiles, NAT)', DMZ_OPS_RULES, DMZ_OPS_NOT_REPRESENTED],
  ])('%s: %s', (file, _what, rules, lines) => {
    const report = fixture(file, formatOf(file));
    expect(ruleLines(report)).toEqual(rules);
    expect([report.defaultAction, report.importable]).toEqual(['deny', true]);
    expect(notRepresented(report)).toEqual(lines);
  });

  it('broken-truncated.iptables-save: the same file cut short inside a rule (no COMMIT, an unclosed quote)', () => {
    const report = fixture('broken-truncated.iptables-save', 'iptables');
    expect(ruleLines(report)).toEqual(SIS_A_RULES.slice(0, 1));
    expect([report.defaultAction, report.importable]).toEqual(['deny', false]);
    expect(notRepresented(report)).toEqual({
      ...without(SIS_A_NOT_REPRESENTED, 'target LOG does not decide: the packet goes on to the next rule', 'end of the filter table'),
      comment: [1, 9, 10],
      'REFUSED table filter has no COMMIT before the end of the file: the file is truncated or damaged (iptables-restore would refuse it too)': [11],
      'jumps to chain LOG_DROP, which decides nothing for these packets': [26],
      'REFUSED unclosed quote: the line is cut short': [28],
    });
  });

  it('broken-unrepresentable.iptables-save: rules a conduit cannot hold (source port, time, interface-only allow, ipset, NFQUEUE)', () => {
    const report = fixture('broken-unrepresentable.iptables-save', 'iptables');

    expect(ruleLines(report)).toEqual([
      '10 allow tcp 10.20.1.11 > 10.21.0.10 502 @7',
    ]);
    expect(report.defaultAction).toBe('deny');
    expect(report.importable).toBe(false);
    expect(notRepresented(report)).toEqual({
      'comment': [1],
      'start of the filter table': [2],
      'chain INPUT: traffic to the firewall itself, not through the conduit': [3],
      'chain OUTPUT: traffic from the firewall itself, not through the conduit': [5],
      'conntrack RELATED,ESTABLISHED: replies and related traffic of connections already allowed; Interlock decides each flow by its opening packet, which this rule never matches': [6],
      'REFUSED --sport 123: Interlock flows carry no source port, so this condition cannot be kept and dropping it would change what the rule matches': [8],
      'REFUSED match -m time --timestart 06:00 --timestop 18:00 --weekdays Mon,Tue,Wed,Thu,Fri is not represented': [9],
      'REFUSED interface match -i eth1 -o eth2 with no address condition: Interlock cannot tell interfaces apart, so this allow would open the conduit to all traffic in both directions': [10],
      'REFUSED match -m set --match-set modbus-writers src is not represented': [11],
      'IPv6-only rule (-6): Interlock models IPv4 only': [12],
      'protocol gre is not one Interlock models (tcp, udp, icmp), so no flow can match': [13],
      'REFUSED target NFQUEUE is not represented (only ACCEPT, DROP, REJECT, RETURN, jumps to chains of the table, and non-deciding targets such as LOG)': [14],
      'end of the filter table': [15],
    });
  });

  it('broken-truncated.fortigate.conf: the same backup cut short inside policy 4', () => {
    const report = fixture('broken-truncated.fortigate.conf', 'fortigate');
    expect(ruleLines(report)).toEqual(DMZ_OPS_RULES.slice(0, 3));
    expect([report.defaultAction, report.importable]).toEqual(['deny', false]);
    const cut = ['ICMP icmptype 8 not represented: Interlock\'s icmp flows carry no type, so the service stands for all ICMP', 'NAT (nat) not represented: the policy still matches the addresses before translation', 'policy 7 "old-vendor-access" is disabled',
      INTERFACES('srcintf port1 port2'), INTERFACES('dstintf port1 port2')];
    expect(notRepresented(report)).toEqual({
      ...without(DMZ_OPS_NOT_REPRESENTED, ...cut),
      ...Object.fromEntries(['all', 'z-ops', 'z-dmz', 'ops-nms-01', 'dmz-patch-01', 'ALL', 'PING', 'HTTPS', 'patch-and-av'].map((n) => [UNUSED(n), DMZ_OPS_OBJECT_LINES[n]!])),
      'structure of the policy table': [111],
      [INTERFACES('srcintf port2')]: [115, 141, 151],
      [INTERFACES('dstintf port1')]: [116, 142, 152],
      'logtraffic: does not change which traffic the policy matches': [122, 136],
      'REFUSED "config firewall policy" is never closed with "end": the file is truncated': [111],
      'REFUSED policy 4 "ot-patches" has no service': [149],
      'part of policy 4 "ot-patches", which cannot be represented (see the refused lines)': [150, 153, 154, 155, 156],
      'REFUSED unclosed quote: the line is cut short': [157],
    });
  });

  it('broken-unknown-object.fortigate.conf: the same backup, a policy naming an address object that is not defined', () => {
    const report = fixture('broken-unknown-object.fortigate.conf', 'fortigate');
    expect(ruleLines(report)).toEqual(renumbered([DMZ_OPS_RULES[0]!, DMZ_OPS_RULES[1]!, ...DMZ_OPS_RULES.slice(3)]));
    expect([report.defaultAction, report.importable]).toEqual(['deny', false]);
    expect(notRepresented(report)).toEqual({
      ...DMZ_OPS_NOT_REPRESENTED,
      ...Object.fromEntries(['ops-logcol-01', 'dmz-syslog-01', 'SYSLOG'].map((n) => [UNUSED(n), DMZ_OPS_OBJECT_LINES[n]!])),
      'part of policy 3 "ot-syslog-to-dmz", which cannot be represented (see the refused lines)': [139, 140, 143, 145, 146, 147, 148],
      'REFUSED unknown address object "ops-logcol-02": not defined in this configuration': [144],
    });
  });

  it('broken-unrepresentable.fortigate.conf: policies a conduit cannot hold (VIP, FQDN, source port, ISDB, all-to-all allow)', () => {
    const report = fixture('broken-unrepresentable.fortigate.conf', 'fortigate');

    expect(ruleLines(report)).toEqual([]);
    expect(report.defaultAction).toBe('deny');
    expect(report.importable).toBe(false);
    expect(notRepresented(report)).toEqual({
      'comment or header (configuration version, build)': [1],
      'structure of config firewall address': [2, 13],
      '"ops-hist-01" is not used by any policy that was imported': [3, 4, 5],
      'REFUSED address "dcs-vendor-portal" is of type fqdn, resolved by the firewall at run time (names, countries, dynamic members): its addresses are unknown here': [6],
      '"dcs-vendor-portal" is not used by any policy that was imported': [7, 8, 9],
      '"z-ops" is not used by any policy that was imported': [10, 11, 12],
      'config firewall vip: NAT objects are not represented': [14, 15, 16, 17, 18, 19, 20],
      'structure of config firewall service custom': [21, 28],
      '"PI-replication" is not used by any policy that was imported': [22, 23, 24],
      '"NTP-from-123" is not used by any policy that was imported': [25, 27],
      'REFUSED udp-portrange "123:123" restricts the source port; Interlock flows carry none': [26],
      'structure of the policy table': [29, 80],
      'part of policy 1 "pi-to-replica-vip", which cannot be represented (see the refused lines)': [30, 31, 34, 35, 37, 38, 39],
      'interfaces (srcintf port2) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [32, 42, 52, 62, 72],
      'interfaces (dstintf port1) not represented: a conduit has no interfaces, so the policy is kept for its addresses in either direction': [33, 43, 53, 63, 73],
      'REFUSED destination "hist-replica-vip" is a virtual IP (destination NAT): the policy matches its external address and forwards to another; not represented': [36],
      'part of policy 2 "vendor-portal", which cannot be represented (see the refused lines)': [40, 41, 44, 45, 46, 47, 48, 49],
      'part of policy 3 "ntp-symmetric", which cannot be represented (see the refused lines)': [50, 51, 54, 55, 56, 57, 58, 59],
      'REFUSED policy 4 "o365" has no dstaddr': [60],
      'REFUSED policy 4 "o365" has no service': [60],
      'part of policy 4 "o365", which cannot be represented (see the refused lines)': [61, 64, 65, 68, 69],
      'REFUSED internet-service: destinations from FortiGuard\'s Internet Service Database are not known here': [66],
      'REFUSED internet-service-name: destinations from FortiGuard\'s Internet Service Database are not known here': [67],
      'REFUSED policy 5 "ot-outbound-any" allows from all to all addresses between its interfaces: without interfaces it would open the conduit to all traffic in both directions': [70],
      'part of policy 5 "ot-outbound-any", which cannot be represented (see the refused lines)': [71, 74, 75, 76, 77, 78, 79],
    });
  });
});
