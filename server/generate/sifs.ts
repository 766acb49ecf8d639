// SIF documents from their plans: element groups over the instruments built for them and the
// site's logic solvers, and the safety flows each depends on. The first SIF on every logic
// solver depends on all of that solver's flows, so no safety flow is left without a dependant.
import type { SifT } from '../model/site-schema.js';
import type { SiteAssets } from './assets.js';
import type { SiteFlows } from './flows.js';
import type { Rng } from './random.js';
import type { SifSpec } from './sif-plan.js';
import type { SitePlan } from './site-plan.js';

export function buildSifs(rng: Rng, plan: SitePlan, specs: readonly SifSpec[], site: SiteAssets, flows: SiteFlows): SifT[] {
  return specs.map((spec, i) => {
    const id = `${plan.code}-sif-${String(spec.number).padStart(2, '0')}`;
    const elements = site.sifElements[i]!;
    const home = flows.perLogicSolver[spec.logicSolvers[0]!]!;
    const first = i < plan.logicSolvers;
    const dependsOn = [
      ...spec.logicSolvers.flatMap((ls) => flows.perLogicSolver[ls]!.trip.map((f) => f.id)),
      ...(first || rng.chance(0.5) ? [home.ntp.id] : []),
      ...(first || rng.chance(0.3) ? [home.ews.id] : []),
      ...(home.peer && (first || spec.logicSolvers.length > 1) ? [home.peer.id] : []),
    ];
    return {
      id,
      name: `${plan.name}: ${spec.template.trip} on ${spec.equipmentTag}`,
      sil: spec.sil,
      hazard: spec.template.hazard.replace('{eq}', spec.equipmentTag),
      responseTimeMs: rng.int(5, 30) * 100,
      // Higher integrity needs more frequent proof tests to hold its PFDavg.
      proofTestMonths: spec.sil === 3 ? 12 : spec.sil === 2 ? rng.pick([12, 24]) : rng.pick([24, 36]),
      groups: [
        { id: `${id}-sensors`, role: 'SENSOR', voting: spec.sensorVoting, elements: elements.sensors.map((a) => a.id) },
        { id: `${id}-logic`, role: 'LOGIC', voting: spec.logicVoting, elements: spec.logicSolvers.map((ls) => site.logicSolvers[ls]!.id) },
        { id: `${id}-finals`, role: 'FINAL_ELEMENT', voting: spec.finalVoting, elements: elements.finals.map((a) => a.id) },
      ],
      dependsOn,
    };
  });
}
