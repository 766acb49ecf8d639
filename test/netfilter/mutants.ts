// The in-memory evaluator and deliberately broken copies of it. The real firewall must tell them
// apart: a harness that cannot catch an off-by-one in port ranges or last-match-wins proves little.
import { matches, type OracleEstate, type RefFlow, type RefRule } from '../../server/oracle/firewall-evaluator.js';

export type Evaluator = (estate: OracleEstate, flow: RefFlow, conduit: string) => 'allow' | 'deny';

const decideBy = (pick: (rules: RefRule[], flow: RefFlow) => RefRule | undefined): Evaluator => (estate, flow, conduit) =>
  pick(estate.rulesAfter(conduit, undefined), flow)?.action ?? estate.defaultAfter(conduit, undefined);

export const EVALUATORS: Record<string, Evaluator> = {
  oracle: (estate, flow, conduit) => estate.decide(flow, conduit).action,
  'port range upper bound off by one': decideBy((rules, flow) => rules.find((r) => matches({ ...r, ports: { lo: r.ports.lo, hi: r.ports.hi - 1 } }, flow))),
  'last match wins': decideBy((rules, flow) => [...rules].reverse().find((r) => matches(r, flow))),
};
