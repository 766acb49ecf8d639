// What implementing a change does to the stored documents, pure: a firewall change edits its
// conduit's rules (remove, modify, add) and default action; a patch records the new version and
// the day on each target asset. The result is written like any edit (site/incremental-write.ts).
import type { FirewallChangeT } from '../impact/change-schema.js';
import type { Doc } from '../site/stored.js';

type RuleDoc = Record<string, unknown> & { id: string; seq: number };

/** The conduit document after the change; an added rule without id is named after the request. */
export function applyFirewall(conduit: Doc, change: FirewallChangeT, newRuleId: (n: number) => string): Doc {
  const removed = new Set(change.remove);
  const modified = new Map(change.modify.map((m) => [m.id, m]));
  let rules = ((conduit.rules as RuleDoc[] | undefined) ?? []).filter((r) => !removed.has(r.id)).map((r) => ({ ...r, ...(modified.get(r.id) ?? {}) }));
  let n = 0;
  rules = [...rules, ...change.add.map((r) => ({ ...r, id: r.id ?? newRuleId(++n) }) as RuleDoc)];
  rules.sort((a, b) => a.seq - b.seq);
  return { ...conduit, rules, ...(change.defaultAction ? { defaultAction: change.defaultAction } : {}) };
}

export function applyPatch(asset: Doc, version: string | null, day: string): Doc {
  return { ...asset, ...(version ? { version } : {}), patchedAt: day };
}
