// Connection-tracking states. Interlock decides each flow by its opening packet (ctstate NEW):
// a rule for ESTABLISHED/RELATED packets only ever sees replies and related traffic of connections
// some other rule already let through, so it is recognised and reported, not turned into rules.
import { note, type ReadRule } from './read-rule.js';

const STATES = new Set(['NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'UNTRACKED', 'SNAT', 'DNAT']);

export function readConntrack(rule: ReadRule, option: string, list: string, negate: boolean): void {
  const states = list.split(',').map((s) => s.toUpperCase());
  const unknown = states.filter((s) => !STATES.has(s));
  if (unknown.length > 0) return void rule.refusals.push(`${option} ${list}: unknown state ${unknown.join(', ')}`);
  const seesOpening = states.includes('NEW') !== negate;
  const shown = `${negate ? '! ' : ''}${option} ${list}`;
  if (seesOpening) {
    note(rule, `${shown} includes the opening packet (NEW) of every flow, which is what Interlock decides`);
  } else if (!negate && states.every((s) => s === 'ESTABLISHED' || s === 'RELATED')) {
    rule.never = `conntrack ${list}: replies and related traffic of connections already allowed; Interlock decides each flow by its opening packet, which this rule never matches`;
  } else {
    rule.never = `conntrack ${shown}: never the opening packet (NEW) of a flow, which is what Interlock decides`;
  }
}
