// The people side of a site: roles with the assets they work on, the manual ESD from the
// control room (an emergency layer of protection whose time budget authentication changes can
// break) and a routine SIS bypass procedure.
import type { ProcedureT, RoleT, SifT } from '../model/site-schema.js';
import { fromPool, type SiteAssets } from './assets.js';
import type { SiteFlows } from './flows.js';
import type { Rng } from './random.js';
import type { SitePlan } from './site-plan.js';

export function buildRoles(plan: SitePlan, site: SiteAssets): RoleT[] {
  const ids = (...lists: Array<Array<{ id: string }>>) => lists.flat().map((a) => a.id);
  const pool = (zone: Parameters<typeof fromPool>[1], role: string) => fromPool(site.pool, zone, role);
  const role = (key: string, name: string, accesses: string[]): RoleT => ({ id: `${plan.code}-role-${key}`, name: `${name} (${plan.name})`, accesses });
  return [
    role('operator', 'Control-room operator', ids(pool('ctl', 'hmi'))),
    role('shift-supervisor', 'Shift supervisor', ids(pool('ctl', 'hmi'), pool('ctl', 'panel'))),
    role('control-engineer', 'Control engineer', ids(pool('ctl', 'ews'), pool('ctl', 'dcs'))),
    role('safety-engineer', 'Safety engineer', ids(pool('sis', 'ews'), site.logicSolvers)),
    role('ot-admin', 'OT administrator', ids(pool('ops', 'server'), pool('ops', 'dc'), pool('ops', 'historian'), pool('dmz', 'jump'))),
    role('vendor-support', 'Vendor support engineer', ids(pool('vnd', 'laptop'), pool('ra', 'gateway'))),
  ];
}

export function buildProcedures(rng: Rng, plan: SitePlan, site: SiteAssets, flows: SiteFlows, sifs: readonly SifT[]): ProcedureT[] {
  const nominal = rng.int(20, 90);
  const backed = sifs.filter((s) => s.sil >= 2);
  return [
    {
      id: `${plan.code}-proc-manual-esd`,
      name: `${plan.name}: manual ESD from the control room`,
      emergency: true,
      nominalSeconds: nominal,
      // The slack (max − nominal) is what an MFA prompt may consume before the ESD is too late.
      maxSeconds: nominal + rng.int(5, 30),
      uses: fromPool(site.pool, 'ctl', 'hmi').map((a) => a.id),
      dependsOn: flows.perLogicSolver.map((f) => f.hmi.id),
      performedBy: [`${plan.code}-role-operator`, `${plan.code}-role-shift-supervisor`],
      backsUp: (backed.length > 0 ? backed : sifs).map((s) => s.id),
    },
    {
      id: `${plan.code}-proc-sis-bypass`,
      name: `${plan.name}: SIS bypass under management of change`,
      emergency: false,
      nominalSeconds: 900,
      maxSeconds: 3600,
      uses: fromPool(site.pool, 'sis', 'ews').map((a) => a.id),
      dependsOn: flows.perLogicSolver.map((f) => f.ews.id),
      performedBy: [`${plan.code}-role-safety-engineer`],
      backsUp: [],
    },
  ];
}
