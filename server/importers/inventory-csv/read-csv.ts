// Parses an inventory CSV with csv-parse: the first line is the header, each later record is kept
// with the line it ends on. A record csv-parse cannot read (wrong number of fields, a quote not
// closed) is a problem at its line, not the end of the parse, so one pass lists them all.
import { parse } from 'csv-parse/sync';
import type { Mapping } from './mapping.js';

export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface RowProblem {
  line: number;
  column?: string;
  reason: string;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  problems: RowProblem[];
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

export function readCsv(text: string, mapping: Mapping): ParsedCsv {
  const problems: RowProblem[] = [];
  let header: string[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }> = [];
  try {
    records = parse(text, {
      bom: true,
      delimiter: mapping.delimiter,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (error) problems.push({ line: error.lines ?? 0, reason: csvReason(error) });
      },
    }) as typeof records;
  } catch (error) {
    const e = error as CsvError;
    problems.push({ line: e.lines ?? 0, reason: csvReason(e) });
  }
  const rows = records.map((r) => ({ line: r.info.lines, cells: r.record }));
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (column !== undefined && header.length > 0 && !header.includes(column)) {
      problems.push({ line: 1, column, reason: `the mapping's column "${column}" (for ${field}) is not in the header (${header.map((h) => `"${h}"`).join(', ')})` });
    }
  }
  if (header.length === 0 && problems.length === 0) problems.push({ line: 1, reason: 'the file is empty: no header line' });
  return { header, rows, problems: problems.sort((a, b) => a.line - b.line) };
}

/** csv-parse's reason in the words of the other importers, without its position (the line is given apart). */
function csvReason(e: CsvError): string {
  const length = /columns length is (\d+), got (\d+)/.exec(e.message);
  if (length) return `${length[2]} fields where the header has ${length[1]}`;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is not closed before the end of the file';
  return e.message.replace(/ (?:at|on) line \d+$/, '');
}
