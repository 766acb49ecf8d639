// Streams a conn.log through the line parser into a summary: chunks are split into lines as they
// arrive, so memory holds one chunk and the summary, never the file. Progress is reported every
// PROGRESS_EVERY_LINES lines and once at the end.
import { StringDecoder } from 'node:string_decoder';
import { ConnLineParser } from './conn-line-parser.js';
import { TrafficSummary } from './summarize.js';

export const MAX_LINE_CHARS = 65_536;
export const PROGRESS_EVERY_LINES = 100_000;

export interface ReadProgress {
  lines: number;
  bytes: number;
  communications: number;
  ms: number;
}

export interface ReadOptions {
  /** Stop with TooLarge beyond this many bytes (an HTTP upload); unbounded when absent. */
  maxBytes?: number;
  maxCommunications?: number;
  onProgress?: (p: ReadProgress) => void;
}

export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the log is larger than ${maxBytes.toLocaleString('en-GB')} bytes`);
  }
}

export interface ReadResult {
  summary: TrafficSummary;
  form: 'tsv' | 'json' | null;
  bytes: number;
  ms: number;
}

export async function readConnLog(input: AsyncIterable<Buffer | string>, options: ReadOptions = {}): Promise<ReadResult> {
  const started = performance.now();
  const parser = new ConnLineParser();
  const summary = new TrafficSummary(options.maxCommunications);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  let bytes = 0;
  let skipping = false; // inside an over-long line, until its newline
  const progress = () => options.onProgress?.({ lines: line, bytes, communications: summary.distinct, ms: performance.now() - started });
  const take = (text: string) => {
    line += 1;
    summary.add(line, parser.parse(text.endsWith('\r') ? text.slice(0, -1) : text));
    if (line % PROGRESS_EVERY_LINES === 0) progress();
  };

  for await (const chunk of input) {
    bytes += chunk.length;
    if (options.maxBytes !== undefined && bytes > options.maxBytes) throw new TooLarge(options.maxBytes);
    const pieces = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    rest = pieces.pop()!;
    for (const piece of pieces) {
      if (skipping) {
        skipping = false;
        continue;
      }
      take(piece);
    }
    if (rest.length > MAX_LINE_CHARS && !skipping) {
      line += 1;
      summary.addProblem(line, `longer than ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters`);
      skipping = true;
      rest = '';
    } else if (skipping) rest = '';
  }
  rest += decoder.end();
  if (rest.length > 0 && !skipping) take(rest);
  summary.lines = line; // the last line may have been an over-long one, counted but not parsed
  progress();
  return { summary, form: parser.form, bytes, ms: performance.now() - started };
}
