// Pure transform from the export queries' rows back to a site document: the inverse of
// to-graph.ts. Derived properties (integer ranges, the rule's conduit) are dropped here.
import type { AssetT, ConduitT, Endpoint, FlowT, ProcedureT, RoleT, SifT, SiteDocument, ZoneT } from '../model/site-schema.js';
import type { Props } from './to-graph.js';

type Row = Record<string, unknown>;
export type ExportRows = Record<
  'siteInfo' | 'zones' | 'assets' | 'conduits' | 'flows' | 'sifs' | 'procedures' | 'roles' |
  'frameworks' | 'requirements' | 'controls' | 'evidence' | 'risks',
  Row[]
>;

const DERIVED = new Set(['cidrLo', 'cidrHi', 'ipInt', 'safetyRequired']);

function props(row: Row): Props {
  return Object.fromEntries(Object.entries(row.props as Props).filter(([k]) => !DERIVED.has(k)));
}

const ids = (value: unknown) => value as string[];

function endpoint(rule: Props, side: 'src' | 'dst'): Endpoint {
  if (rule[`${side}Asset`] !== undefined) return { asset: rule[`${side}Asset`] as string };
  if (rule[`${side}Zone`] !== undefined) return { zone: rule[`${side}Zone`] as string };
  return rule[side] as Endpoint;
}

function ruleFromProps(rule: Props) {
  const { id, seq, action, protocol, ports, description } = rule;
  return dropUndefined({ id, seq, action, protocol, src: endpoint(rule, 'src'), dst: endpoint(rule, 'dst'), ports, description });
}

function dropUndefined<T extends Props>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const zoneFromRow = (r: Row) => props(r) as ZoneT;
export const assetFromRow = (r: Row) => ({ ...props(r), zone: r.zone }) as AssetT;
export const conduitFromRow = (r: Row) => ({
  ...props(r),
  zones: r.zones,
  firewalls: r.firewalls,
  rules: (r.rules as Props[]).map(ruleFromProps),
}) as ConduitT;
export const flowFromRow = (r: Row) => ({ ...props(r), from: r.from, to: r.to, via: r.via, routesThrough: r.routesThrough }) as FlowT;
export const sifFromRow = (r: Row) => ({ ...props(r), groups: groupsFromElements(r.elements as Props[]), dependsOn: ids(r.dependsOn) }) as SifT;
export const procedureFromRow = (r: Row) => ({
  ...props(r), uses: r.uses, dependsOn: r.dependsOn, performedBy: r.performedBy, backsUp: r.backsUp,
}) as ProcedureT;
export const roleFromRow = (r: Row) => ({ ...props(r), accesses: r.accesses }) as RoleT;

export function fromGraphRows(rows: ExportRows): SiteDocument {
  const site = rows.siteInfo[0] ? props(rows.siteInfo[0]) : undefined;
  const doc = {
    ...(site ? { site } : {}),
    zones: rows.zones.map(zoneFromRow),
    assets: rows.assets.map(assetFromRow),
    conduits: rows.conduits.map(conduitFromRow),
    flows: rows.flows.map(flowFromRow),
    sifs: rows.sifs.map(sifFromRow),
    procedures: rows.procedures.map(procedureFromRow),
    roles: rows.roles.map(roleFromRow),
    frameworks: rows.frameworks.map(props),
    requirements: rows.requirements.map((r) => ({ ...props(r), framework: r.framework, equivalentTo: r.equivalentTo })),
    controls: rows.controls.map((r) => controlFromRow(r)),
    evidence: rows.evidence.map((r) => ({ ...props(r), supports: r.supports })),
    risks: rows.risks.map((r) => ({ ...props(r), affects: r.affects })),
  };
  return doc as unknown as SiteDocument;
}

function groupsFromElements(elements: Props[]) {
  const groups: Array<{ id: string; role: unknown; voting: unknown; elements: string[] }> = [];
  for (const el of elements) {
    let group = groups[el.groupSeq as number];
    if (!group) {
      group = { id: el.group as string, role: el.role, voting: el.voting, elements: [] };
      groups[el.groupSeq as number] = group;
    }
    group.elements.push(el.asset as string);
  }
  return groups.filter(Boolean);
}

function controlFromRow(row: Row) {
  const { itStatus, itMaturity, otStatus, otMaturity, ...rest } = props(row);
  const assessment: Props = {};
  if (itStatus !== undefined) assessment.IT = { status: itStatus, maturity: itMaturity };
  if (otStatus !== undefined) assessment.OT = { status: otStatus, maturity: otMaturity };
  return { ...rest, satisfies: row.satisfies, appliesTo: row.appliesTo, mitigates: row.mitigates, assessment };
}
