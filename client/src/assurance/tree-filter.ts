// Which requirements a framework tree shows under a filter. Pure, tested on its own.
//   gaps: a domain where nothing meets it (gap: no control; not-met: controls not implemented)
//   partial: a domain where it is partial
//   inconsistent: its IT and OT statuses differ, or a requirement mapped `equal` to it has another status
import type { TreeNodeT } from './assurance-api.js';
import type { TreeFilter } from './assurance-state.js';

export function matches(node: TreeNodeT, only: TreeFilter, inconsistent: ReadonlySet<string>): boolean {
  const statuses = node.statuses.map((s) => s.status);
  if (only === 'gaps') return statuses.some((s) => s === 'gap' || s === 'not-met');
  if (only === 'partial') return statuses.includes('partial');
  return inconsistent.has(node.requirement) || new Set(statuses).size > 1;
}

/** A node kept only as the context of matching ones below it (a grouping, or an SR above its REs). */
export type ShownNode = Omit<TreeNodeT, 'children'> & { context: boolean; children: ShownNode[] };

/** The tree cut to the requirements matching, with what is above them as context; all of it without a filter. */
export function filterTree(tree: TreeNodeT[], only: TreeFilter | undefined, inconsistent: ReadonlySet<string>): ShownNode[] {
  return tree.flatMap((n) => {
    const children = filterTree(n.children, only, inconsistent);
    const itself = !only || (n.assessable && matches(n, only, inconsistent));
    return itself || children.length > 0 ? [{ ...n, children, context: !itself || !n.assessable }] : [];
  });
}

/** The assessable requirements shown for themselves, not as context. */
export const countShown = (tree: ShownNode[]): number => tree.reduce((sum, n) => sum + (n.assessable && !n.context ? 1 : 0) + countShown(n.children), 0);
