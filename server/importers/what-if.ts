// The imported rule set as a what-if firewall change on its conduit: every stored rule goes, the
// imported ones come, the default action is set. A stored rule whose id the import reuses (a
// re-import of the same file) is modified rather than removed and added, because a proposed rule
// may not take an id that exists.
import type { FirewallChangeT } from '../impact/change-schema.js';
import type { ConduitT } from '../model/site-schema.js';
import type { ParseReport } from './report.js';

export function importAsChange(conduit: Pick<ConduitT, 'id' | 'rules'>, report: Pick<ParseReport, 'rules' | 'defaultAction'>): FirewallChangeT {
  const stored = new Set(conduit.rules.map((r) => r.id));
  const imported = new Set(report.rules.map((r) => r.id));
  const fields = (r: ParseReport['rules'][number]) => ({ seq: r.seq, action: r.action, protocol: r.protocol, src: r.src, dst: r.dst, ports: r.ports });
  return {
    kind: 'firewall',
    conduit: conduit.id,
    remove: conduit.rules.filter((r) => !imported.has(r.id)).map((r) => r.id),
    modify: report.rules.filter((r) => stored.has(r.id)).map((r) => ({ id: r.id, ...fields(r) })),
    add: report.rules.filter((r) => !stored.has(r.id)),
    defaultAction: report.defaultAction,
  };
}

/** The conduit as it would be stored after the import. */
export function importedConduit(conduit: ConduitT, report: Pick<ParseReport, 'rules' | 'defaultAction'>): ConduitT {
  return { ...conduit, rules: report.rules, defaultAction: report.defaultAction };
}
