// The conn.log reader without a database: any chunking gives the same summary, CRLF and nested
// JSON ids are read, problems carry their line numbers, over-long lines are skipped, progress is
// reported every 100,000 lines, and the summary grows with communications, not lines.
import { describe, expect, it } from 'vitest';
import { connTsvHeader, connTsvLine } from '../server/importers/zeek/conn-log-format.js';
import { readConnLog, TooLarge, type ReadProgress } from '../server/importers/zeek/read-conn-log.js';
import { TooManyCommunications } from '../server/importers/zeek/summarize.js';

const T0 = 1_795_500_000;
const line = (i: number, src = '10.0.0.1', dport = 502, state = 'SF') =>
  connTsvLine({ ts: T0 + i, uid: `C${i}`, src, sport: 40000 + i, dst: '10.0.1.1', dport, proto: 'tcp', state });

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}
const summaryOf = async (text: string, size = 1 << 16) => {
  const { summary } = await readConnLog(chunks(text, size));
  return { lines: summary.lines, records: summary.records, problems: summary.problems, communications: summary.communications() };
};

describe('conn.log reader', () => {
  const log = `${connTsvHeader(T0) + line(1) + line(2, '10.0.0.2') + line(3, '10.0.0.1', 502, 'REJ')}garbage\n${line(5, 'fe80::1')}${line(6, '10.0.0.1', 70000)}`;

  it('reads the same summary whatever the chunk size, with problems at their lines', async () => {
    const whole = await summaryOf(log);
    expect(whole).toEqual({
      lines: 14, records: 3,
      problems: [
        { line: 12, reason: '1 fields where the #fields header has 21 (truncated or malformed line)' },
        { line: 13, reason: 'IPv6 address fe80::1 (Interlock models IPv4 only)' },
        { line: 14, reason: 'destination port "70000" is not 0–65535' },
      ],
      communications: [
        { src: '10.0.0.1', dst: '10.0.1.1', protocol: 'tcp', port: 502, count: 2, answered: 1, firstSeen: T0 + 1, lastSeen: T0 + 3 },
        { src: '10.0.0.2', dst: '10.0.1.1', protocol: 'tcp', port: 502, count: 1, answered: 1, firstSeen: T0 + 2, lastSeen: T0 + 2 },
      ],
    });
    for (const size of [1, 7, 100]) expect(await summaryOf(log, size)).toEqual(whole);
    expect(await summaryOf(log.replace(/\n/g, '\r\n'), 13)).toEqual(whole);
  });

  it('reads JSON lines with flat or nested ids and ISO timestamps', async () => {
    const json = [
      JSON.stringify({ ts: T0 + 1, 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.1.1', 'id.resp_p': 123, proto: 'udp', conn_state: 'S0' }),
      JSON.stringify({ ts: new Date((T0 + 5) * 1000).toISOString(), id: { orig_h: '10.0.0.1', resp_h: '10.0.1.1', resp_p: 123 }, proto: 'udp' }),
      JSON.stringify({ ts: T0, id: { orig_h: '10.0.0.1', resp_h: '10.0.1.1', resp_p: 8 }, proto: 'icmp' }),
      '[1, 2]',
    ].join('\n');
    expect(await summaryOf(json)).toEqual({
      lines: 4, records: 3, problems: [{ line: 4, reason: 'not a JSON object' }],
      communications: [
        { src: '10.0.0.1', dst: '10.0.1.1', protocol: 'udp', port: 123, count: 2, answered: 2, firstSeen: T0 + 1, lastSeen: T0 + 5 },
        { src: '10.0.0.1', dst: '10.0.1.1', protocol: 'icmp', port: null, count: 1, answered: 1, firstSeen: T0, lastSeen: T0 },
      ],
    });
  });

  it('skips a line longer than 65,536 characters and goes on', async () => {
    const text = `${connTsvHeader(T0) + line(1) + 'x'.repeat(200_000)}\n${line(3)}`;
    const s = await summaryOf(text, 4096);
    expect(s.problems).toEqual([{ line: 10, reason: 'longer than 65,536 characters' }]);
    expect(s.records).toBe(2);
  });

  it('reports progress every 100,000 lines and once at the end', async () => {
    async function* many() {
      yield connTsvHeader(T0);
      for (let i = 0; i < 250_000; i += 1000) yield Array.from({ length: 1000 }, (_, j) => line(i + j, `10.0.${(i + j) % 4}.1`)).join('');
    }
    const seen: ReadProgress[] = [];
    const { summary } = await readConnLog(many(), { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.lines)).toEqual([100_000, 200_000, 250_008]);
    expect(seen.at(-1)!.communications).toBe(4);
    expect(summary.records).toBe(250_000);
  });

  it('stops at maxBytes (an upload larger than the route allows)', async () => {
    const text = connTsvHeader(T0) + line(1) + line(2);
    await expect(readConnLog(chunks(text, 64), { maxBytes: text.length - 1 })).rejects.toBeInstanceOf(TooLarge);
    expect((await readConnLog(chunks(text, 64), { maxBytes: text.length })).summary.records).toBe(2);
  });

  it('refuses more distinct communications than its cap, naming the line', async () => {
    const text = connTsvHeader(T0) + line(1, '10.0.0.1') + line(2, '10.0.0.2') + line(3, '10.0.0.3');
    await expect(readConnLog(chunks(text, 100), { maxCommunications: 2 })).rejects.toEqual(new TooManyCommunications(2, 11));
  });
});
