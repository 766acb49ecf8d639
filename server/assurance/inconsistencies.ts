// Inconsistencies (DOMAIN.md §5.2.6, §5.5a), listed, never hidden: the control-level ones from
// assurance/control-inconsistencies, and requirements mapped equal whose final statuses (direct or
// projected) differ in a domain both are evaluated in.
import type { Tx } from '../db/client.js';
import type { ControlStatus, DomainT } from '../model/governance-schema.js';
import type { Baseline } from './baseline.js';
import { requirementStatuses } from './requirements.js';
import type { InconsistencyT } from './schemas.js';

interface ControlRow { control: string; unassessed: DomainT[]; statuses: Record<DomainT, ControlStatus> | null; maturities: Record<DomainT, number> | null }
interface EqualRow { mapping: string; from: string; to: string; domains: DomainT[] }

export async function inconsistencies(tx: Tx, baseline: Baseline): Promise<InconsistencyT[]> {
  const controls = (await tx.run('assurance/control-inconsistencies', { effective: baseline.effective })) as ControlRow[];
  const found: InconsistencyT[] = controls.flatMap((c): InconsistencyT[] => [
    ...c.unassessed.map((domain) => ({ kind: 'NOT-ASSESSED' as const, control: c.control, domain })),
    ...(c.statuses ? [{ kind: 'BOTH-STATUS-DIFFERS' as const, control: c.control, ...c.statuses }] : []),
    ...(c.maturities ? [{ kind: 'BOTH-MATURITY-DIFFERS' as const, control: c.control, ...c.maturities }] : []),
  ]);
  const equal = (await tx.run('assurance/equal-mappings')) as EqualRow[];
  for (const domain of ['IT', 'OT'] as const) {
    const pairs = equal.filter((m) => m.domains.includes(domain));
    if (pairs.length === 0) continue;
    const rows = await requirementStatuses(tx, baseline, domain, { requirements: [...new Set(pairs.flatMap((m) => [m.from, m.to]))] }, new Set());
    const status = new Map(rows.map((r) => [r.requirement, r.status]));
    for (const m of pairs) {
      const [fromStatus, toStatus] = [status.get(m.from)!, status.get(m.to)!];
      if (fromStatus !== toStatus) found.push({ kind: 'EQUAL-STATUS-DIFFERS', mapping: m.mapping, domain, from: m.from, fromStatus, to: m.to, toStatus });
    }
  }
  return found;
}
