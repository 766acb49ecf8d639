// Summarises connections into observed communications: one per (source, destination, protocol,
// destination port), with how many connections, how many were answered and when it was first and
// last seen. Memory grows with the distinct communications, never with the lines: a capture of
// a million connections between a few hundred pairs is a few hundred entries. A cap on the
// distinct communications (a port scan makes tens of thousands) keeps even that bounded.
import { parseIpv4 } from '../../model/ipv4.js';
import type { ConnRecord, LineResult } from './conn-line-parser.js';

export type Protocol = 'tcp' | 'udp' | 'icmp';

export interface Communication {
  src: string;
  dst: string;
  protocol: Protocol;
  /** Destination port; null for ICMP (Zeek puts the ICMP code there). */
  port: number | null;
  count: number;
  /** Connections that got through: all UDP and ICMP (one-way protocols say nothing), TCP unless refused or unanswered. */
  answered: number;
  firstSeen: number;
  lastSeen: number;
}

export interface LineProblem {
  line: number;
  reason: string;
}

// Zeek conn_state values of a TCP connection that never got an answer: S0 (no reply to the SYN),
// REJ (refused with a RST), RSTOS0 and SH (the originator gave up before any SYN-ACK).
const UNANSWERED = new Set(['S0', 'REJ', 'RSTOS0', 'SH']);
export const MAX_LISTED_PROBLEMS = 100;
export const DEFAULT_MAX_COMMUNICATIONS = 200_000;

export class TooManyCommunications extends Error {
  constructor(readonly max: number, readonly line: number) {
    super(`more than ${max.toLocaleString('en-GB')} distinct communications by line ${line} (a scan?); raise the limit to summarise this capture`);
  }
}

/** Why a communication cannot be modelled, or its protocol and port. */
function check(r: ConnRecord): { protocol: Protocol; port: number | null } | string {
  for (const address of [r.src, r.dst]) {
    if (parseIpv4(address) === null) return address.includes(':') ? `IPv6 address ${address} (Interlock models IPv4 only)` : `address "${address}" is not an IPv4 address`;
  }
  if (r.proto !== 'tcp' && r.proto !== 'udp' && r.proto !== 'icmp') return `protocol "${r.proto}" is not modelled (tcp, udp, icmp)`;
  if (r.proto === 'icmp') return { protocol: 'icmp', port: null };
  const port = Number(r.port);
  if (!/^\d{1,5}$/.test(r.port) || port > 65535) return `destination port "${r.port}" is not 0–65535`;
  return { protocol: r.proto, port };
}

export class TrafficSummary {
  // A string entry is a communication that cannot be modelled, with why: its repeats are counted
  // as problems without being checked again.
  private readonly entries = new Map<string, Communication | string>();
  lines = 0;
  records = 0;
  problemCount = 0;
  readonly problems: LineProblem[] = [];
  first = Infinity;
  last = -Infinity;
  /** Distinct communications so far. */
  distinct = 0;

  constructor(readonly maxCommunications = DEFAULT_MAX_COMMUNICATIONS) {}

  addProblem(line: number, reason: string): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ line, reason });
  }

  add(line: number, result: LineResult): void {
    this.lines = line;
    if (result.kind === 'none') return;
    if (result.kind === 'problem') return this.addProblem(line, result.reason);
    const r = result.record;
    const key = `${r.src}\t${r.dst}\t${r.proto}\t${r.port}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const checked = check(r);
      if (typeof checked !== 'string' && this.distinct >= this.maxCommunications) throw new TooManyCommunications(this.maxCommunications, line);
      if (typeof checked !== 'string') this.distinct += 1;
      entry = typeof checked === 'string' ? checked : { src: r.src, dst: r.dst, ...checked, count: 0, answered: 0, firstSeen: r.ts, lastSeen: r.ts };
      this.entries.set(key, entry);
    }
    if (typeof entry === 'string') return this.addProblem(line, entry);
    this.records += 1;
    entry.count += 1;
    if (entry.protocol !== 'tcp' || !UNANSWERED.has(r.state)) entry.answered += 1;
    if (r.ts < entry.firstSeen) entry.firstSeen = r.ts;
    if (r.ts > entry.lastSeen) entry.lastSeen = r.ts;
    if (r.ts < this.first) this.first = r.ts;
    if (r.ts > this.last) this.last = r.ts;
  }

  communications(): Communication[] {
    return [...this.entries.values()].filter((e): e is Communication => typeof e !== 'string');
  }
}
