// Zeek's conn.log TSV layout (Zeek 6/7 defaults): the header and one line per connection. Used
// to write synthetic captures (the reference plant's fixture, the benchmark, tests); the reader
// does not depend on this column order, it follows each log's own #fields header.
export const CONN_FIELDS = [
  'ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes',
  'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history', 'orig_pkts', 'orig_ip_bytes',
  'resp_pkts', 'resp_ip_bytes', 'tunnel_parents',
] as const;
const TYPES = [
  'time', 'string', 'addr', 'port', 'addr', 'port', 'enum', 'string', 'interval', 'count', 'count', 'string', 'bool',
  'bool', 'count', 'string', 'count', 'count', 'count', 'count', 'set[string]',
];

const stamp = (seconds: number) => new Date(seconds * 1000).toISOString().replace('T', '-').replace(/:/g, '-').slice(0, 19);

export function connTsvHeader(openedAt: number): string {
  return `${[
    '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn',
    `#open\t${stamp(openedAt)}`, `#fields\t${CONN_FIELDS.join('\t')}`, `#types\t${TYPES.join('\t')}`,
  ].join('\n')}\n`;
}

export const connTsvFooter = (closedAt: number): string => `#close\t${stamp(closedAt)}\n`;

export interface Conn {
  ts: number;
  uid: string;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  proto: 'tcp' | 'udp' | 'icmp';
  service?: string;
  state: string;
  duration?: number;
  origBytes?: number;
  respBytes?: number;
  history?: string;
}

export function connTsvLine(c: Conn): string {
  const pkts = (bytes: number | undefined) => (bytes === undefined ? '-' : String(Math.max(1, Math.ceil(bytes / 512))));
  const fields = [
    c.ts.toFixed(6), c.uid, c.src, String(c.sport), c.dst, String(c.dport), c.proto, c.service ?? '-',
    c.duration === undefined ? '-' : c.duration.toFixed(6), c.origBytes === undefined ? '-' : String(c.origBytes),
    c.respBytes === undefined ? '-' : String(c.respBytes), c.state, 'T', 'T', '0', c.history ?? '-',
    pkts(c.origBytes), c.origBytes === undefined ? '-' : String(c.origBytes + 40), pkts(c.respBytes),
    c.respBytes === undefined ? '-' : String(c.respBytes + 40), '-',
  ];
  return `${fields.join('\t')}\n`;
}
