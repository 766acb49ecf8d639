// Compares observed communications with the model (docs/importers.md, "Observed traffic"). Pure:
// the graph's answers come in resolved. Four findings:
// - TRAFFIC-UNDECLARED-SAFETY: undeclared traffic into a safety zone from outside it, or to a SIF
//   element from anywhere. Severity from the element's highest SIL, at least HIGH; into a safety
//   zone CRITICAL when the source zone's SL-A is below the safety zone's SL-T or the source is in
//   no modelled zone (as FW-EXPOSES-SAFETY-ZONE), else HIGH.
// - TRAFFIC-UNDECLARED-CONDUIT: other undeclared traffic between two zones. MEDIUM.
// - TRAFFIC-DENIED-BY-MODEL: traffic that got through although the stored rules deny it on every
//   route between its zones (or no conduit connects them): the model and the plant disagree.
//   A declared safety-required flow: severity from what depends on it; into a safety zone or to a
//   SIF element HIGH; else MEDIUM.
// - TRAFFIC-SAFETY-FLOW-UNSEEN: a declared safety-required flow never observed in the capture
//   window. Severity from what depends on it, one level lower: absence in one capture is a
//   question (is the route broken? does the sensor see this segment?), not proof.
// TCP connections that were all refused or unanswered lower an undeclared finding one level: the
// plant stopped them, but something tried.
import type { FlowSafety } from '../../impact/firewall-findings.js';
import { atLeast, flowSeverity, highest, lower, maxSil, severityFromSil } from '../../impact/severity.js';
import type { Severity } from '../../impact/change-schema.js';
import type { ObservedCommunication, TrafficFinding } from './traffic-answer.js';

export interface Endpoint {
  ip: string;
  asset: string | null;
  zone: string | null;
  safetyZone: boolean;
  slTarget: number | null;
  slAchieved: number | null;
  sifs: Array<{ id: string; sil: number }>;
}

export interface DeclaredFlow {
  flow: string; from: string; to: string; fromIp: string; toIp: string;
  protocol: string; port: number | null; safetyRequired: boolean; via: string[];
}

export interface Crossing {
  conduit: string;
  rule: string | null;
  action: 'allow' | 'deny';
}

export interface TrafficFacts {
  observed: ObservedCommunication[];
  endpoints: ReadonlyMap<string, Endpoint>;
  declared: ReadonlyArray<DeclaredFlow>;
  /** Per communication key, each route between its zones with the decision on every conduit; [] = no route. */
  routes: ReadonlyMap<string, Crossing[][]>;
  safety: ReadonlyMap<string, FlowSafety>;
  window: { first: string; last: string } | null;
}

export const commKey = (c: { src: string; dst: string; protocol: string; port: number | null }) => `${c.src}|${c.dst}|${c.protocol}|${c.port ?? '-'}`;

const who = (e: Endpoint) => (e.asset ? `${e.asset} (${e.ip})` : `${e.ip} (no asset has this address)`);
const where = (e: Endpoint) => (e.zone ? `zone ${e.zone}` : 'no modelled zone');
const service = (c: ObservedCommunication) => (c.port === null ? c.protocol : `${c.protocol}/${c.port}`);
const times = (n: number) => `${n} connection${n === 1 ? '' : 's'}`;
const refused = (c: ObservedCommunication) => c.answered === 0;

function seen(c: ObservedCommunication): string {
  const answered = refused(c) ? ` None was answered (every TCP attempt was refused or unanswered).` : c.answered < c.count ? ` ${c.answered} of them were answered.` : '';
  return `${times(c.count)} between ${c.firstSeen} and ${c.lastSeen}.${answered}`;
}

function decision(routes: Crossing[][] | undefined): string {
  if (routes === undefined) return '';
  if (routes.length === 0) return ' No conduit in the model connects these zones.';
  const allowed = routes.find((r) => r.every((x) => x.action === 'allow'));
  const say = (x: Crossing) => `${x.action === 'allow' ? 'allowed' : 'denied'} on ${x.conduit} by ${x.rule ?? 'the default action'}`;
  return allowed
    ? ` The stored rules allow it (${allowed.map(say).join(', ')}).`
    : ` The stored rules deny it (${routes.map((r) => r.filter((x) => x.action === 'deny').map(say)[0]).join('; ')}).`;
}

