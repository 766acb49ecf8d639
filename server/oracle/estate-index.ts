// The estate as an in-process program would hold it: the firewall evaluator's rules and flows,
// plus adjacency lists for everything a safety answer follows (SIF element groups, flow
// dependants, procedures, roles, firewalls, switches, alternative routes). Built once from the
// site document; what-if answers then cost microseconds (oracle-findings.ts).
import { parseIpv4 } from '../model/ipv4.js';
import type { AssetT, ConduitT, FlowT, ProcedureT, SiteDocument, ZoneT } from '../model/site-schema.js';
import { OracleEstate, type RefFlow } from './firewall-evaluator.js';
import type { SifSil } from './finding-rules.js';

export interface GroupRef { sif: string; sil: number; group: string; voting: string; elements: string[] }
export type TouchRole = 'endpoint' | 'firewall' | 'routes-through';

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export class EstateIndex {
  readonly fw: OracleEstate;
  readonly refFlows = new Map<string, RefFlow>();
  readonly zones = new Map<string, ZoneT>();
  readonly assets = new Map<string, AssetT>();
  readonly assetIp = new Map<string, number>();
  readonly conduits = new Map<string, ConduitT>();
  readonly flows = new Map<string, FlowT>();
  readonly procedures: ProcedureT[];
  readonly sifSil = new Map<string, number>();
  /** SIFs depending on a flow directly or through a procedure that backs them up (by id). */
  readonly sifsOfFlow = new Map<string, SifSil[]>();
  readonly emergencyOnFlow = new Set<string>();
  readonly safetyRequired = new Set<string>();
  readonly groupsOfAsset = new Map<string, GroupRef[]>();
  readonly sifElements = new Set<string>();
  /** Flows an asset carries or enforces: as endpoint, as firewall of a crossed conduit, as a switch. */
  readonly touches = new Map<string, Array<{ flow: string; role: TouchRole }>>();
  readonly conduitsOfFirewall = new Map<string, string[]>();
  /** Flows with the same endpoints, protocol and port: the redundant routes of each other. */
  readonly routes = new Map<string, string[]>();
  readonly assetsOfZone = new Map<string, AssetT[]>();
  readonly proceduresUsing = new Map<string, ProcedureT[]>();
  readonly proceduresOfRole = new Map<string, ProcedureT[]>();

  constructor(site: SiteDocument) {
    this.fw = new OracleEstate(site);
    for (const f of this.fw.flows) this.refFlows.set(f.id, f);
    for (const z of site.zones) this.zones.set(z.id, z);
    for (const a of site.assets) {
      this.assets.set(a.id, a);
      if (a.ip) this.assetIp.set(a.id, parseIpv4(a.ip)!);
      push(this.assetsOfZone, a.zone, a);
    }
    for (const c of site.conduits) {
      this.conduits.set(c.id, c);
      for (const fw of new Set(c.firewalls)) push(this.conduitsOfFirewall, fw, c.id);
    }
    for (const s of site.sifs) this.sifSil.set(s.id, s.sil);
    const sifsOf = new Map<string, Set<string>>();
    const addSif = (flow: string, sif: string) => sifsOf.set(flow, (sifsOf.get(flow) ?? new Set()).add(sif));
    for (const s of site.sifs) {
      for (const f of s.dependsOn) {
        addSif(f, s.id);
        this.safetyRequired.add(f);
      }
      for (const g of s.groups) {
        const ref: GroupRef = { sif: s.id, sil: s.sil, group: g.id, voting: g.voting, elements: g.elements };
        for (const a of new Set(g.elements)) {
          push(this.groupsOfAsset, a, ref);
          this.sifElements.add(a);
        }
      }
    }
    this.procedures = site.procedures;
    for (const p of site.procedures) {
      for (const f of p.dependsOn) {
        this.safetyRequired.add(f);
        if (p.emergency) this.emergencyOnFlow.add(f);
        for (const s of p.backsUp) addSif(f, s);
      }
      for (const a of new Set(p.uses)) push(this.proceduresUsing, a, p);
      for (const r of new Set(p.performedBy)) push(this.proceduresOfRole, r, p);
    }
    for (const [flow, ids] of sifsOf) this.sifsOfFlow.set(flow, [...ids].sort().map((id) => ({ id, sil: this.sifSil.get(id)! })));
    for (const f of site.flows) {
      this.flows.set(f.id, f);
      push(this.routes, routeKey(f), f.id);
      for (const a of new Set([f.from, f.to])) push(this.touches, a, { flow: f.id, role: 'endpoint' });
      for (const c of new Set(f.via)) for (const fw of new Set(this.conduits.get(c)?.firewalls ?? [])) push(this.touches, fw, { flow: f.id, role: 'firewall' });
      for (const a of new Set(f.routesThrough)) push(this.touches, a, { flow: f.id, role: 'routes-through' });
    }
  }

  private byIp?: Array<{ ip: number; asset: AssetT }>;

  /** Addressed assets whose address lies in lo..hi: binary search over assets sorted by address. */
  assetsInRange(lo: number, hi: number): AssetT[] {
    this.byIp ??= [...this.assetIp].map(([id, ip]) => ({ ip, asset: this.assets.get(id)! })).sort((a, b) => a.ip - b.ip);
    const all = this.byIp;
    let i = 0;
    for (let end = all.length; i < end;) {
      const mid = (i + end) >> 1;
      if (all[mid]!.ip < lo) i = mid + 1;
      else end = mid;
    }
    const out: AssetT[] = [];
    for (; i < all.length && all[i]!.ip <= hi; i++) out.push(all[i]!.asset);
    return out;
  }

  /** The other flows with this flow's endpoints, protocol and port. */
  alternates(flow: string): string[] {
    const f = this.flows.get(flow)!;
    return (this.routes.get(routeKey(f)) ?? []).filter((id) => id !== flow).sort();
  }

  /** Whether an asset going down interrupts a flow: endpoint, firewall of a crossed conduit, or on its route. */
  interrupts(asset: string, flow: string): boolean {
    const f = this.flows.get(flow)!;
    return f.from === asset || f.to === asset || f.routesThrough.includes(asset) ||
      f.via.some((c) => this.conduits.get(c)?.firewalls.includes(asset));
  }
}

const routeKey = (f: FlowT) => `${f.from}|${f.to}|${f.protocol}|${f.port ?? 0}`;
