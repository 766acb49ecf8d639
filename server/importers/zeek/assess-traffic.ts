// A conn.log, end to end: stream it into a summary, then compare the summary with the model.
// The reader's own refusals (too large, too many distinct communications) become the API's errors.
import type { DbClient } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { compareTraffic } from './compare-traffic.js';
import { readConnLog, TooLarge, type ReadOptions, type ReadResult } from './read-conn-log.js';
import { TooManyCommunications } from './summarize.js';
import type { TrafficAnswer } from './traffic-answer.js';

/** Reads and summarises the log; refuses a log too large, too varied, or with no connection in it. */
export async function summariseTraffic(input: AsyncIterable<Buffer | string>, options: ReadOptions = {}): Promise<ReadResult> {
  let read: Awaited<ReturnType<typeof readConnLog>>;
  try {
    read = await readConnLog(input, options);
  } catch (error) {
    if (error instanceof TooLarge) throw Object.assign(new Error(`The conn.log is too large: ${error.message}.`), { statusCode: 413 });
    if (error instanceof TooManyCommunications) {
      throw new AppError('INTERLOCK_UNPROCESSABLE', `The capture has ${error.message}.`, [{ path: `line ${error.line}`, message: `more than ${error.max} distinct communications` }]);
    }
    throw error;
  }
  if (read.summary.records === 0) {
    const problems = read.summary.problems.map((p) => ({ path: `line ${p.line}`, message: p.reason }));
    throw new AppError('INTERLOCK_UNPROCESSABLE', 'No connection could be read: not a Zeek conn.log (TSV with a #fields header, or JSON lines)?', problems.length ? problems : [{ path: 'body', message: 'empty' }]);
  }
  return read;
}

export async function assessTraffic(db: DbClient, input: AsyncIterable<Buffer | string>, options: ReadOptions = {}): Promise<TrafficAnswer> {
  return compareTraffic(db, await summariseTraffic(input, options));
}
