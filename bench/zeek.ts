// `npm run bench:zeek [-- --lines N]`: writes a synthetic Zeek conn.log of N lines (1,000,000 by
// default) to a temporary file, summarises it with the traffic importer's reader as the CLI and
// the API do (streamed, progress every 100,000 lines), and prints lines per second and the
// process's peak memory. The target: at least 100,000 lines/s, memory flat in the file's size.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Command } from 'commander';
import { connTsvFooter, connTsvHeader, connTsvLine } from '../server/importers/zeek/conn-log-format.js';
import { createRng } from '../server/generate/random.js';
import { readConnLog } from '../server/importers/zeek/read-conn-log.js';
import { sampleMemory } from './memory.js';
import { log } from './progress.js';

const START = Date.UTC(2026, 10, 20, 6, 0, 0) / 1000;
const PORTS: Array<[number, 'tcp' | 'udp', string, string]> = [
  [502, 'tcp', 'modbus', 'SF'], [4840, 'tcp', '-', 'SF'], [44818, 'tcp', '-', 'SF'], [123, 'udp', 'ntp', 'SF'],
  [514, 'udp', 'syslog', 'S0'], [443, 'tcp', 'ssl', 'SF'], [3389, 'tcp', '-', 'SF'], [161, 'udp', 'snmp', 'SF'], [445, 'tcp', 'smb', 'REJ'],
];

/** N lines over 400 hosts in 10.20.0.0/16 talking on the ports above: a few thousand communications. */
async function writeLog(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  let buffer = connTsvHeader(START);
  const rng = createRng(7);
  const random = () => rng.next();
  for (let i = 0; i < lines; i++) {
    const [dport, proto, service, state] = PORTS[Math.floor(random() * PORTS.length)]!;
    const src = `10.20.${Math.floor(random() * 4)}.${1 + Math.floor(random() * 100)}`;
    const dst = `10.21.${Math.floor(random() * 4)}.${1 + Math.floor(random() * 10)}`;
    buffer += connTsvLine({ ts: START + i * 0.0036, uid: `C${i.toString(36)}`, src, sport: 49152 + (i % 16000), dst, dport, proto, service, state, duration: 0.01, origBytes: 120, respBytes: 80, history: 'ShADadFf' });
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer + connTsvFooter(START + lines * 0.0036));
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const { lines } = new Command('bench:zeek').option('--lines <n>', 'lines in the synthetic conn.log', '1000000').parse(process.argv).opts<{ lines: string }>();
  const count = Number(lines);
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000) throw new Error('--lines must be a whole number from 1 to 50,000,000');
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-zeek-'));
  try {
    const file = join(dir, 'conn.log');
    log(`writing ${count.toLocaleString('en-GB')} lines to ${file}…`);
    await writeLog(file, count);
    const size = statSync(file).size;
    const memory = sampleMemory(20);
    const baseline = process.memoryUsage().rss / 2 ** 20;
    const result = await readConnLog(createReadStream(file, { highWaterMark: 1 << 16 }), {
      onProgress: (p) => log(`  ${p.lines.toLocaleString('en-GB')} lines, ${p.communications} communications, ${Math.round(p.lines / (p.ms / 1000)).toLocaleString('en-GB')} lines/s`),
    });
    memory.stop();
    const peak = memory.peak();
    const s = result.summary;
    const rate = Math.round(s.lines / (result.ms / 1000));
    process.stdout.write([
      'Zeek conn.log summary benchmark',
      `  file:            ${count.toLocaleString('en-GB')} connections, ${(size / 2 ** 20).toFixed(1)} MB (${result.form})`,
      `  lines read:      ${s.lines.toLocaleString('en-GB')} (${s.records.toLocaleString('en-GB')} connections, ${s.problemCount} problems)`,
      `  communications:  ${s.distinct.toLocaleString('en-GB')}`,
      `  time:            ${(result.ms / 1000).toFixed(2)} s`,
      `  throughput:      ${rate.toLocaleString('en-GB')} lines/s (target ≥ 100,000) ${rate >= 100_000 ? 'OK' : 'BELOW TARGET'}`,
      `  memory:          RSS ${Math.round(baseline)} MB before, peak ${peak.rssMb} MB; peak heap used ${peak.heapUsedMb} MB (the file is ${Math.round(size / 2 ** 20)} MB)`,
      '',
    ].join('\n'));
    if (rate < 100_000) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
