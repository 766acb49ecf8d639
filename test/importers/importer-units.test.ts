// Focused cases of the importers and the renderer: negation, user chains as the conduit, FortiGate
// negation and cross products, the expansion limit, and the iptables-save text a conduit renders to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFortigate } from '../../server/importers/fortigate/import-fortigate.js';
import { importIptables } from '../../server/importers/iptables/import-iptables.js';
import { renderIptables } from '../../server/importers/iptables/render.js';
import { importAsChange } from '../../server/importers/what-if.js';
import { notRepresented, ruleLines } from './summary.js';

const save = (...rules: string[]) => ['*filter', ':FORWARD DROP [0:0]', ':OT - [0:0]', ...rules, 'COMMIT', ''].join('\n');

describe('iptables', () => {
  it('expands a negated source into the CIDRs of its complement, in order, keeping first match', () => {
    const report = importIptables(save('-A FORWARD ! -s 128.0.0.0/1 -p tcp -m tcp ! --dport 2:65535 -j ACCEPT'), { idPrefix: 'n' });
    expect(ruleLines(report)).toEqual(['10 allow tcp 0.0.0.0/1 > any 1 @4']);
  });

  it('reads a user chain as the conduit: its default action is deny, as the domain says', () => {
    const report = importIptables(save('-A FORWARD -j OT', '-A OT -s 10.1.0.0/16 -p udp -m udp --dport 161:162 -j ACCEPT', '-A OT -m state --state NEW -p tcp -m tcp --syn -j REJECT'), { idPrefix: 'u', chain: 'OT' });
    expect(ruleLines(report)).toEqual(['10 allow udp 10.1.0.0/16 > any 161-162 @5', '20 deny tcp any > any any @6']);
    expect(report.represented.find((l) => l.line === 3)?.note).toBe('a user chain has no policy: the default action is deny (falling off it returns to a caller outside the conduit)');
    expect(report.represented.find((l) => l.line === 6)?.note).toBe('--state NEW includes the opening packet (NEW) of every flow, which is what Interlock decides; --syn: the opening packet of a TCP connection, which is what Interlock decides');
    expect(notRepresented(report)).toEqual({ 'start of the filter table': [1], 'chain FORWARD is not reached from OT': [2, 4], 'end of the filter table': [7] });
  });

  it('refuses a chain that is not declared, and an expansion past the limit', () => {
    expect(notRepresented(importIptables(save(), { idPrefix: 'x', chain: 'SIS' }))).toEqual({
      'REFUSED chain SIS is not declared in the filter table (it has FORWARD, OT)': [1], 'start of the filter table': [1],
      'chain FORWARD is not reached from SIS': [2], 'chain OT is not reached from SIS': [3], 'end of the filter table': [4],
    });
    const big = importIptables(save('-A FORWARD ! -s 10.0.0.1 ! -d 10.0.0.2 -j ACCEPT'), { idPrefix: 'x', maxRules: 100 });
    expect(big.importable).toBe(false);
    expect(notRepresented(big)['REFUSED expanding this line would exceed 100 rules (negations and lists multiply); split the configuration']).toEqual([4]);
  });

  it('refuses a jump loop and an empty file', () => {
    const loop = importIptables(['*filter', ':FORWARD DROP [0:0]', ':A - [0:0]', ':B - [0:0]', '-A FORWARD -j A', '-A A -j B', '-A B -j A', 'COMMIT'].join('\n'), { idPrefix: 'l' });
    expect(loop.notRepresented.filter((n) => n.refused).map((n) => [n.line, n.reason])).toEqual([[7, 'jump loop: FORWARD → A → B → A']]);
    expect(importIptables('', { idPrefix: 'e' }).notRepresented).toEqual([{ line: 0, text: '', reason: 'no filter table (*filter … COMMIT): there are no filtering rules to import', refused: true }]);
  });
});

