// One plant's plan: its name, its asset budget and the sizes that follow from it, and its zones
// and (still rule-less) conduits.
import type { ConduitT, ZoneT } from '../model/site-schema.js';
import { siteCidr, zoneCidr } from './address-plan.js';
import type { Rng } from './random.js';
import { CONDUIT_SPECS, ZONE_SPECS, type ConduitKey, type ZoneKey } from './site-layout.js';

const PLACES = [
  'Aldmoor', 'Brackwater', 'Carnford', 'Dunholm', 'Eastreach', 'Fellgate', 'Greyhithe', 'Harrowby',
  'Ivelford', 'Kestrel Bay', 'Lowmarsh', 'Marrick', 'Northfleet', 'Oakridge', 'Pelham Sands', 'Quarrendon',
  'Ravensworth', 'Saltcote', 'Thornbury', 'Upwell', 'Varley', 'Westerhope', 'Yarrowfield', 'Zennor',
];
const PLANT_KINDS = [
  'Refinery', 'Chemical Works', 'Gas Terminal', 'Power Station', 'Water Treatment Works',
  'Pharmaceutical Plant', 'LNG Terminal', 'Paper Mill',
];

export interface SitePlan {
  index: number;
  /** Short id prefix, e.g. s007: keeps ids readable and unique across the estate. */
  code: string;
  name: string;
  budget: number;
  zoneKeys: ZoneKey[];
  conduitKeys: ConduitKey[];
  sifCount: number;
  logicSolvers: number;
  mannedHmis: number;
  /** Target number of flows: about one per ten assets. */
  flowTarget: number;
  /** Conduits that get a lazy zone-to-zone allow rule. */
  broad: Set<ConduitKey>;
}

export function planSite(rng: Rng, index: number, budget: number): SitePlan {
  const cycle = Math.floor(index / PLACES.length);
  const name = `${PLACES[index % PLACES.length]} ${rng.pick(PLANT_KINDS)}${cycle > 0 ? ` No. ${cycle + 1}` : ''}`;
  // Small sites have no utilities zone: their core must still fit a 50-asset budget.
  const withUtilities = budget >= 250 && rng.chance(0.7);
  const zoneKeys = ZONE_SPECS.map((z) => z.key).filter((k) => k !== 'utl' || withUtilities);
  const conduitKeys = CONDUIT_SPECS.map((c) => c.key).filter((k) => k !== 'ops-utl' || withUtilities);
  const flowTarget = Math.max(5, Math.round(budget / 10));
  const sifCount = Math.max(1, Math.round(budget / 40));
  // About 30 % of flows are safety-required and each logic solver brings about five of them.
  const logicSolvers = Math.min(sifCount, Math.max(1, Math.round((0.3 * flowTarget) / 5.5)));
  const broad = new Set(CONDUIT_SPECS.filter((c) => conduitKeys.includes(c.key) && rng.chance(c.broadChance)).map((c) => c.key));
  return {
    index,
    code: `s${String(index + 1).padStart(3, '0')}`,
    name,
    budget,
    zoneKeys,
    conduitKeys,
    sifCount,
    logicSolvers,
    mannedHmis: Math.min(6, Math.max(2, Math.round(budget / 120))),
    flowTarget,
    broad,
  };
}

export const zoneId = (plan: SitePlan, key: ZoneKey) => `${plan.code}-${key}`;
export const conduitId = (plan: SitePlan, key: ConduitKey) => `${plan.code}-cnd-${key}`;
export const firewallId = (plan: SitePlan, key: ConduitKey) => `${plan.code}-fw-${key}`;
export const planSiteCidr = (plan: SitePlan) => siteCidr(plan.index);

export function buildZones(rng: Rng, plan: SitePlan): Map<ZoneKey, ZoneT> {
  const zones = new Map<ZoneKey, ZoneT>();
  for (const spec of ZONE_SPECS) {
    if (!plan.zoneKeys.includes(spec.key)) continue;
    zones.set(spec.key, {
      id: zoneId(plan, spec.key),
      name: `${plan.name}: ${spec.label}`,
      purdueLevel: spec.purdueLevel,
      domain: spec.domain,
      slTarget: spec.slTarget,
      slAchieved: rng.int(spec.slAchieved[0], spec.slAchieved[1]),
      safety: spec.safety,
      cidr: zoneCidr(plan.index, spec.key),
      site: plan.name,
    });
  }
  return zones;
}

/** Conduits with their firewall; rules are added once the flows are known (rules.ts). */
export function buildConduits(plan: SitePlan): Map<ConduitKey, ConduitT> {
  const conduits = new Map<ConduitKey, ConduitT>();
  for (const spec of CONDUIT_SPECS) {
    if (!plan.conduitKeys.includes(spec.key)) continue;
    conduits.set(spec.key, {
      id: conduitId(plan, spec.key),
      name: `${plan.name}: ${spec.label}`,
      zones: [zoneId(plan, spec.zones[0]), zoneId(plan, spec.zones[1])],
      slTarget: spec.slTarget,
      defaultAction: 'deny',
      firewalls: [firewallId(plan, spec.key)],
      rules: [],
    });
  }
  return conduits;
}
