// Observed communications against the model, in one read transaction: the addresses resolved to
// assets and zones, the declared flows, the conduit routes between the zones traffic crossed, and
// the stored rules' decision for every crossing tuple (observed-decisions.cypher, the what-if
// engine's first-match semantics). The comparison itself is pure (traffic-findings.ts).
import { inOrder, type DbClient, type Tx } from '../../db/client.js';
import type { FlowSafety } from '../../impact/firewall-findings.js';
import { severityRank } from '../../impact/severity.js';
import { formatIpv4, parseIpv4 } from '../../model/ipv4.js';
import type { ReadResult } from './read-conn-log.js';
import type { Communication } from './summarize.js';
import type { ObservedCommunication, TrafficAnswer } from './traffic-answer.js';
import { commKey, trafficFindings, type Crossing, type DeclaredFlow, type Endpoint } from './traffic-findings.js';
import { trafficSummary } from './traffic-summary.js';

const DECISIONS_PER_QUERY = 5_000;
export const COMMUNICATIONS_SHOWN = 5_000;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

async function endpointsOf(tx: Tx, ips: string[]): Promise<Map<string, Endpoint>> {
  const rows = ips.length ? await tx.run('importers/zeek/resolve-addresses', { ips: ips.map((ip) => parseIpv4(ip)!) }) : [];
  return new Map(rows.map((r) => {
    const ip = formatIpv4(r.ip as number);
    return [ip, { ip, asset: r.asset, zone: r.zone, safetyZone: r.safetyZone, slTarget: r.slTarget, slAchieved: r.slAchieved, sifs: r.sifs } as Endpoint];
  }));
}

/** Each crossing communication's routes between its zones, every conduit decided by the stored rules. */
async function routesOf(tx: Tx, observed: ObservedCommunication[]): Promise<Map<string, Crossing[][]>> {
  const crossing = observed.filter((c) => c.srcZone && c.dstZone && c.srcZone !== c.dstZone);
  const pairs = [...new Map(crossing.map((c) => [`${c.srcZone}|${c.dstZone}`, { from: c.srcZone!, to: c.dstZone! }])).values()];
  const routeRows = pairs.length ? await tx.run('importers/zeek/zone-routes', { pairs }) : [];
  const byPair = new Map<string, string[][]>();
  for (const r of routeRows) byPair.set(`${r.from}|${r.to}`, [...(byPair.get(`${r.from}|${r.to}`) ?? []), r.conduits as string[]]);

  const tuples = crossing.map((c) => ({
    key: commKey(c), src: parseIpv4(c.src)!, dst: parseIpv4(c.dst)!, protocol: c.protocol, port: c.port,
    conduits: [...new Set((byPair.get(`${c.srcZone}|${c.dstZone}`) ?? []).flat())],
  })).filter((t) => t.conduits.length > 0);
  const batches = [];
  for (let i = 0; i < tuples.length; i += DECISIONS_PER_QUERY) batches.push(tx.run('importers/zeek/observed-decisions', { tuples: tuples.slice(i, i + DECISIONS_PER_QUERY) }));
  const decided = new Map<string, Crossing>();
  for (const r of (await inOrder(batches)).flat()) decided.set(`${r.key}|${r.conduit}`, { conduit: r.conduit, rule: r.rule, action: r.action });

  return new Map(crossing.map((c) => {
    const key = commKey(c);
    const routes = (byPair.get(`${c.srcZone}|${c.dstZone}`) ?? []).map((route) => route.map((conduit) => decided.get(`${key}|${conduit}`)!));
    return [key, routes];
  }));
}

function observedView(c: Communication, endpoints: ReadonlyMap<string, Endpoint>, declared: ReadonlyMap<string, string[]>): ObservedCommunication {
  const src = endpoints.get(c.src);
  const dst = endpoints.get(c.dst);
  return {
    src: c.src, dst: c.dst, srcAsset: src?.asset ?? null, dstAsset: dst?.asset ?? null, srcZone: src?.zone ?? null, dstZone: dst?.zone ?? null,
    protocol: c.protocol, port: c.port, count: c.count, answered: c.answered, firstSeen: iso(c.firstSeen), lastSeen: iso(c.lastSeen),
    declared: declared.get(commKey(c)) ?? [],
  };
}

export async function compareTraffic(db: DbClient, read: ReadResult): Promise<TrafficAnswer> {
  const { summary } = read;
  const communications = summary.communications();
  const window = summary.records > 0 ? { first: iso(summary.first), last: iso(summary.last) } : null;
  const facts = await db.readTx(async (tx) => {
    const [endpoints, declaredRows] = await inOrder([
      endpointsOf(tx, [...new Set(communications.flatMap((c) => [c.src, c.dst]))]),
      tx.run('importers/zeek/declared-flows'),
    ]);
    const declared: DeclaredFlow[] = declaredRows.map((r) => ({ ...(r as DeclaredFlow), fromIp: formatIpv4(r.fromIp), toIp: formatIpv4(r.toIp) }));
    const flowsByKey = new Map<string, string[]>();
    for (const f of declared) {
      const key = commKey({ src: f.fromIp, dst: f.toIp, protocol: f.protocol, port: f.port });
      flowsByKey.set(key, [...(flowsByKey.get(key) ?? []), f.flow]);
    }
    const observed = communications.map((c) => observedView(c, endpoints, flowsByKey));
    const safetyIds = declared.filter((f) => f.safetyRequired).map((f) => f.flow);
    const [routes, safetyRows] = await inOrder([
      routesOf(tx, observed),
      safetyIds.length ? tx.run('impact/flow-safety', { flowIds: safetyIds, conduits: [] }) : Promise.resolve([]),
    ]);
    const safety = new Map((safetyRows as FlowSafety[]).map((s) => [s.flow, s]));
    return { observed, endpoints, declared, routes, safety, window };
  });
  const findings = trafficFindings(facts).sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = [...facts.observed].sort((a, b) => b.count - a.count || (commKey(a) < commKey(b) ? -1 : 1)).slice(0, COMMUNICATIONS_SHOWN);
  return {
    capture: {
      form: read.form, lines: summary.lines, connections: summary.records, bytes: read.bytes, ms: Math.round(read.ms),
      firstSeen: window?.first ?? null, lastSeen: window?.last ?? null, communications: summary.distinct,
    },
    notUnderstood: summary.problems,
    notUnderstoodCount: summary.problemCount,
    findings,
    communications: shown,
    communicationsShown: shown.length,
    summary: trafficSummary(findings),
  };
}
