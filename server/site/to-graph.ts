// Pure transform from a validated site document to the rows the load queries UNWIND. Addresses
// are resolved here to integer ranges so rule matching in Cypher is integer comparison; the
// symbolic form (asset, zone, CIDR text) is kept beside it so export is lossless.
import { addressRange, parseCidr, parseIpv4, type IntRange } from '../model/ipv4.js';
import { parsePorts } from '../model/ports.js';
import type { AssetT, Endpoint, FirewallRuleT, SiteDocument, ZoneT } from '../model/site-schema.js';

export type Props = Record<string, unknown>;

export interface GraphRows {
  siteInfo: Array<{ props: Props }>;
  zones: Array<{ props: Props }>;
  assets: Array<{ props: Props; zone: string }>;
  conduits: Array<{ props: Props; zones: string[]; firewalls: string[] }>;
  rules: Array<{ props: Props; conduit: string }>;
  flows: Array<{ props: Props; from: string; to: string; via: string[]; routesThrough: string[] }>;
  sifs: Array<{ props: Props; elements: Props[]; dependsOn: string[] }>;
  roles: Array<{ props: Props; accesses: string[] }>;
  procedures: Array<{ props: Props; uses: string[]; dependsOn: string[]; performedBy: string[]; backsUp: string[] }>;
  frameworks: Array<{ props: Props }>;
  requirements: Array<{ props: Props; framework: string }>;
  equivalences: Array<{ id: string; equivalentTo: string[] }>;
  risks: Array<{ props: Props; affects: string[] }>;
  controls: Array<{ props: Props; satisfies: string[]; appliesTo: string[]; mitigates: string[] }>;
  evidence: Array<{ props: Props; supports: string[] }>;
}

