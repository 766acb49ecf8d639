// Writes fixtures/traffic/reference-plant-conn.log, the reference plant's synthetic Zeek capture:
//   npx tsx bench/make-reference-conn-log.ts > fixtures/traffic/reference-plant-conn.log
// One hour (2026-11-24 06:00–07:00 UTC) as a sensor on the OT core would log it: every declared
// flow with an address at its usual rate, except two safety flows that went quiet, plus the
// anomalies each comparison finds (see "Anomalies" below), an IPv6 mDNS line and a last line cut
// off by log rotation. Deterministic: the same file every run.
import { connTsvHeader, connTsvLine, type Conn } from '../server/importers/zeek/conn-log-format.js';

const START = Date.UTC(2026, 10, 24, 6, 0, 0) / 1000;
const HOUR = 3600;
// Its own generator, not createRng: the committed fixture is this exact sequence.
let seed = 20261124;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

type Proto = Conn['proto'];
interface Pattern { src: string; dst: string; proto: Proto; dport: number; service?: string; times: number; state?: string; bytes?: [number, number] }

// Declared flows (fixtures/reference-plant.yaml) by address; f-sis02-ntp (10.21.0.11 → 10.20.0.5
// udp/123) and f-fgs01-sis02-peer (10.22.0.10 → 10.21.0.11 udp/1503) are deliberately absent.
const DECLARED: Pattern[] = [
  { src: '10.21.0.10', dst: '10.20.0.21', proto: 'tcp', dport: 502, service: 'modbus', times: 60, bytes: [240, 24] },
  { src: '10.21.0.11', dst: '10.20.0.23', proto: 'tcp', dport: 502, service: 'modbus', times: 60, bytes: [200, 24] },
  { src: '10.20.1.11', dst: '10.21.0.10', proto: 'tcp', dport: 502, service: 'modbus', times: 12, bytes: [96, 96] },
  { src: '10.20.1.12', dst: '10.21.0.10', proto: 'tcp', dport: 502, service: 'modbus', times: 12, bytes: [96, 96] },
  { src: '10.20.1.20', dst: '10.21.0.11', proto: 'tcp', dport: 502, service: 'modbus', times: 6, bytes: [96, 96] },
  { src: '10.21.0.10', dst: '10.21.0.11', proto: 'udp', dport: 1503, times: 120, bytes: [180, 180] },
  { src: '10.21.0.20', dst: '10.21.0.10', proto: 'udp', dport: 1502, times: 20, bytes: [600, 1400] },
  { src: '10.21.0.20', dst: '10.21.0.11', proto: 'udp', dport: 1502, times: 20, bytes: [600, 1400] },
  { src: '10.21.0.20', dst: '10.22.0.10', proto: 'udp', dport: 1502, times: 10, bytes: [600, 1400] },
  { src: '10.21.0.10', dst: '10.20.0.5', proto: 'udp', dport: 123, service: 'ntp', times: 56, bytes: [48, 48] },
  { src: '10.22.0.10', dst: '10.20.0.5', proto: 'udp', dport: 123, service: 'ntp', times: 56, bytes: [48, 48] },
  { src: '10.22.0.10', dst: '10.20.0.21', proto: 'tcp', dport: 502, service: 'modbus', times: 30, bytes: [160, 24] },
  { src: '10.21.0.20', dst: '10.30.0.30', proto: 'udp', dport: 514, service: 'syslog', times: 40, state: 'S0', bytes: [310, 0] },
  { src: '10.30.0.20', dst: '10.20.0.30', proto: 'tcp', dport: 4840, times: 12, bytes: [5200, 480000] },
  { src: '10.30.0.20', dst: '10.35.0.20', proto: 'tcp', dport: 5450, times: 12, bytes: [350000, 4100] },
  { src: '10.10.2.30', dst: '10.35.0.20', proto: 'tcp', dport: 443, service: 'ssl', times: 8, bytes: [2200, 91000] },
  { src: '10.35.0.20', dst: '10.99.0.50', proto: 'tcp', dport: 443, service: 'ssl', times: 12, bytes: [42000, 3100] },
  { src: '10.10.4.51', dst: '10.35.0.30', proto: 'tcp', dport: 3389, times: 2, bytes: [180000, 2400000] },
  { src: '10.35.0.30', dst: '10.20.0.40', proto: 'tcp', dport: 3389, times: 2, bytes: [160000, 2100000] },
  { src: '10.99.0.10', dst: '10.36.0.20', proto: 'tcp', dport: 443, service: 'ssl', times: 1, bytes: [90000, 1800000] },
  { src: '10.36.0.20', dst: '10.35.0.31', proto: 'tcp', dport: 3389, times: 1, bytes: [85000, 1700000] },
  { src: '10.35.0.31', dst: '10.20.0.41', proto: 'tcp', dport: 3389, times: 1, bytes: [80000, 1600000] },
  { src: '10.36.0.21', dst: '10.10.1.10', proto: 'tcp', dport: 636, service: 'ssl', times: 6, bytes: [1800, 3600] },
  { src: '10.30.0.40', dst: '10.40.2.11', proto: 'tcp', dport: 5094, times: 4, bytes: [900, 2600] },
  { src: '10.20.0.62', dst: '10.40.3.10', proto: 'tcp', dport: 44818, service: 'enip', times: 3, bytes: [64000, 64000] },
  { src: '10.20.0.5', dst: '10.30.0.5', proto: 'udp', dport: 123, service: 'ntp', times: 56, bytes: [48, 48] },
  { src: '10.20.0.30', dst: '10.30.0.30', proto: 'udp', dport: 514, service: 'syslog', times: 90, state: 'S0', bytes: [280, 0] },
  { src: '10.30.0.30', dst: '10.35.0.50', proto: 'udp', dport: 514, service: 'syslog', times: 130, state: 'S0', bytes: [300, 0] },
  { src: '10.35.0.50', dst: '10.10.3.40', proto: 'tcp', dport: 6514, service: 'ssl', times: 4, bytes: [420000, 6000] },
  { src: '10.20.1.11', dst: '10.30.0.10', proto: 'tcp', dport: 88, service: 'krb_tcp', times: 6, bytes: [1600, 1500] },
  { src: '10.20.0.40', dst: '10.30.0.10', proto: 'tcp', dport: 636, service: 'ssl', times: 4, bytes: [1900, 4200] },
  { src: '10.30.0.60', dst: '10.20.0.40', proto: 'tcp', dport: 445, service: 'smb', times: 1, bytes: [4000, 380000000] },
  { src: '10.35.0.40', dst: '10.10.2.50', proto: 'tcp', dport: 8080, service: 'http', times: 6, bytes: [1200, 2600000] },
  { src: '10.30.0.32', dst: '10.35.0.40', proto: 'tcp', dport: 443, service: 'ssl', times: 3, bytes: [2100, 1900000] },
  { src: '10.30.0.70', dst: '10.20.0.2', proto: 'icmp', dport: 0, times: 60, bytes: [64, 64] },
  { src: '10.30.0.70', dst: '10.20.0.2', proto: 'udp', dport: 161, service: 'snmp', times: 60, bytes: [90, 400] },
  { src: '10.20.0.23', dst: '10.20.0.61', proto: 'tcp', dport: 502, service: 'modbus', times: 60, bytes: [120, 200] },
  { src: '10.20.1.13', dst: '10.20.0.30', proto: 'tcp', dport: 4840, times: 12, bytes: [3000, 120000] },
];

