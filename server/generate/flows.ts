// One site's flows: the safety-required ones around each SIS logic solver (with a redundant
// route for the trip status), ordinary service flows drawn from the templates, and a few that
// the rule sets will deny. Rules are derived from these afterwards, not the other way round.
import type { AssetT, FlowT } from '../model/site-schema.js';
import { fromPool, type SiteAssets } from './assets.js';
import { DENIED_FLOWS, SERVICE_FLOWS, type FlowTemplate } from './flow-templates.js';
import type { Rng } from './random.js';
import { conduitBetween, type ConduitKey, type ZoneKey } from './site-layout.js';
import { conduitId, type SitePlan } from './site-plan.js';

export interface PlannedFlow {
  flow: FlowT;
  from: AssetT;
  to: AssetT;
  /** Deliberately left without an allow rule: a misconfiguration for the findings to meet. */
  denied: boolean;
}

export interface LogicSolverFlows {
  trip: FlowT[];
  hmi: FlowT;
  ews: FlowT;
  ntp: FlowT;
  peer?: FlowT;
}

export interface SiteFlows {
  planned: PlannedFlow[];
  perLogicSolver: LogicSolverFlows[];
}

export function buildFlows(rng: Rng, plan: SitePlan, site: SiteAssets): SiteFlows {
  const planned: PlannedFlow[] = [];
  const seen = new Set<string>();
  const sw = (zone: ZoneKey, i: number) => fromPool(site.pool, zone, 'switch')[i]!.id;
  const add = (from: AssetT, to: AssetT, protocol: FlowT['protocol'], port: number | undefined, purpose: string,
    via: ConduitKey[], routesThrough: string[], denied = false): FlowT | null => {
    const viaIds = via.map((k) => conduitId(plan, k));
    const key = `${from.id}|${to.id}|${protocol}|${port}|${viaIds.join(',')}`;
    if (from.id === to.id || seen.has(key)) return null;
    seen.add(key);
    const flow: FlowT = {
      id: `${plan.code}-flow-${String(planned.length + 1).padStart(4, '0')}`,
      from: from.id, to: to.id, protocol, ...(port === undefined ? {} : { port }), purpose, via: viaIds, routesThrough,
    };
    planned.push({ flow, from, to, denied });
    return flow;
  };

  const hmis = fromPool(site.pool, 'ctl', 'hmi');
  const dcs = fromPool(site.pool, 'ctl', 'dcs');
  const [sisEws] = fromPool(site.pool, 'sis', 'ews');
  const [timeServer] = fromPool(site.pool, 'ops', 'time');
  const perLogicSolver = site.logicSolvers.map((ls, i): LogicSolverFlows => {
    const target = dcs[i % dcs.length]!;
    // The same from, to, protocol and port via a second conduit and its own switches: this is
    // how the document says "this flow has a redundant route".
    const primary = [sw('sis', 0), sw('ctl', 0)];
    const trip = [
      add(ls, target, 'tcp', 502, 'SIS trip status and first-out alarms to the DCS (Modbus/TCP)', ['ctl-sis-a'], primary)!,
      add(ls, target, 'tcp', 502, 'SIS trip status to the DCS over the redundant path', ['ctl-sis-b'], [sw('sis', 1), sw('ctl', 1)])!,
    ];
    const hmi = add(hmis[i % hmis.length]!, ls, 'tcp', 502, 'Manual ESD command and SIS faceplates from the control room',
      ['ctl-sis-a'], primary.toReversed())!;
    const ews = add(sisEws!, ls, 'udp', 1502, 'SIS engineering: logic download, bypass and diagnostics', [], [sw('sis', 0)])!;
    const ntp = add(timeServer!, ls, 'udp', 123, 'Time synchronisation of the SIS sequence-of-events recorder',
      ['ops-ctl', 'ctl-sis-a'], [sw('ops', 0), ...primary.toReversed()])!;
    const next = site.logicSolvers[(i + 1) % site.logicSolvers.length]!;
    const peer = next === ls ? null : add(ls, next, 'udp', 8000, 'SIS peer-to-peer trip between logic solvers', [], [sw('sis', 0)]);
    return { trip, hmi, ews, ntp, ...(peer ? { peer } : {}) };
  });

  const fromTemplate = (tpl: FlowTemplate, denied: boolean) => {
    const sources = fromPool(site.pool, ...tpl.from);
    const targets = fromPool(site.pool, ...tpl.to);
    const via = steps(tpl.path);
    if (sources.length === 0 || targets.length === 0 || !via || !via.every((k) => plan.conduitKeys.includes(k))) return;
    const routes = rng.chance(0.5) ? tpl.path.flatMap((z) => fromPool(site.pool, z, 'switch').slice(0, 1).map((a) => a.id)) : [];
    add(rng.pick(sources), rng.pick(targets), tpl.protocol, tpl.port, tpl.purpose, via, routes, denied);
  };

  const services = Math.max(0, plan.flowTarget - planned.length);
  const misconfigured = services >= 10 ? Math.max(1, Math.round(services * 0.05)) : 0;
  const weighted = SERVICE_FLOWS.map((tpl) => [tpl, tpl.weight] as const);
  const deniedWeighted = DENIED_FLOWS.map((tpl) => [tpl, tpl.weight] as const);
  // Bounded attempts: a tiny site may run out of distinct pairs before it reaches its target.
  for (let attempt = 0, goal = planned.length + services - misconfigured; planned.length < goal && attempt < services * 4; attempt++) {
    fromTemplate(rng.weighted(weighted), false);
  }
  for (let attempt = 0, goal = planned.length + misconfigured; planned.length < goal && attempt < misconfigured * 4; attempt++) {
    fromTemplate(rng.weighted(deniedWeighted), true);
  }
  return { planned, perLogicSolver };
}

/** Zone path → the conduits crossed, or null when two steps are not adjacent. */
function steps(path: readonly ZoneKey[]): ConduitKey[] | null {
  const via: ConduitKey[] = [];
  for (let i = 1; i < path.length; i++) {
    const key = conduitBetween(path[i - 1]!, path[i]!);
    if (!key) return null;
    via.push(key);
  }
  return via;
}
