// Progress and status lines for people go to stderr, so stdout stays free for documents and
// reports that a pipe consumes (npm run export, npm run impact --json).
export function logLine(line: string): void {
  process.stderr.write(`${line}\n`);
}
