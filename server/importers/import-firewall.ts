// A firewall configuration imported into one conduit: parse, show the what-if of replacing the
// conduit's rule set, and only on request write it, through the same single-entity edit as any
// other conduit change. A configuration with a refused line changes nothing.
import { z } from 'zod';
import type { DbClient } from '../db/client.js';
import { AppError, notFound } from '../errors.js';
import { assessImpact } from '../impact/assess.js';
import { FirewallChange, ImpactResponse } from '../impact/change-schema.js';
import { Conduit, Id, } from '../model/site-schema.js';
import { readOne } from '../site/read-entities.js';
import { updateEntity } from '../site/site-edits.js';
import { importedIdPrefix, parseFirewallConfig } from './firewall-config.js';
import { FirewallFormat, ParseReport } from './report.js';
import { importAsChange, importedConduit } from './what-if.js';

/** 2 MiB of configuration: a large FortiGate backup is a few hundred KiB. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

export const ImportFirewallRequest = z
  .object({
    format: FirewallFormat.describe('iptables: iptables-save output; fortigate: FortiOS configuration (config firewall policy and its objects)'),
    config: z.string().min(1, 'must not be empty').max(MAX_CONFIG_BYTES, `must be at most ${MAX_CONFIG_BYTES} characters`).describe('the configuration text'),
    chain: z.string().regex(/^[A-Za-z0-9_.-]{1,29}$/, 'must be an iptables chain name (letters, digits, "_", ".", "-"; at most 29)').optional()
      .describe('iptables only: the chain whose rules are the conduit\'s (default FORWARD)'),
    apply: z.boolean().default(false).describe('false: dry run, nothing written; true: write the rule set when every line could be represented'),
  })
  .strict()
  .refine((r) => r.chain === undefined || r.format === 'iptables', { message: 'chain applies to the iptables format only', path: ['chain'] });
export type ImportFirewallRequest = z.infer<typeof ImportFirewallRequest>;

export const ImportFirewallAnswer = z.object({
  conduit: Id,
  report: ParseReport,
  change: FirewallChange.nullable().describe('the what-if change: remove the stored rules, add the imported ones, set the default action; null when the configuration was refused'),
  impact: ImpactResponse.nullable().describe('the assessment of that change, computed before anything is written'),
  applied: z.boolean().describe('true when the rule set was written'),
  conduitAfter: Conduit.nullable().describe('the conduit as stored after the import (apply), or as it would be (dry run)'),
});
export type ImportFirewallAnswer = z.infer<typeof ImportFirewallAnswer>;

async function storedConduit(db: DbClient, id: string) {
  try {
    return await readOne(db, 'conduits', id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INTERLOCK_NOT_FOUND') throw notFound('conduit', id, 'params.id');
    throw error;
  }
}

export function refusal(report: ParseReport): AppError {
  const refused = report.notRepresented.filter((n) => n.refused);
  return new AppError('INTERLOCK_UNPROCESSABLE',
    `The ${report.format} configuration cannot be represented (${refused.length} refused line${refused.length === 1 ? '' : 's'}); nothing was written.`,
    refused.map((n) => ({ path: n.line === 0 ? 'config' : `config line ${n.line}`, message: n.reason })));
}

/** `actor`: who applies it (the journal and the audit log name them); a dry run writes nothing. */
export async function importFirewall(db: DbClient, conduitId: string, request: ImportFirewallRequest, actor: string): Promise<ImportFirewallAnswer> {
  const { doc: conduit, version } = await storedConduit(db, conduitId);
  const report = parseFirewallConfig(request.format, request.config, { chain: request.chain, idPrefix: importedIdPrefix(conduitId, request.format) });
  if (!report.importable) {
    if (request.apply) throw refusal(report);
    return { conduit: conduitId, report, change: null, impact: null, applied: false, conduitAfter: null };
  }
  const change = importAsChange(conduit, report);
  const impact = await assessImpact(db, { change });
  const after = importedConduit(conduit, report);
  // Written only over the version the what-if was computed on: a concurrent edit makes it 412.
  if (request.apply) await updateEntity(db, 'conduits', conduitId, after, { ifMatch: version, actor });
  return { conduit: conduitId, report, change, impact, applied: request.apply, conduitAfter: after };
}
