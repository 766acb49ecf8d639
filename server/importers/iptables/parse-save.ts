// Reads the structure of iptables-save output: tables, chain declarations with their policies,
// `-A` rules with their arguments, COMMIT. A table without COMMIT means a truncated file, which
// iptables-restore itself would refuse; so does this importer.
import type { LineLedger } from '../report.js';
import { tokenize } from '../tokenize.js';

export interface ChainDecl {
  line: number;
  policy: string | null; // ACCEPT/DROP for built-in chains, null ("-") for user chains
}

export interface SavedRule {
  line: number;
  chain: string;
  args: string[];
}

export interface SavedTable {
  name: string;
  line: number;
  chains: Map<string, ChainDecl>;
  rules: SavedRule[];
  commitLine: number | null;
  /** Lines of this table the structure reader already accounted for (comments excluded). */
  structureLines: number[];
}

const COUNTERS = /^\[\d+:\d+\]\s*/;

export function parseSave(lines: readonly string[], ledger: LineLedger): SavedTable[] {
  const tables: SavedTable[] = [];
  let open: SavedTable | null = null;
  const close = (at: number) => {
    if (open && open.commitLine === null) {
      ledger.notRepresented(open.line, `table ${open.name} has no COMMIT before ${at > lines.length ? 'the end of the file' : `line ${at}`}: the file is truncated or damaged (iptables-restore would refuse it too)`, true);
    }
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') return;
    if (text.startsWith('#')) return ledger.notRepresented(line, 'comment');
    if (text.startsWith('*')) {
      close(line);
      open = { name: text.slice(1), line, chains: new Map(), rules: [], commitLine: null, structureLines: [line] };
      tables.push(open);
      return;
    }
    const table = open as SavedTable | null;
    if (!table || table.commitLine !== null) {
      return ledger.notRepresented(line, 'outside any table: iptables-save output has every line between "*table" and "COMMIT"', true);
    }
    if (text === 'COMMIT') {
      table.commitLine = line;
      table.structureLines.push(line);
      return;
    }
    if (text.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[\d+:\d+\])?$/.exec(text);
      if (!m) return ledger.notRepresented(line, 'malformed chain declaration (expected ":CHAIN POLICY [packets:bytes]")', true);
      table.chains.set(m[1]!, { line, policy: m[2] === '-' ? null : m[2]! });
      return;
    }
    const args = tokenize(text.replace(COUNTERS, ''));
    if (!args) return ledger.notRepresented(line, 'unclosed quote: the line is cut short', true);
    if (args[0] !== '-A' && args[0] !== '--append') {
      return ledger.notRepresented(line, `"${args[0]}" is not an iptables-save line; only "-A CHAIN …" rules, chain declarations and COMMIT are read`, true);
    }
    if (!args[1]) return ledger.notRepresented(line, '-A without a chain name', true);
    table.rules.push({ line, chain: args[1], args: args.slice(2) });
  });
  close(lines.length + 1);
  return tables;
}
