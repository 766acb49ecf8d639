// Progress for a long run, on stderr so that stdout keeps only the final table. One line per
// step with the seconds since the start, so a log shows where the time went.
const started = performance.now();

export function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds} s] ${message}\n`);
}

export const elapsedSeconds = (): number => (performance.now() - started) / 1000;

/** Logs "label i/n" at most once per interval, and always the last one. */
export function counter(label: string, total: number, everyMs = 5_000): (done: number) => void {
  let last = performance.now();
  return (done) => {
    const now = performance.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    log(`  ${label} ${done}/${total}`);
  };
}
