// One entry point for every firewall configuration format: text in, the parse report out.
import { importFortigate } from './fortigate/import-fortigate.js';
import { importIptables } from './iptables/import-iptables.js';
import type { FirewallFormat, ParseReport } from './report.js';

export interface ParseOptions {
  /** iptables only: the chain whose rules are the conduit's (default FORWARD). */
  chain?: string;
  /** Rule ids are `<idPrefix>-001`, `<idPrefix>-002`, … in order. */
  idPrefix: string;
}

export function parseFirewallConfig(format: FirewallFormat, text: string, options: ParseOptions): ParseReport {
  return format === 'iptables' ? importIptables(text, options) : importFortigate(text, options);
}

/**
 * Imported rule ids for a conduit: stable across re-imports of the same file, unique per format,
 * and within the schema's 128 characters even for a conduit id that long (5,000 rules: 4 digits).
 */
export const importedIdPrefix = (conduit: string, format: FirewallFormat) => `${conduit.slice(0, 110)}-${format === 'iptables' ? 'ipt' : 'fgt'}`;