function pathOf(c: ObservedCommunication, routes: Crossing[][] | undefined, extra: string[] = []) {
  const route = routes?.[0] ?? [];
  const nodes = [c.srcAsset ?? c.src, c.srcZone, c.dstZone, c.dstAsset ?? c.dst, ...route.map((x) => x.rule), ...extra].filter((x): x is string => !!x);
  return { nodes: [...new Set(nodes)], edges: route.map((x) => x.conduit) };
}

const observedId = (rule: string, c: ObservedCommunication) => `${rule}:${c.srcAsset ?? c.src}:${c.dstAsset ?? c.dst}:${service(c)}`;

function undeclared(c: ObservedCommunication, src: Endpoint, dst: Endpoint, routes: Crossing[][] | undefined): TrafficFinding | null {
  const intoSafety = dst.safetyZone && src.zone !== dst.zone;
  const toElement = dst.sifs.length > 0;
  if (!intoSafety && !toElement && src.zone === dst.zone) return null;
  const base = { observed: c, path: pathOf(c, routes, dst.sifs.map((s) => s.id)), conduit: routes?.[0]?.[0]?.conduit };
  const told = `${who(src)} in ${where(src)} ${refused(c) ? 'tried to reach' : 'reached'} ${who(dst)} in ${where(dst)} over ${service(c)}: ${seen(c)} No declared flow covers it.`;
  if (intoSafety || toElement) {
    const exposed = src.zone === null || (src.slAchieved ?? 0) < (dst.slTarget ?? 0) ? 'CRITICAL' : 'HIGH';
    const candidates: Severity[] = [toElement ? atLeast(severityFromSil(maxSil(dst.sifs)), 'HIGH') : 'HIGH', intoSafety ? exposed : 'HIGH'];
    const severity = highest(candidates)!;
    const element = toElement ? ` ${dst.asset} is an element of ${dst.sifs.map((s) => `${s.id} (SIL ${s.sil})`).join(', ')}.` : '';
    const zone = intoSafety ? ` It enters safety zone ${dst.zone} (SL-T ${dst.slTarget}) from ${src.zone ? `${src.zone} (SL-A ${src.slAchieved})` : 'outside every modelled zone'}.` : '';
    return {
      ...base, id: observedId('TRAFFIC-UNDECLARED-SAFETY', c), rule: 'TRAFFIC-UNDECLARED-SAFETY', severity: refused(c) ? lower(severity) : severity,
      title: `Undeclared ${service(c)} from ${c.srcAsset ?? c.src} ${toElement ? `to SIF element ${dst.asset}` : `into safety zone ${dst.zone}`}`,
      explanation: `${told}${element}${zone}${decision(routes)}`,
      sifs: dst.sifs,
      recommendation: 'Find out what sends it and why: declare it and review it with the safety engineer, or block it at the conduit; check the source for compromise.',
    };
  }
  return {
    ...base, id: observedId('TRAFFIC-UNDECLARED-CONDUIT', c), rule: 'TRAFFIC-UNDECLARED-CONDUIT', severity: refused(c) ? 'LOW' : 'MEDIUM',
    title: `Undeclared ${service(c)} from ${c.srcAsset ?? c.src} (${src.zone ?? 'no zone'}) to ${c.dstAsset ?? c.dst} (${dst.zone ?? 'no zone'})`,
    explanation: `${told} It crosses from ${where(src)} to ${where(dst)}.${decision(routes)}`,
    sifs: [],
    recommendation: 'Declare the flow if it is needed (so what-ifs see it), otherwise close it at the conduit.',
  };
}

