// Splits one configuration line into arguments the way iptables-restore and the FortiOS CLI do:
// whitespace separates, double or single quotes group, backslash escapes.
export function tokenize(line: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let inToken = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length && quote !== "'") {
      current += line[++i];
      inToken = true;
    } else if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) out.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quote) return null; // an unclosed quote: a line cut short
  if (inToken) out.push(current);
  return out;
}
