// What the assurance oracle reads: the governance entities and the little topology §5 needs, as
// plain data, with lookups built once. It is the independent in-memory reading of DOMAIN.md §5
// that the Cypher projection is property-tested against, so it is written for clarity, not speed.
import type {
  ControlT, DomainT, EvidenceT, FrameworkT, GovernanceT, MappingT, RelationshipT, RequirementT, RiskT,
} from '../../model/governance-schema.js';
import type { SiteDocument } from '../../model/site-schema.js';

export interface ZoneFacts { id: string; purdueLevel: number; domain: DomainT; slTarget: number; slAchieved: number; safety: boolean }
export interface Topology {
  zones: ZoneFacts[];
  assets: Array<{ id: string; zone: string }>;
  flows: Array<{ from: string; to: string }>;
  sifElements: Array<{ sif: string; asset: string }>;
}

export interface AssuranceSite {
  governance: GovernanceT;
  topology: Topology;
}

/** The topology part of a site document, as the oracle reads it. */
export function topologyOf(site: Pick<SiteDocument, 'zones' | 'assets' | 'flows' | 'sifs'>): Topology {
  return {
    zones: site.zones.map(({ id, purdueLevel, domain, slTarget, slAchieved, safety }) => ({ id, purdueLevel, domain, slTarget, slAchieved, safety })),
    assets: site.assets.map(({ id, zone }) => ({ id, zone })),
    flows: site.flows.map(({ from, to }) => ({ from, to })),
    sifElements: site.sifs.flatMap((s) => s.groups.flatMap((g) => g.elements.map((asset) => ({ sif: s.id, asset })))),
  };
}

/** A mapping as seen from one of its ends: `other` relates to `self` as `relationship` says. */
export interface MappingView { mapping: MappingT; self: string; other: string; relationship: RelationshipT }

// 5.5a: a mapping read from its `to` end has its relationship inverted (a subset b = b superset a).
const INVERSE: Record<RelationshipT, RelationshipT> = { equal: 'equal', subset: 'superset', superset: 'subset', intersect: 'intersect' };

const group = <T>(items: T[], keys: (item: T) => string[]) => {
  const map = new Map<string, T[]>();
  for (const item of items) for (const key of new Set(keys(item))) map.set(key, [...(map.get(key) ?? []), item]);
  return map;
};

export class AssuranceIndex {
  readonly frameworks: Map<string, FrameworkT>;
  readonly requirements: Map<string, RequirementT>;
  readonly controls: Map<string, ControlT>;
  readonly zones: Map<string, ZoneFacts>;
  readonly zoneOfAsset: Map<string, string>;
  readonly controlsSatisfying: Map<string, ControlT[]>;
  readonly evidenceSupporting: Map<string, EvidenceT[]>;
  readonly controlsMitigating: Map<string, ControlT[]>;
  readonly assetsInZone: Map<string, string[]>;
  /** Per requirement, every mapping touching it, read from the other end towards it. */
  readonly mappingsInto: Map<string, MappingView[]>;

  constructor(readonly site: AssuranceSite, readonly asOf: string) {
    const g = site.governance;
    this.frameworks = new Map(g.frameworks.map((f) => [f.id, f]));
    this.requirements = new Map(g.requirements.map((r) => [r.id, r]));
    this.controls = new Map(g.controls.map((c) => [c.id, c]));
    this.zones = new Map(site.topology.zones.map((z) => [z.id, z]));
    this.zoneOfAsset = new Map(site.topology.assets.map((a) => [a.id, a.zone]));
    this.controlsSatisfying = group(g.controls, (c) => c.satisfies);
    this.evidenceSupporting = group(g.evidence, (e) => e.supports);
    this.controlsMitigating = group(g.controls, (c) => c.mitigates);
    this.assetsInZone = new Map();
    for (const a of site.topology.assets) this.assetsInZone.set(a.zone, [...(this.assetsInZone.get(a.zone) ?? []), a.id]);
    this.mappingsInto = new Map();
    const add = (view: MappingView) => this.mappingsInto.set(view.self, [...(this.mappingsInto.get(view.self) ?? []), view]);
    for (const m of g.mappings) {
      add({ mapping: m, self: m.to, other: m.from, relationship: m.relationship });
      add({ mapping: m, self: m.from, other: m.to, relationship: INVERSE[m.relationship] });
    }
  }

  get risks(): RiskT[] { return this.site.governance.risks; }

  /** 5.5a: a requirement is evaluated only in the domains its framework scopes. */
  scopes(requirement: RequirementT, domain: DomainT): boolean {
    return this.frameworks.get(requirement.framework)?.domains.includes(domain) ?? false;
  }

  static covers(control: ControlT, domain: DomainT): boolean {
    return control.domain === 'BOTH' || control.domain === domain;
  }
}
