// The first step of every assurance answer, in the caller's read transaction: evidence currency
// as of asOf (assurance/evidence-currency), then each control's effective status per domain
// (assurance/control-statuses). Every later query takes the effective statuses as one map
// ("control|domain" → status), so each rule of §5.2.1 and §5.3 is computed once, in Cypher.
import type { Tx } from '../db/client.js';
import type { DomainT } from '../model/governance-schema.js';
import type { ControlInDomainT, EvidenceCurrencyT } from './schemas.js';

export type ControlStatusRow = Omit<ControlInDomainT, 'evidence'> & { evidence: string[] };

export interface Baseline {
  asOf: string;
  evidence: Map<string, EvidenceCurrencyT>;
  /** Per "control|domain", for every control and each domain it covers. */
  controls: Map<string, ControlStatusRow>;
  effective: Record<string, string>;
}

export const controlKey = (control: string, domain: DomainT) => `${control}|${domain}`;
export const isCurrent = (e: Pick<EvidenceCurrencyT, 'currency'>) => e.currency === 'fresh' || e.currency === 'due';

/** `controls`: only these controls (and their evidence); every control when absent. */
export async function readBaseline(tx: Tx, asOf: string, controls: string[] | null = null): Promise<Baseline> {
  const evidence = (await tx.run('assurance/evidence-currency', { asOf, evidence: null, controls })) as EvidenceCurrencyT[];
  const current = Object.fromEntries(evidence.filter(isCurrent).map((e) => [e.evidence, true]));
  const rows = (await tx.run('assurance/control-statuses', { controls, current })) as ControlStatusRow[];
  return baselineOf(asOf, evidence, rows);
}

/** The baseline a framework's or some requirements' statuses read: only the controls they can depend on. */
export async function readBaselineFor(tx: Tx, asOf: string, scope: { framework?: string; requirements?: string[] }): Promise<Baseline> {
  const [row] = await tx.run('assurance/requirement-controls', { framework: scope.framework ?? null, requirements: scope.requirements ?? null });
  return readBaseline(tx, asOf, (row?.controls as string[] | undefined) ?? []);
}

function baselineOf(asOf: string, evidence: EvidenceCurrencyT[], rows: ControlStatusRow[]): Baseline {
  return {
    asOf,
    evidence: new Map(evidence.map((e) => [e.evidence, e])),
    controls: new Map(rows.map((r) => [controlKey(r.control, r.domain), r])),
    effective: Object.fromEntries(rows.map((r) => [controlKey(r.control, r.domain), r.effective])),
  };
}

/** A control's status in a domain with its evidence and their currency: the "why" of a status. */
export function controlInDomain(baseline: Baseline, control: string, domain: DomainT): ControlInDomainT {
  const row = baseline.controls.get(controlKey(control, domain));
  if (!row) throw new Error(`control ${control} has no status in ${domain}`);
  return {
    ...row,
    evidence: row.evidence.map((id) => {
      const { evidence, name, currency, expiresOn, latestCollectedOn } = baseline.evidence.get(id)!;
      return { evidence, name, currency, expiresOn, latestCollectedOn };
    }),
  };
}
