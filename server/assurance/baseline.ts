// The first step of every assurance answer, in the caller's read transaction: evidence currency
// as of asOf (assurance/evidence-currency), then each control's effective status per domain
// (assurance/control-statuses). Every later query takes the effective statuses as one map
// ("control|domain" → status), so each rule of §5.2.1 and §5.3 is computed once, in Cypher.
import type { Tx } from '../db/client.js';
import type { DomainT } from '../model/governance-schema.js';
import type { ControlInDomainT, EvidenceCurrencyT } from './schemas.js';

export type ControlStatusRow = Omit<ControlInDomainT, 'evidence'> & { evidence: string[] };

/**
 * What statuses and summaries read: per "control|domain", the effective status and (when assessed)
 * the maturity. Read alone (readStatuses) when no answer shows the evidence behind them.
 */
export interface Statuses {
  asOf: string;
  effective: Record<string, string>;
  maturity: ReadonlyMap<string, number>;
}

/** The statuses with the rows and evidence that explain them: what every "why" reads. */
export interface Baseline extends Statuses {
  evidence: Map<string, EvidenceCurrencyT>;
  /** Per "control|domain", for every control and each domain it covers. */
  controls: Map<string, ControlStatusRow>;
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

/** One control's effective status and maturity in a domain, as assurance/control-effective answers. */
type EffectiveRow = { control: string; domain: DomainT; effective: string; maturity: number | null };

/** A copy of `base` with the given controls' entries replaced by `rows` (no row: the control is gone). */
function withRows(base: Statuses, controls: string[], rows: EffectiveRow[]): Statuses {
  const effective = { ...base.effective };
  const maturity = new Map(base.maturity);
  for (const id of controls) {
    for (const domain of ['IT', 'OT'] as const) {
      delete effective[controlKey(id, domain)];
      maturity.delete(controlKey(id, domain));
    }
  }
  for (const r of rows) {
    effective[controlKey(r.control, r.domain)] = r.effective;
    if (r.maturity !== null) maturity.set(controlKey(r.control, r.domain), r.maturity);
  }
  return { asOf: base.asOf, effective, maturity };
}

/**
 * The statuses alone (no evidence rows are read): every control's, or — to bring `base` up to
 * date — only `controls`' read again and laid over it.
 */
export async function readStatuses(tx: Tx, asOf: string, update?: { base: Statuses; controls: string[] }): Promise<Statuses> {
  const rows = (await tx.run('assurance/control-effective', { asOf, controls: update?.controls ?? null })) as EffectiveRow[];
  return withRows(update?.base ?? { asOf, effective: {}, maturity: new Map() }, update?.controls ?? [], rows);
}

function baselineOf(asOf: string, evidence: EvidenceCurrencyT[], rows: ControlStatusRow[]): Baseline {
  return {
    asOf,
    evidence: new Map(evidence.map((e) => [e.evidence, e])),
    controls: new Map(rows.map((r) => [controlKey(r.control, r.domain), r])),
    effective: Object.fromEntries(rows.map((r) => [controlKey(r.control, r.domain), r.effective])),
    maturity: new Map(rows.flatMap((r) => (r.assessed ? [[controlKey(r.control, r.domain), r.assessed.maturity] as const] : []))),
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
