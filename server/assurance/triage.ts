// Shared-system vulnerability triage (DOMAIN.md §5.5): for the assets an advisory names (or a
// vendor/model/version selector resolves to, as for a patch), whether each is a shared system,
// the risks and registers that cover it with their owners and treatment, the controls involved,
// and the patch what-if of patching them — "which register captures it, which process drives
// remediation, what does patching do to safety" in one answer.
import type { DbClient, Tx } from '../db/client.js';
import { assessImpact } from '../impact/assess.js';
import type { PatchChangeT } from '../impact/change-schema.js';
import { normalizeChange, unknownReferences } from '../impact/normalize.js';
import { count } from '../plural.js';
import { readBaseline } from './baseline.js';
import { riskFindings, sharedSystems } from './risks.js';
import type { TriageAnswerT, TriageItemsT, TriageItemT, TriageRequestT } from './triage-schema.js';

interface AssetRow extends Omit<TriageItemT, 'shared' | 'sharedReasons' | 'risks' | 'registers' | 'note'> {
  risks: Array<{ risk: string; via: string }>;
}

function note(item: Omit<TriageItemT, 'note'>): string {
  if (item.risks.length === 0) {
    return `No risk register covers ${item.asset}${item.shared ? ', though it is a shared system: raise it in the JOINT register' : ''}.`;
  }
  const owners = [...new Set(item.risks.map((r) => `${r.owner} (${r.register})`))].join(', ');
  const open = item.risks.filter((r) => r.treatmentState === 'open').map((r) => r.risk);
  return `Captured by the ${item.registers.join(' and ')} register${item.registers.length === 1 ? '' : 's'}; remediation driven by ${owners}` +
    (open.length ? `; treatment open on ${open.join(', ')}` : '') +
    (item.shared && !item.registers.includes('JOINT') ? '; a shared system outside the JOINT register' : '') + '.';
}

/** The triage items for assets known to exist, as of a date. */
export async function triageItems(tx: Tx, assets: string[], asOf: string): Promise<TriageItemsT> {
  const rows = (await tx.run('assurance/triage-assets', { assets })) as AssetRow[];
  const baseline = await readBaseline(tx, asOf);
  const shared = new Map((await sharedSystems(tx, assets)).map((s) => [s.asset, s.reasons]));
  const risks = new Map((await riskFindings(tx, baseline, [...new Set(rows.flatMap((r) => r.risks.map((k) => k.risk)))])).map((r) => [r.risk, r]));
  const items = rows.map((row) => {
    const covering = row.risks.map(({ risk, via }) => {
      const { title, register, owner, treatment, treatmentState, score, band, flags } = risks.get(risk)!;
      return { risk, title, register, owner, treatment, treatmentState, score, band, flags, via };
    });
    const item = { ...row, shared: shared.has(row.asset), sharedReasons: shared.get(row.asset) ?? [], risks: covering, registers: [...new Set(covering.map((r) => r.register))].sort() };
    return { ...item, note: note(item) };
  });
  const uncovered = items.filter((i) => i.risks.length === 0).length;
  const registers = [...new Set(items.flatMap((i) => i.registers))].sort();
  return {
    asOf,
    items,
    summary: {
      assets: items.length, shared: items.filter((i) => i.shared).length, uncovered, registers,
      message: `${count(items.length, 'asset')}, ${count(items.filter((i) => i.shared).length, 'shared system')}; ` +
        (uncovered ? `${count(uncovered, 'asset')} covered by no risk register` : 'every asset is covered by a risk register') +
        (registers.length ? `; registers: ${registers.join(', ')}` : '') + '.',
    },
  };
}

export async function triage(db: DbClient, request: TriageRequestT, asOf: string): Promise<TriageAnswerT> {
  const { requiresReboot, downtimeMinutes } = request;
  const answer = await db.readTx(async (tx) => {
    // A selector resolves exactly as a patch what-if resolves it (422 when it matches nothing).
    const targets = request.assets
      ?? ((await normalizeChange(tx, { kind: 'patch', selector: request.selector!, requiresReboot, downtimeMinutes }, 0, 'body')) as { targets: string[] }).targets;
    const items = await triageItems(tx, [...new Set(targets)], asOf);
    const found = new Set(items.items.map((i) => i.asset));
    const missing = targets.flatMap((id, i) => (found.has(id) ? [] : [{ path: `body.assets[${i}]`, message: `asset "${id}" does not exist.` }]));
    if (missing.length) throw unknownReferences(missing);
    return { ...items, targets: items.items.map((i) => i.asset) };
  });
  const change: PatchChangeT = { kind: 'patch', targets: answer.targets, requiresReboot, downtimeMinutes };
  return { ...answer, patch: { change, impact: await assessImpact(db, { change }) } };
}
