// The differential run: each random rule set is installed in the lab router, real packets are sent
// through it, and what arrived is compared with Interlock's decision for the same flows: the
// engine (Cypher on the real Neo4j, asked over its HTTP API) and the in-memory evaluators. The
// installed rules are also read back with iptables-save and imported: the round trip must give
// back the rule set.
import type { FastifyInstance } from 'fastify';
import type { DbClient } from '../../server/db/client.js';
import { importIptables } from '../../server/importers/iptables/import-iptables.js';
import { renderIptables } from '../../server/importers/iptables/render.js';
import { addressEndpoints } from '../../server/importers/range-set.js';
import { addressRange } from '../../server/model/ipv4.js';
import { parsePorts } from '../../server/model/ports.js';
import { SiteDocument, type FirewallRuleT } from '../../server/model/site-schema.js';
import { OracleEstate } from '../../server/oracle/firewall-evaluator.js';
import { importSite } from '../../server/site/import-site.js';
import type { Lab } from './lab.js';
import { conduitId, flowId, labSite, resolveEndpoint } from './lab-site.js';
import { EVALUATORS } from './mutants.js';
import { probes as makeProbes, random, ruleSet, type NetProbe, type RuleSet } from './rule-sets.js';

export interface DifferentialOptions {
  sets: number;
  probes: number;
  seed: number;
  /** Ask the engine too (loads each batch of sets into this database, replacing its graph). */
  engine?: { app: FastifyInstance; db: DbClient };
  evaluators?: string[];
  batch?: number;
  timeoutMs?: number;
  progress?: (line: string) => void;
}

export interface Disagreement { set: number; probe: NetProbe; judge: string; netfilter: 'allow' | 'deny'; said: 'allow' | 'deny'; rules: FirewallRuleT[]; defaultAction: string }

export interface DifferentialResult {
  sets: number;
  probes: number;
  allowedByNetfilter: number;
  compared: Record<string, number>;
  disagreements: Record<string, Disagreement[]>;
  roundTrips: number;
  roundTripMismatches: string[];
  /** A probe answered without arriving, or arriving unanswered where an answer was due: the lab, not the rules. */
  harnessFaults: string[];
  ms: number;
}

interface Observed { index: number; set: RuleSet; probes: NetProbe[]; verdicts: Array<'allow' | 'deny'> }

/** A rule set as plain decisions: what the iptables round trip must give back. */
export function canonical(rules: FirewallRuleT[]): string[] {
  const address = (e: FirewallRuleT['src']) => addressEndpoints([typeof e === 'string' ? addressRange(e)! : resolveEndpoint(e)!])[0];
  return rules.flatMap((r) => {
    const ports = parsePorts(r.ports)!;
    const shown = ports.lo <= 1 && ports.hi >= 65535 ? 'any' : `${ports.lo}-${ports.hi}`;
    const protocols = r.protocol === 'any' && shown !== 'any' ? ['tcp', 'udp'] : [r.protocol];
    return protocols.map((p) => `${r.action} ${p} ${address(r.src)} > ${address(r.dst)} ${shown}`);
  });
}

async function observe(lab: Lab, index: number, set: RuleSet, probes: NetProbe[], timeoutMs: number, result: DifferentialResult): Promise<Observed> {
  lab.install(renderIptables(set.rules, set.defaultAction, { denyAs: 'REJECT', resolve: resolveEndpoint, title: `netfilter oracle, rule set ${index}` }));
  const outcomes = await lab.probe(probes, timeoutMs);
  for (const o of outcomes) {
    // What arrived was answered (TCP "ok", UDP echo); what did not was refused or timed out.
    if (o.outcome === 'error' || o.arrived !== (o.outcome === 'answered')) {
      result.harnessFaults.push(`set ${index}: ${JSON.stringify(o.probe)} arrived=${o.arrived} outcome=${o.outcome}`);
    }
  }
  const back = importIptables(lab.saved(), { idPrefix: 'rt' });
  result.roundTrips += 1;
  const same = back.importable && back.defaultAction === set.defaultAction && JSON.stringify(canonical(back.rules)) === JSON.stringify(canonical(set.rules));
  if (!same) result.roundTripMismatches.push(`set ${index}: installed ${JSON.stringify(canonical(set.rules))} (default ${set.defaultAction}), read back ${JSON.stringify(canonical(back.rules))} (default ${back.defaultAction}, importable ${back.importable})`);
  return { index, set, probes, verdicts: outcomes.map((o) => (o.arrived ? 'allow' : 'deny')) };
}