function deniedByModel(c: ObservedCommunication, src: Endpoint, dst: Endpoint, routes: Crossing[][] | undefined, flows: DeclaredFlow[], safety: ReadonlyMap<string, FlowSafety>): TrafficFinding | null {
  if (routes === undefined || refused(c) || routes.some((r) => r.every((x) => x.action === 'allow'))) return null;
  const safetyFlow = flows.find((f) => f.safetyRequired);
  const stake = safetyFlow ? safety.get(safetyFlow.flow) : undefined;
  const severity: Severity = stake
    ? flowSeverity(stake.sifs, stake.procedures.some((p) => p.emergency))
    : dst.safetyZone || dst.sifs.length > 0 ? 'HIGH' : 'MEDIUM';
  const declared = flows.length ? ` It is the declared flow ${flows.map((f) => f.flow).join(', ')}.` : ' It is not a declared flow.';
  return {
    id: observedId('TRAFFIC-DENIED-BY-MODEL', c), rule: 'TRAFFIC-DENIED-BY-MODEL', severity,
    title: `${service(c)} from ${c.srcAsset ?? c.src} to ${c.dstAsset ?? c.dst} got through, but the stored rules deny it`,
    explanation: `${who(src)} reached ${who(dst)} over ${service(c)}: ${seen(c)}${decision(routes)}${declared} The model and the plant disagree: the firewall lets through what its modelled rule set denies, or the modelled rules are out of date, and every what-if on this conduit is answered from the wrong rules.`,
    path: pathOf(c, routes), sifs: stake?.sifs ?? [], observed: c, flow: safetyFlow?.flow, conduit: routes[0]?.find((x) => x.action === 'deny')?.conduit,
    recommendation: 'Compare the firewall\'s running configuration with the modelled rule set and re-import it; if the traffic is wrong, fix the firewall.',
  };
}

function unseen(f: DeclaredFlow, safety: ReadonlyMap<string, FlowSafety>, window: TrafficFacts['window']): TrafficFinding {
  const stake = safety.get(f.flow);
  const sifs = stake?.sifs ?? [];
  const emergency = stake?.procedures.some((p) => p.emergency) ?? false;
  const port = f.port === null ? f.protocol : `${f.protocol}/${f.port}`;
  const during = window ? `between ${window.first} and ${window.last}` : 'in the capture (it holds no connections)';
  const needs = [sifs.length ? sifs.map((s) => `${s.id} (SIL ${s.sil})`).join(', ') : '', stake?.procedures.map((p) => p.id).join(', ') ?? ''].filter(Boolean).join('; ');
  return {
    id: `TRAFFIC-SAFETY-FLOW-UNSEEN:${f.flow}`, rule: 'TRAFFIC-SAFETY-FLOW-UNSEEN', severity: lower(flowSeverity(sifs, emergency)),
    title: `Safety flow ${f.flow} was not seen in the capture`,
    explanation: `The safety-required flow ${f.flow} from ${f.from} (${f.fromIp}) to ${f.to} (${f.toIp}) over ${port} was never observed ${during}.` +
      (needs ? ` ${needs} depend${sifs.length + (stake?.procedures.length ?? 0) > 1 ? '' : 's'} on it.` : '') +
      ' Its route may already be broken; or the sensor does not see this segment, or the flow only runs on demand. Severity is one level below a blocked flow because absence from one capture is not proof.',
    path: { nodes: [f.from, f.to], edges: [f.flow, ...f.via] }, sifs, flow: f.flow, conduit: f.via[0],
    recommendation: 'Check the flow end to end now (firewall hit counters on its conduits, switch ports, the endpoints\' diagnostics) and confirm the sensor covers its segment.',
  };
}

export function trafficFindings(facts: TrafficFacts): TrafficFinding[] {
  const byKey = new Map<string, DeclaredFlow[]>();
  for (const f of facts.declared) {
    const key = commKey({ src: f.fromIp, dst: f.toIp, protocol: f.protocol, port: f.port });
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const findings: TrafficFinding[] = [];
  const seenKeys = new Set<string>();
  for (const c of facts.observed) {
    const key = commKey(c);
    seenKeys.add(key);
    const src = facts.endpoints.get(c.src)!;
    const dst = facts.endpoints.get(c.dst)!;
    const routes = facts.routes.get(key);
    const flows = byKey.get(key) ?? [];
    const odd = flows.length ? null : undeclared(c, src, dst, routes);
    const denied = deniedByModel(c, src, dst, routes, flows, facts.safety);
    for (const f of [odd, denied]) if (f) findings.push(f);
  }
  for (const f of facts.declared) {
    if (f.safetyRequired && !seenKeys.has(commKey({ src: f.fromIp, dst: f.toIp, protocol: f.protocol, port: f.port }))) findings.push(unseen(f, facts.safety, facts.window));
  }
  return findings;
}
