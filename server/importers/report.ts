// The output contract shared by every firewall importer: the conduit's ordered rules in the site
// schema's shape, its default action, and an account of every input line: the rules it produced,
// or why it was not represented. `refused` lines make the rule set unrepresentable, and an import
// with any of them changes nothing.
import { z } from 'zod';
import { Action, FirewallRule } from '../model/site-schema.js';

export const FIREWALL_FORMATS = ['iptables', 'fortigate'] as const;
export const FirewallFormat = z.enum(FIREWALL_FORMATS);
export type FirewallFormat = z.infer<typeof FirewallFormat>;

export const RepresentedLine = z.object({
  line: z.number().int(),
  text: z.string(),
  rules: z.array(z.string()).describe('ids of the rules this line contributed to, in order'),
  note: z.string().optional().describe('how the line was read when that is not obvious (default action, RETURN, ctstate NEW)'),
});
export type RepresentedLine = z.infer<typeof RepresentedLine>;

export const NotRepresentedLine = z.object({
  line: z.number().int(),
  text: z.string(),
  reason: z.string(),
  refused: z.boolean().describe('true: the rule set cannot be represented without it, so nothing is imported'),
});
export type NotRepresentedLine = z.infer<typeof NotRepresentedLine>;

export const ParseReport = z.object({
  format: FirewallFormat,
  source: z.string().describe('what was read: the chain for iptables, the policy table for FortiGate'),
  rules: z.array(FirewallRule),
  defaultAction: Action,
  represented: z.array(RepresentedLine),
  notRepresented: z.array(NotRepresentedLine).describe('every non-blank line that produced no rule, and lines whose rules lost a condition'),
  importable: z.boolean().describe('false when any line is refused'),
});
export type ParseReport = z.infer<typeof ParseReport>;


/** Collects the account of each line; a line may both produce rules and lose a condition. */
export class LineLedger {
  private readonly represented = new Map<number, RepresentedLine>();
  private readonly notes: NotRepresentedLine[] = [];

  constructor(private readonly lines: readonly string[]) {}

  text(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  produced(line: number, ruleIds: string[], note?: string): void {
    const entry = this.represented.get(line) ?? { line, text: this.text(line), rules: [] };
    entry.rules.push(...ruleIds.filter((id) => !entry.rules.includes(id)));
    if (note && !entry.note) entry.note = note;
    this.represented.set(line, entry);
  }

  notRepresented(line: number, reason: string, refused = false): void {
    if (this.notes.some((n) => n.line === line && n.reason === reason)) return;
    this.notes.push({ line, text: this.text(line), reason, refused });
  }

  isRepresented(line: number): boolean {
    return this.represented.has(line);
  }

  has(line: number): boolean {
    return this.represented.has(line) || this.notes.some((n) => n.line === line);
  }

  /** Every non-blank line accounted for; a line nobody claimed is a bug, said as such. */
  finish(): Pick<ParseReport, 'represented' | 'notRepresented' | 'importable'> {
    this.lines.forEach((text, i) => {
      if (text.trim() !== '' && !this.has(i + 1)) this.notRepresented(i + 1, 'not understood', true);
    });
    const notRepresented = [...this.notes].sort((a, b) => a.line - b.line);
    return {
      represented: [...this.represented.values()].sort((a, b) => a.line - b.line),
      notRepresented,
      importable: notRepresented.every((n) => !n.refused),
    };
  }
}

export const splitLines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/);