async function engineDecisions(engine: NonNullable<DifferentialOptions['engine']>, batch: Observed[]): Promise<Map<string, 'allow' | 'deny'>> {
  const ids = batch.flatMap((o) => o.probes.map((_, i) => flowId(o.index, i)));
  const out = new Map<string, 'allow' | 'deny'>();
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(ids.slice(i, i + 8).map(async (flow) => {
      const res = await engine.app.inject({ method: 'POST', url: '/api/explain/flow', payload: { flow }, headers: engine.app.identity.systemHeaders() });
      if (res.statusCode !== 200) throw new Error(`explain ${flow}: ${res.statusCode} ${res.body}`);
      out.set(flow, (res.json() as { crossings: Array<{ before: { action: 'allow' | 'deny' } }> }).crossings[0]!.before.action);
    }));
  }
  return out;
}

function judge(result: DifferentialResult, name: string, o: Observed, i: number, said: 'allow' | 'deny'): void {
  result.compared[name] = (result.compared[name] ?? 0) + 1;
  result.disagreements[name] ??= [];
  if (said !== o.verdicts[i]) result.disagreements[name]!.push({ set: o.index, probe: o.probes[i]!, judge: name, netfilter: o.verdicts[i]!, said, rules: o.set.rules, defaultAction: o.set.defaultAction });
}

async function judgeBatch(batch: Observed[], evaluators: string[], options: DifferentialOptions, result: DifferentialResult): Promise<void> {
  const site = labSite(batch);
  const estate = new OracleEstate(SiteDocument.parse(site));
  let engine: Map<string, 'allow' | 'deny'> | undefined;
  if (options.engine) {
    await importSite(options.engine.db, site, 'replace', { actor: 'netfilter' });
    engine = await engineDecisions(options.engine, batch);
  }
  const flows = new Map(estate.flows.map((f) => [f.id, f]));
  for (const o of batch) {
    o.probes.forEach((_, i) => {
      const flow = flows.get(flowId(o.index, i))!;
      for (const name of evaluators) judge(result, name, o, i, EVALUATORS[name]!(estate, flow, conduitId(o.index)));
      if (engine) judge(result, 'engine', o, i, engine.get(flowId(o.index, i))!);
    });
    result.sets += 1;
    result.probes += o.probes.length;
    result.allowedByNetfilter += o.verdicts.filter((v) => v === 'allow').length;
  }
  options.progress?.(`  ${result.sets}/${options.sets} rule sets, ${result.probes} probes`);
}

export async function runDifferential(lab: Lab, options: DifferentialOptions): Promise<DifferentialResult> {
  const started = performance.now();
  const rnd = random(options.seed);
  const evaluators = options.evaluators ?? ['oracle'];
  const result: DifferentialResult = { sets: 0, probes: 0, allowedByNetfilter: 0, compared: {}, disagreements: {}, roundTrips: 0, roundTripMismatches: [], harnessFaults: [], ms: 0 };
  const batchSize = options.batch ?? 25;
  // Judging a batch (Neo4j) overlaps with probing the next (the lab): one waits on the other's I/O.
  let judging: Promise<void> = Promise.resolve();
  for (let first = 0; first < options.sets; first += batchSize) {
    const batch: Observed[] = [];
    for (let index = first; index < Math.min(first + batchSize, options.sets); index++) {
      const set = ruleSet(rnd, conduitId(index));
      batch.push(await observe(lab, index, set, makeProbes(rnd, set, options.probes), options.timeoutMs ?? 250, result));
    }
    await judging;
    judging = judgeBatch(batch, evaluators, options, result);
  }
  await judging;
  result.ms = Math.round(performance.now() - started);
  return result;
}