// Anomalies: what each comparison of docs/importers.md finds in this capture.
const ANOMALIES: Pattern[] = [
  // Supervisor station writes Modbus to ESD logic solver A: undeclared, to a SIF element, and the
  // stored rules (r-ctlsisa-080) deny it, yet it is answered.
  { src: '10.20.1.13', dst: '10.21.0.10', proto: 'tcp', dport: 502, service: 'modbus', times: 4, bytes: [96, 96] },
  // The vendor-support EWS tries RDP to the SIS EWS: into the safety zone, refused every time.
  { src: '10.20.0.41', dst: '10.21.0.20', proto: 'tcp', dport: 3389, times: 3, state: 'REJ', bytes: [0, 0] },
  // An unknown laptop on the SIS switch talks TriStation to logic solver A.
  { src: '10.21.0.99', dst: '10.21.0.10', proto: 'udp', dport: 1502, times: 5, bytes: [600, 1400] },
  // A second engineer's laptop uses the staff jump host: allowed by r-entdmz-010, never declared.
  { src: '10.10.4.52', dst: '10.35.0.30', proto: 'tcp', dport: 3389, times: 1, bytes: [150000, 2000000] },
  // SNMP polling of a DCS controller: r-opsctl-100 covers only 10.20.0.0/28, yet it is answered.
  { src: '10.30.0.70', dst: '10.20.0.21', proto: 'udp', dport: 161, service: 'snmp', times: 12, bytes: [90, 400] },
  // An address outside every zone knocks on the RD gateway, unanswered.
  { src: '172.16.5.20', dst: '10.36.0.20', proto: 'tcp', dport: 443, times: 2, state: 'S0', bytes: [0, 0] },
];

function connections(p: Pattern, index: number): Conn[] {
  return Array.from({ length: p.times }, (_, i) => {
    const ts = START + ((i + random() * 0.8) * HOUR) / p.times;
    const state = p.state ?? 'SF';
    const [orig, resp] = p.bytes ?? [100, 100];
    return {
      ts, uid: `C${index.toString(36)}${i.toString(36)}${Math.floor(random() * 2 ** 30).toString(36)}`,
      src: p.src, sport: p.proto === 'icmp' ? 8 : 49152 + Math.floor(random() * 16000), dst: p.dst, dport: p.dport, proto: p.proto,
      service: p.service, state, duration: state === 'SF' ? 0.002 + random() * 2 : undefined,
      origBytes: state === 'SF' || p.proto !== 'tcp' ? orig : 0, respBytes: state === 'SF' ? resp : 0,
      history: p.proto === 'tcp' ? (state === 'SF' ? 'ShADadFf' : state === 'REJ' ? 'Sr' : 'S') : 'Dd',
    };
  });
}

const all = [...DECLARED, ...ANOMALIES].flatMap(connections).sort((a, b) => a.ts - b.ts);
let out = connTsvHeader(START);
all.forEach((c, i) => {
  out += connTsvLine(c);
  if (i === 400) out += `${(c.ts + 0.1).toFixed(6)}\tCmdns01\tfe80::2e0:4cff:fe68:13\t5353\tff02::fb\t5353\tudp\tdns\t-\t-\t-\tS0\tT\tF\t0\tD\t1\t120\t0\t0\t-\n`;
});
// Log rotation cut the last line short.
out += `${(START + HOUR - 0.2).toFixed(6)}\tCtrunc01\t10.21.0.10\t50211\t10.20.0.21\t502\ttcp\tmodbus\t0.00`;
process.stdout.write(`${out}\n`);
