// Flattens the conduit's chain into one first-match list: a jump inlines the called chain with the
// jump's conditions added; RETURN sends the packet back to the rules after the jump, so those rules
// are repeated, narrowed to what returned, right where it returned; falling off a goto'd chain
// leaves the calling chain too. The outcome "return" at the top is the chain's default action.
import { both, isEmpty, type Match } from '../match.js';
import type { ReadRule } from './read-rule.js';

export interface FlatEntry {
  match: Match;
  outcome: 'allow' | 'deny' | 'return';
  /** The deciding line first, then the RETURN and jump lines that led to it. */
  lines: number[];
}

export interface FlattenContext {
  rulesOf(chain: string): ReadRule[];
  refuse(line: number, reason: string): void;
  /** The line that declares a chain, for problems that concern the chain as a whole. */
  declaredAt(chain: string): number;
  maxEntries: number;
}

class TooLarge extends Error {}

export function flattenChain(chain: string, ctx: FlattenContext): FlatEntry[] | null {
  try {
    return flattenFrom(chain, 0, [chain], ctx, { count: 0 });
  } catch (error) {
    if (error instanceof TooLarge) return null;
    throw error;
  }
}

function narrowed(entries: FlatEntry[], by: Match, via: number[]): FlatEntry[] {
  return entries.map((e) => ({ match: both(by, e.match), outcome: e.outcome, lines: [...e.lines, ...via] })).filter((e) => !isEmpty(e.match));
}

function flattenFrom(chain: string, start: number, stack: string[], ctx: FlattenContext, budget: { count: number }): FlatEntry[] {
  const rules = ctx.rulesOf(chain);
  const out: FlatEntry[] = [];
  const push = (entries: FlatEntry[]) => {
    budget.count += entries.length;
    if (budget.count > ctx.maxEntries) {
      ctx.refuse(ctx.declaredAt(chain), `flattening chain ${chain} would exceed ${ctx.maxEntries} rules (RETURNs repeat the calling chain)`);
      throw new TooLarge();
    }
    out.push(...entries);
  };
  for (let i = start; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.never || rule.refusals.length > 0) continue;
    const t = rule.target;
    if (t.kind === 'verdict') push([{ match: rule.match, outcome: t.action, lines: [rule.line] }]);
    else if (t.kind === 'return') push([{ match: rule.match, outcome: 'return', lines: [rule.line] }]);
    else if (t.kind === 'jump' || t.kind === 'goto') {
      if (stack.includes(t.chain)) {
        ctx.refuse(rule.line, `jump loop: ${[...stack, t.chain].join(' → ')}`);
        continue;
      }
      const called = flattenFrom(t.chain, 0, [...stack, t.chain], ctx, budget);
      for (const e of narrowed(called, rule.match, [rule.line])) {
        if (e.outcome !== 'return' || t.kind === 'goto') push([e]);
        else {
          // Returned to this chain: what follows the jump decides, then the chain's own fall-through.
          const rest = flattenFrom(chain, i + 1, stack, ctx, budget);
          push([...narrowed(rest, e.match, e.lines), e]);
        }
      }
      if (t.kind === 'goto') push([{ match: rule.match, outcome: 'return', lines: [rule.line] }]);
    }
  }
  return out;
}
