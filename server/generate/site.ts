// One plant, composed: plan → zones → SIF plans → assets → conduits → flows → SIFs, people →
// rules. Rules come last because they are written for the flows (allow what the plant needs,
// minus a few misconfigurations), as a site's firewall administrator would.
import type { AssetT, ConduitT, FlowT, ProcedureT, RoleT, SifT, ZoneT } from '../model/site-schema.js';
import { buildAssets, type AssetPool } from './assets.js';
import { buildFlows, type PlannedFlow } from './flows.js';
import { buildProcedures, buildRoles } from './procedures.js';
import { pushTo } from './push-to.js';
import type { Rng } from './random.js';
import { buildRuleSet, type RuleContext } from './rules.js';
import { planSifs } from './sif-plan.js';
import { buildSifs } from './sifs.js';
import type { ConduitKey, ZoneKey } from './site-layout.js';
import { buildConduits, buildZones, planSite, planSiteCidr, type SitePlan } from './site-plan.js';

export interface GeneratedSite {
  plan: SitePlan;
  zones: Map<ZoneKey, ZoneT>;
  conduits: Map<ConduitKey, ConduitT>;
  assets: AssetT[];
  pool: AssetPool;
  logicSolvers: AssetT[];
  flows: FlowT[];
  sifs: SifT[];
  procedures: ProcedureT[];
  roles: RoleT[];
}

export function generateSite(rng: Rng, index: number, budget: number): GeneratedSite {
  const plan = planSite(rng, index, budget);
  const zones = buildZones(rng, plan);
  const sifSpecs = planSifs(rng, plan.sifCount, plan.logicSolvers);
  const site = buildAssets(rng, plan, sifSpecs);
  const conduits = buildConduits(plan);
  const flows = buildFlows(rng, plan, site);
  const sifs = buildSifs(rng, plan, sifSpecs, site, flows);
  const roles = buildRoles(plan, site);
  const procedures = buildProcedures(rng, plan, site, flows, sifs);

  const zoneOf = (asset: AssetT) => asset.zone.slice(plan.code.length + 1) as ZoneKey;
  const hosts = new Map<ZoneKey, AssetT[]>();
  for (const asset of site.assets) {
    // Firewalls are never the endpoints a rule is written for.
    if (asset.ip === undefined || asset.type === 'firewall') continue;
    pushTo(hosts, zoneOf(asset), asset);
  }
  const crossing = new Map<string, PlannedFlow[]>();
  for (const planned of flows.planned) {
    if (planned.denied) continue;
    for (const id of planned.flow.via) pushTo(crossing, id, planned);
  }
  const ctx: RuleContext = { plan, zones, siteCidr: planSiteCidr(plan), hosts, zoneOf };
  for (const [key, conduit] of conduits) conduit.rules = buildRuleSet(rng, ctx, key, crossing.get(conduit.id) ?? []);

  return {
    plan, zones, conduits, assets: site.assets, pool: site.pool, logicSolvers: site.logicSolvers,
    flows: flows.planned.map((p) => p.flow), sifs, procedures, roles,
  };
}