describe('FortiGate', () => {
  const config = (policy: string[]) => [
    'config firewall address', '    edit "hmi"', '        set subnet 10.20.1.11 255.255.255.255', '    next', '    edit "ls"', '        set subnet 10.21.0.10/32', '    next',
    '    edit "ls-b"', '        set type iprange', '        set start-ip 10.21.0.11', '        set end-ip 10.21.0.12', '    next', 'end',
    'config firewall service custom', '    edit "MODBUS"', '        set tcp-portrange 502', '    next', '    edit "SAFETY-P2P"', '        set udp-portrange 1502-1503', '    next', 'end',
    'config firewall policy', '    edit 9', ...policy.map((p) => `        ${p}`), '    next', 'end', '',
  ].join('\n');

  it('crosses multi-valued sources, destinations and services into rules, in that order', () => {
    const report = importFortigate(config(['set action accept', 'set srcaddr "hmi" "ls"', 'set dstaddr "ls-b"', 'set service "MODBUS" "SAFETY-P2P"']), { idPrefix: 'f' });
    expect(ruleLines(report).map((l) => l.split(' @')[0])).toEqual([
      '10 allow tcp 10.20.1.11 > 10.21.0.11 502',
      '20 allow tcp 10.20.1.11 > 10.21.0.12 502',
      '30 allow udp 10.20.1.11 > 10.21.0.11 1502-1503',
      '40 allow udp 10.20.1.11 > 10.21.0.12 1502-1503',
      '50 allow tcp 10.21.0.10 > 10.21.0.11 502',
      '60 allow tcp 10.21.0.10 > 10.21.0.12 502',
      '70 allow udp 10.21.0.10 > 10.21.0.11 1502-1503',
      '80 allow udp 10.21.0.10 > 10.21.0.12 1502-1503',
    ]);
  });

  it('negates addresses and services into their complements', () => {
    const report = importFortigate(config(['set action deny', 'set srcaddr "hmi"', 'set srcaddr-negate enable', 'set dstaddr "ls"', 'set service "MODBUS"', 'set service-negate enable']), { idPrefix: 'g' });
    const shown = ruleLines(report).map((l) => l.split(' @')[0]);
    // The complement of one address is 32 CIDRs; not MODBUS is tcp 1-501, tcp 503-65535, udp and icmp.
    expect(shown.length).toBe(32 * 4);
    expect([...shown.slice(0, 2), ...shown.slice(64, 66)]).toEqual(['10 deny tcp 0.0.0.0/5 > 10.21.0.10 1-501', '20 deny tcp 0.0.0.0/5 > 10.21.0.10 503-65535', '650 deny udp 0.0.0.0/5 > 10.21.0.10 any', '660 deny icmp 0.0.0.0/5 > 10.21.0.10 any']);
    expect(shown.filter((l) => l!.includes('10.20.1.11 '))).toEqual([]);
  });
});

