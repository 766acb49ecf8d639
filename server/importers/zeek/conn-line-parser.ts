// Reads Zeek conn.log lines, in either of Zeek's two forms: the TSV log with its "#" header
// (#separator, #fields, #unset_field, …) and JSON lines (one object per line, flat "id.orig_h"
// keys as Zeek writes them, or a nested "id" object as some shippers do). Pure and stateful: a
// TSV header line changes how the lines after it are read, as in Zeek, where a rotated or
// concatenated log repeats its header. The parser does not check addresses: the summariser
// checks each distinct communication once (summarize.ts), which is what keeps a million lines fast.

/** The fields of one connection Interlock uses; `ts` in seconds since the epoch. */
export interface ConnRecord {
  ts: number;
  src: string;
  dst: string;
  proto: string;
  port: string;
  /** Zeek's conn_state ("SF", "S0", "REJ", …); "" when the log does not have it. */
  state: string;
}

export type LineResult = { kind: 'record'; record: ConnRecord } | { kind: 'none' } | { kind: 'problem'; reason: string };

const NONE: LineResult = { kind: 'none' };
const WANTED = ['ts', 'id.orig_h', 'id.resp_h', 'id.resp_p', 'proto'] as const;

interface TsvHeader {
  separator: string;
  unset: string;
  index: number[]; // positions of WANTED
  state: number; // position of conn_state, -1 when absent
  width: number;
}

/** "\x09" → tab: Zeek writes the separator escaped in its header. */
function unescapeZeek(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function problem(reason: string): LineResult {
  return { kind: 'problem', reason };
}

function fromJson(line: string): LineResult {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return problem('not a JSON object (malformed JSON)');
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return problem('not a JSON object');
  const id = (o.id && typeof o.id === 'object' ? o.id : {}) as Record<string, unknown>;
  const field = (flat: string, nested: string) => o[flat] ?? id[nested];
  const src = field('id.orig_h', 'orig_h');
  const dst = field('id.resp_h', 'resp_h');
  const port = field('id.resp_p', 'resp_p');
  const ts = typeof o.ts === 'string' ? Date.parse(o.ts) / 1000 : o.ts;
  if (typeof src !== 'string' || typeof dst !== 'string') return problem('"id.orig_h" and "id.resp_h" must be present as strings');
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return problem('"ts" must be epoch seconds or an ISO 8601 time');
  if (typeof o.proto !== 'string') return problem('"proto" must be present');
  return { kind: 'record', record: { ts, src, dst, proto: o.proto, port: port === undefined || port === null ? '' : String(port), state: typeof o.conn_state === 'string' ? o.conn_state : '' } };
}

export class ConnLineParser {
  private header: TsvHeader | null = null;
  private separator = '\t';
  private unset = '-';

  /** Which form the log is in, decided by its first non-empty line. */
  form: 'tsv' | 'json' | null = null;

  parse(line: string): LineResult {
    if (line.length === 0) return NONE;
    if (line.charCodeAt(0) === 35 /* # */) return this.directive(line);
    if (this.form === null) this.form = line.charCodeAt(0) === 123 /* { */ ? 'json' : 'tsv';
    if (this.form === 'json') return fromJson(line);
    return this.fromTsv(line);
  }

  private directive(line: string): LineResult {
    this.form ??= 'tsv';
    if (line.startsWith('#separator ')) {
      this.separator = unescapeZeek(line.slice('#separator '.length));
      return NONE;
    }
    const [name, ...values] = line.split(this.separator);
    if (name === '#unset_field') this.unset = values[0] ?? '-';
    if (name === '#fields') {
      const index = WANTED.map((f) => values.indexOf(f));
      const missing = WANTED.filter((_, i) => index[i]! < 0);
      if (missing.length) {
        this.header = null;
        return problem(`the #fields header lacks ${missing.join(', ')}: is this a conn.log?`);
      }
      this.header = { separator: this.separator, unset: this.unset, index, state: values.indexOf('conn_state'), width: values.length };
    }
    return NONE;
  }

  private fromTsv(line: string): LineResult {
    const h = this.header;
    if (!h) return problem('a record before any #fields header (not a Zeek TSV log, or its header is missing)');
    const f = line.split(h.separator);
    if (f.length !== h.width) return problem(`${f.length} fields where the #fields header has ${h.width} (truncated or malformed line)`);
    const [ts, src, dst, port, proto] = h.index.map((i) => f[i]!) as [string, string, string, string, string];
    const seconds = Number(ts);
    if (!Number.isFinite(seconds)) return problem(`ts "${ts}" is not a time in seconds`);
    if (src === h.unset || dst === h.unset) return problem('an unset address');
    const state = h.state >= 0 ? f[h.state]! : '';
    return { kind: 'record', record: { ts: seconds, src, dst, proto, port: port === h.unset ? '' : port, state: state === h.unset ? '' : state } };
  }
}
