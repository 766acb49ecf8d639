// Explains one flow's firewall decision, conduit by conduit, now and (optionally) after a proposed
// firewall change: which rule decides it on each conduit, or the default action.
import { notFound } from '../errors.js';
import type { DbClient } from '../db/client.js';
import type { FirewallChangeT } from './change-schema.js';
import type { Decision } from './firewall-findings.js';
import { normalizeChange } from './normalize.js';

export async function explainFlow(db: DbClient, flow: string, change?: FirewallChangeT): Promise<Decision> {
  return db.readTx(async (tx) => {
    const edits = [];
    if (change) {
      const n = await normalizeChange(tx, change, 0, 'change');
      if (n.kind === 'firewall') edits.push(n.edit);
    }
    const rows = (await tx.run('impact/firewall-flow-decisions', { edits, flowIds: [flow] })) as Decision[];
    const decision = rows.find((r) => r.flow === flow);
    if (!decision) throw notFound('flow', flow, 'flow');
    return decision;
  });
}