describe('renderer and the what-if change', () => {
  const rules = [
    { id: 'r1', seq: 10, action: 'allow' as const, protocol: 'tcp' as const, src: { asset: 'hmi' }, dst: '10.21.0.0/24', ports: 502 },
    { id: 'r2', seq: 20, action: 'deny' as const, protocol: 'any' as const, src: 'any', dst: '10.21.0.8/29', ports: '80-502' },
    { id: 'r3', seq: 30, action: 'allow' as const, protocol: 'icmp' as const, src: { zone: 'z' }, dst: 'any', ports: 'any' },
  ];
  it('renders iptables-save text that imports back to the same decisions', () => {
    const text = renderIptables(rules, 'deny', { denyAs: 'REJECT', resolve: (e) => ('asset' in e ? { lo: 169083147, hi: 169083147 } : { lo: 169082880, hi: 169083391 }) });
    expect(text).toBe([
      '*filter', ':INPUT ACCEPT [0:0]', ':FORWARD DROP [0:0]', ':OUTPUT ACCEPT [0:0]',
      '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -s 10.20.1.11/32 -d 10.21.0.0/24 -p tcp -m tcp --dport 502 -m comment --comment "r1" -j ACCEPT',
      '-A FORWARD -d 10.21.0.8/29 -p tcp -m tcp --dport 80:502 -m comment --comment "r2" -j REJECT',
      '-A FORWARD -d 10.21.0.8/29 -p udp -m udp --dport 80:502 -m comment --comment "r2" -j REJECT',
      '-A FORWARD -s 10.20.0.0/23 -p icmp -m comment --comment "r3" -j ACCEPT',
      'COMMIT', '',
    ].join('\n'));
    expect(ruleLines(importIptables(text, { idPrefix: 'b' }))).toEqual([
      '10 allow tcp 10.20.1.11 > 10.21.0.0/24 502 @6', '20 deny tcp any > 10.21.0.8/29 80-502 @7', '30 deny udp any > 10.21.0.8/29 80-502 @8', '40 allow icmp 10.20.0.0/23 > any any @9',
    ]);
  });

  it('replaces the stored rules: reused ids are modified, others removed or added, the default set', () => {
    const change = importAsChange({ id: 'c', rules: [rules[0]!, rules[1]!] }, { rules: [{ ...rules[1]!, seq: 10 }, { ...rules[2]!, id: 'n1', seq: 20 }], defaultAction: 'allow' });
    expect(change).toEqual({
      kind: 'firewall', conduit: 'c', remove: ['r1'],
      modify: [{ id: 'r2', seq: 10, action: 'deny', protocol: 'any', src: 'any', dst: '10.21.0.8/29', ports: '80-502' }],
      add: [{ ...rules[2]!, id: 'n1', seq: 20 }], defaultAction: 'allow',
    });
  });
});

describe('any text', () => {
  const iptablesWords = ['*filter', '*nat', ':FORWARD', ':A', 'DROP', 'ACCEPT', '-', '[0:0]', '-A', 'FORWARD', 'A', '-s', '-d', '10.0.0.0/8', '10.1.2.3/255.0.0.0', '1.2.3.4/33', '::1', '!', '-p', 'tcp', 'udp', 'gre', '-m', 'multiport', '--dports', '1:2,80', ':', '65536', '--dport', '-j', '-g', 'RETURN', 'LOG', 'COMMIT', '"', "'", '\\', '--ctstate', 'NEW,ESTABLISHED', '-i', 'eth0', '--src-range', '10.0.0.9-10.0.0.1', '#x'];
  const fortigateWords = ['config', 'firewall', 'policy', 'address', 'addrgrp', 'service', 'custom', 'group', 'edit', 'next', 'end', 'set', 'unset', 'srcaddr', 'dstaddr', '"all"', '"a"', 'subnet', '10.0.0.0', '255.0.0.0', 'member', 'tcp-portrange', '1-2:3', 'action', 'accept', 'deny', 'srcaddr-negate', 'enable', 'type', 'iprange', 'start-ip', 'end-ip', '"', '#'];
  const textArb = (words: string[]) => fc.array(fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((w) => w.join(' ')), { maxLength: 25 }).map((lines) => lines.join('\n'));

  it('never throws, and accounts for every non-blank line', () => {
    const check = (report: ReturnType<typeof importIptables>, text: string) => {
      const accounted = new Set([...report.represented, ...report.notRepresented].map((l) => l.line));
      text.split('\n').forEach((line, i) => {
        if (line.trim() !== '') expect(accounted.has(i + 1), `line ${i + 1} of\n${text}`).toBe(true);
      });
      expect(report.importable).toBe(report.notRepresented.every((n) => !n.refused));
    };
    fc.assert(fc.property(textArb(iptablesWords), (text) => check(importIptables(text, { idPrefix: 'z', maxRules: 2000 }), text)), { numRuns: 500, seed: 7 });
    fc.assert(fc.property(textArb(fortigateWords), (text) => check(importFortigate(text, { idPrefix: 'z', maxRules: 2000 }), text)), { numRuns: 500, seed: 7 });
  });
});
