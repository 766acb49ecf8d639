// Reads the block structure of a FortiOS configuration: `config <path>` … `end`, `edit <name>` …
// `next`, `set <key> <values…>` and `unset <key>`, with the line of each. A block still open at
// the end of the file means the file was cut short.
import type { LineLedger } from '../report.js';
import { tokenize } from '../tokenize.js';

export interface Setting {
  line: number;
  key: string;
  values: string[];
}

export interface Entry {
  name: string;
  line: number;
  lines: number[]; // every line of the entry, edit and next included
  settings: Setting[];
}

export interface Block {
  path: string; // "firewall policy"; inside a VDOM: "firewall policy" with vdom set
  vdom: string | null;
  line: number;
  lines: number[]; // config and end
  entries: Entry[];
  settings: Setting[]; // `set` directly under a config (e.g. config system global)
  /** Every line inside the block, nested blocks included: for accounting unread sections. */
  allLines: number[];
}

interface Frame { block: Block; entry: Entry | null; parent: Frame | null }

export function parseConfig(lines: readonly string[], ledger: LineLedger): Block[] {
  const blocks: Block[] = [];
  let frame: Frame | null = null;
  const within = (line: number) => {
    for (let f = frame; f; f = f.parent) f.block.allLines.push(line);
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') return;
    if (text.startsWith('#')) return ledger.notRepresented(line, 'comment or header (configuration version, build)');
    const words = tokenize(text);
    if (!words) return ledger.notRepresented(line, 'unclosed quote: the line is cut short', true);
    const [verb, ...rest] = words;
    within(line);
    if (verb === 'config') {
      const vdom = frame?.block.path === 'vdom' ? frame.entry?.name ?? null : frame?.block.vdom ?? null;
      const block: Block = { path: rest.join(' '), vdom, line, lines: [line], entries: [], settings: [], allLines: [line] };
      blocks.push(block);
      frame = { block, entry: null, parent: frame };
    } else if (!frame) {
      ledger.notRepresented(line, `"${verb}" outside any "config" block`, true);
    } else if (verb === 'end') {
      if (frame.entry) ledger.notRepresented(line, `"end" closes "config ${frame.block.path}" while "edit ${frame.entry.name}" (line ${frame.entry.line}) has no "next"`, true);
      frame.block.lines.push(line);
      frame = frame.parent;
    } else if (verb === 'edit') {
      if (frame.entry) ledger.notRepresented(line, `"edit" inside "edit ${frame.entry.name}" (line ${frame.entry.line}) without "next"`, true);
      frame.entry = { name: rest[0] ?? '', line, lines: [line], settings: [] };
      frame.block.entries.push(frame.entry);
    } else if (verb === 'next') {
      if (!frame.entry) return ledger.notRepresented(line, '"next" without "edit"', true);
      frame.entry.lines.push(line);
      frame.entry = null;
    } else if (verb === 'set' || verb === 'unset' || verb === 'append' || verb === 'select') {
      const setting = { line, key: rest[0] ?? '', values: verb === 'unset' ? [] : rest.slice(1) };
      if (frame.entry) {
        frame.entry.settings.push(setting);
        frame.entry.lines.push(line);
      } else frame.block.settings.push(setting);
    } else {
      ledger.notRepresented(line, `"${verb}" is not a FortiOS configuration statement (config, edit, set, unset, next, end)`, true);
    }
  });
  for (let f = frame as Frame | null; f; f = f.parent) {
    ledger.notRepresented(f.block.line, `"config ${f.block.path}" is never closed with "end": the file is truncated`, true);
  }
  return blocks;
}