/** Drops undefined so Neo4j stores no property rather than a null. */
function clean(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

export interface AddressBook {
  assetIp(id: string): number | undefined;
  zoneRange(id: string): IntRange | undefined;
}

export function addressBook(assets: Iterable<Pick<AssetT, 'id' | 'ip'>>, zones: Iterable<Pick<ZoneT, 'id' | 'cidr'>>): AddressBook {
  const ips = new Map<string, number>();
  for (const a of assets) if (a.ip) ips.set(a.id, parseIpv4(a.ip)!);
  const ranges = new Map<string, IntRange>();
  for (const z of zones) if (z.cidr) ranges.set(z.id, parseCidr(z.cidr)!);
  return { assetIp: (id) => ips.get(id), zoneRange: (id) => ranges.get(id) };
}

/** A rule endpoint as stored: its symbolic form and its resolved integer range. */
export function endpointProps(side: 'src' | 'dst', endpoint: Endpoint, book: AddressBook): Props {
  let range: IntRange | undefined;
  let symbolic: Props;
  if (typeof endpoint === 'string') {
    range = addressRange(endpoint) ?? undefined;
    symbolic = { [side]: endpoint };
  } else if ('asset' in endpoint) {
    const ip = book.assetIp(endpoint.asset);
    range = ip === undefined ? undefined : { lo: ip, hi: ip };
    symbolic = { [`${side}Asset`]: endpoint.asset };
  } else {
    range = book.zoneRange(endpoint.zone);
    symbolic = { [`${side}Zone`]: endpoint.zone };
  }
  if (!range) throw new Error(`rule ${side} ${JSON.stringify(endpoint)} does not resolve to an address range`);
  return { ...symbolic, [`${side}Lo`]: range.lo, [`${side}Hi`]: range.hi };
}

export function ruleProps(rule: FirewallRuleT, conduit: string, book: AddressBook): Props {
  const ports = parsePorts(rule.ports)!;
  return clean({
    id: rule.id,
    conduit,
    seq: rule.seq,
    action: rule.action,
    protocol: rule.protocol,
    ports: rule.ports,
    portLo: ports.lo,
    portHi: ports.hi,
    description: rule.description,
    ...endpointProps('src', rule.src, book),
    ...endpointProps('dst', rule.dst, book),
  });
}

export function zoneProps(zone: ZoneT): Props {
  const range = zone.cidr ? parseCidr(zone.cidr) : null;
  return clean({ ...zone, cidrLo: range?.lo, cidrHi: range?.hi });
}

export function assetProps(asset: AssetT): Props {
  const { zone: _zone, ...rest } = asset;
  return clean({ ...rest, ipInt: asset.ip ? parseIpv4(asset.ip)! : undefined });
}

export function toGraphRows(site: SiteDocument): GraphRows {
  const book = addressBook(site.assets, site.zones);
  return {
    siteInfo: site.site ? [{ props: clean({ ...site.site }) }] : [],
    zones: site.zones.map((z) => ({ props: zoneProps(z) })),
    assets: site.assets.map((a) => ({ props: assetProps(a), zone: a.zone })),
    conduits: site.conduits.map(({ zones, firewalls, rules: _rules, ...props }) => ({ props: clean(props), zones: [...zones], firewalls })),
    rules: site.conduits.flatMap((c) => c.rules.map((r) => ({ props: ruleProps(r, c.id, book), conduit: c.id }))),
    flows: site.flows.map(({ from, to, via, routesThrough, ...props }) => ({ props: clean(props), from, to, via, routesThrough })),
    sifs: site.sifs.map(({ groups, dependsOn, ...props }) => ({
      props: clean(props),
      dependsOn,
      elements: groups.flatMap((g, groupSeq) =>
        g.elements.map((asset, seq) => ({ asset, role: g.role, group: g.id, voting: g.voting, groupSeq, seq }))),
    })),
    roles: site.roles.map(({ accesses, ...props }) => ({ props: clean(props), accesses })),
    procedures: site.procedures.map(({ uses, dependsOn, performedBy, backsUp, ...props }) => ({ props: clean(props), uses, dependsOn, performedBy, backsUp })),
    frameworks: site.frameworks.map((f) => ({ props: clean({ ...f }) })),
    requirements: site.requirements.map(({ framework, equivalentTo: _eq, ...props }) => ({ props: clean(props), framework })),
    equivalences: site.requirements.filter((r) => r.equivalentTo.length > 0).map((r) => ({ id: r.id, equivalentTo: r.equivalentTo })),
    risks: site.risks.map(({ affects, ...props }) => ({ props: clean(props), affects })),
    controls: site.controls.map(({ satisfies, appliesTo, mitigates, assessment, ...props }) => ({
      props: clean({
        ...props,
        itStatus: assessment.IT?.status,
        itMaturity: assessment.IT?.maturity,
        otStatus: assessment.OT?.status,
        otMaturity: assessment.OT?.maturity,
      }),
      satisfies,
      appliesTo,
      mitigates,
    })),
    evidence: site.evidence.map(({ supports, ...props }) => ({ props: clean(props), supports })),
  };
}

export function countRows(rows: GraphRows): { nodes: number; relationships: number } {
  const nodes = rows.siteInfo.length + rows.zones.length + rows.assets.length + rows.conduits.length +
    rows.rules.length + rows.flows.length + rows.sifs.length + rows.roles.length + rows.procedures.length +
    rows.frameworks.length + rows.requirements.length + rows.risks.length + rows.controls.length + rows.evidence.length;
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((acc, x) => acc + f(x), 0);
  const relationships = rows.assets.length +
    sum(rows.conduits, (c) => c.zones.length + c.firewalls.length) + rows.rules.length +
    sum(rows.flows, (f) => 2 + f.via.length + f.routesThrough.length) +
    sum(rows.sifs, (s) => s.elements.length + s.dependsOn.length) +
    sum(rows.roles, (r) => r.accesses.length) +
    sum(rows.procedures, (p) => p.uses.length + p.dependsOn.length + p.performedBy.length + p.backsUp.length) +
    rows.requirements.length + sum(rows.equivalences, (e) => e.equivalentTo.length) +
    sum(rows.risks, (r) => r.affects.length) +
    sum(rows.controls, (c) => c.satisfies.length + c.appliesTo.length + c.mitigates.length) +
    sum(rows.evidence, (e) => e.supports.length);
  return { nodes, relationships };
}
