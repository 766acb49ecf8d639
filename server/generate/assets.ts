// One site's assets: a fixed core every plant needs (firewalls, historians, the SIS and its
// engineering station, control-room HMIs, SIF instruments), then the rest of the site's budget
// apportioned over the bulk kinds (field instruments, office PCs, controllers) so that the site
// has exactly the number of assets planned for it.
import type { AssetT } from '../model/site-schema.js';
import { createAddressAllocator } from './address-plan.js';
import { apportion } from './apportion.js';
import { pushTo } from './push-to.js';
import type { Rng } from './random.js';
import { CONDUIT_SPECS, type ZoneKey } from './site-layout.js';
import { firewallId, zoneId, type SitePlan } from './site-plan.js';
import { channels, type SifSpec } from './sif-plan.js';
import { pickStandards, stampProduct } from './vendor-catalog.js';

type AssetType = AssetT['type'];

/** Assets by zone and role (`ctl:hmi`): what flows and rules pick their endpoints from. */
export type AssetPool = Map<string, AssetT[]>;
export const fromPool = (pool: AssetPool, zone: ZoneKey, role: string): AssetT[] => pool.get(`${zone}:${role}`) ?? [];

export interface SiteAssets {
  assets: AssetT[];
  pool: AssetPool;
  logicSolvers: AssetT[];
  /** Parallel to the SIF specs. */
  sifElements: Array<{ sensors: AssetT[]; finals: AssetT[] }>;
}

type Kind = readonly [zone: ZoneKey, role: string, type: AssetType, label: string];

const CORE: ReadonlyArray<Kind> = [
  ['ent', 'dc', 'domain-controller', 'Corporate domain controller'],
  ['ent', 'workstation', 'workstation', 'Office workstation'],
  ['dmz', 'historian', 'historian', 'Historian replica'],
  ['dmz', 'jump', 'jump-host', 'DMZ jump host'],
  ['dmz', 'patch', 'server', 'Patch and antivirus relay'],
  ['ops', 'historian', 'historian', 'Site historian'],
  ['ops', 'time', 'time-server', 'GPS time server'],
  ['ops', 'dc', 'domain-controller', 'OT domain controller'],
  ['ops', 'server', 'server', 'OPC UA aggregation server'],
  ['ops', 'switch', 'switch', 'Operations core switch'],
  ['ctl', 'dcs', 'dcs-controller', 'DCS controller'],
  ['ctl', 'ews', 'ews', 'DCS engineering workstation'],
  ['ctl', 'switch', 'switch', 'Control network switch A'],
  ['ctl', 'switch', 'switch', 'Control network switch B'],
  ['sis', 'ews', 'sis-ews', 'SIS engineering workstation'],
  ['sis', 'switch', 'switch', 'Safety network switch A'],
  ['sis', 'switch', 'switch', 'Safety network switch B'],
  ['fld', 'switch', 'switch', 'Field ring switch'],
  ['ra', 'gateway', 'jump-host', 'Remote access gateway'],
  ['vnd', 'laptop', 'workstation', 'Vendor support laptop'],
  ['vnd', 'cloud', 'cloud-service', 'Vendor remote support portal'],
];
const UTILITIES_CORE: ReadonlyArray<Kind> = [
  ['utl', 'plc', 'plc', 'Utilities PLC'],
  ['utl', 'rtu', 'rtu', 'Substation RTU'],
  ['utl', 'ied', 'ied', 'Feeder protection relay'],
];

// The bulk of a plant: [kind, weight, share with an IP address]. Many field instruments are
// still 4–20 mA/HART without an address; they can be SIF elements but never flow endpoints.
const FILL: ReadonlyArray<readonly [Kind, number, number]> = [
  [['fld', 'sensor', 'sensor', 'transmitter'], 40, 0.7],
  [['fld', 'valve', 'final-element', 'control valve'], 16, 0.6],
  [['fld', 'plc', 'plc', 'Package PLC'], 4, 1],
  [['fld', 'switch', 'switch', 'Field switch'], 1.5, 1],
  [['ctl', 'dcs', 'dcs-controller', 'DCS controller'], 4, 1],
  [['ctl', 'panel', 'hmi', 'Local operator panel'], 2, 1],
  [['ctl', 'ews', 'ews', 'DCS engineering workstation'], 1, 1],
  [['ctl', 'switch', 'switch', 'Control network switch'], 1, 1],
  [['ent', 'workstation', 'workstation', 'Office workstation'], 14, 1],
  [['ent', 'server', 'server', 'Business application server'], 3, 1],
  [['ops', 'server', 'server', 'Operations application server'], 3, 1],
  [['ops', 'workstation', 'workstation', 'Production planning workstation'], 2, 1],
  [['dmz', 'server', 'server', 'DMZ application server'], 1, 1],
  [['utl', 'ied', 'ied', 'Protection relay'], 4, 1],
  [['utl', 'rtu', 'rtu', 'Substation RTU'], 1.5, 1],
  [['utl', 'plc', 'plc', 'Utilities PLC'], 1, 1],
];

const INSTRUMENTS = [['PT', 'pressure transmitter'], ['TT', 'temperature transmitter'], ['FT', 'flow transmitter'], ['LT', 'level transmitter'], ['AT', 'analyser']] as const;
const VALVES = [['FV', 'flow control valve'], ['PV', 'pressure control valve'], ['LV', 'level control valve']] as const;

export function buildAssets(rng: Rng, plan: SitePlan, sifs: readonly SifSpec[]): SiteAssets {
  const standards = pickStandards(rng);
  const nextIp = createAddressAllocator(plan.index);
  const assets: AssetT[] = [];
  const pool: AssetPool = new Map();
  const counters = new Map<string, number>();
  let tagNumber = 1000;

  const add = (kind: Kind, opts: { ip?: boolean; manned?: boolean; id?: string; name?: string } = {}): AssetT => {
    const [zone, role, type, label] = kind;
    const n = (counters.get(`${zone}:${role}`) ?? 0) + 1;
    counters.set(`${zone}:${role}`, n);
    const nn = String(n).padStart(2, '0');
    const withIp = opts.ip ?? true;
    const asset: AssetT = {
      id: opts.id ?? `${plan.code}-${zone}-${role}-${nn}`,
      name: opts.name ?? `${label} ${nn}`,
      type,
      zone: zoneId(plan, zone),
      ...(withIp ? { ip: nextIp(zone) } : {}),
      ...stampProduct(rng, type, standards),
      manned: opts.manned ?? false,
    };
    assets.push(asset);
    const key = `${zone}:${withIp ? role : `${role}-analog`}`;
    pushTo(pool, key, asset);
    return asset;
  };
  const tagged = (kind: Kind, tag: string, what: string, ip: boolean) =>
    add(kind, { ip, id: `${plan.code}-${tag.toLowerCase()}`, name: `${tag} ${what}` });

  for (const kind of plan.zoneKeys.includes('utl') ? [...CORE, ...UTILITIES_CORE] : CORE) add(kind);
  for (const spec of CONDUIT_SPECS.filter((c) => plan.conduitKeys.includes(c.key))) {
    add([spec.firewallZone, 'firewall', 'firewall', ''], { id: firewallId(plan, spec.key), name: `Firewall ${spec.label.toLowerCase()}` });
  }
  for (let i = 0; i < plan.mannedHmis; i++) add(['ctl', 'hmi', 'hmi', 'Control-room operator station'], { manned: true });
  const logicSolvers = Array.from({ length: plan.logicSolvers }, () => add(['sis', 'ls', 'sis-logic-solver', 'SIS logic solver']));

  // SIF instruments are tagged by SIF and channel (PT-3004A/B/C), apart from the BPCS ones.
  const sifElements = sifs.map((sif) => {
    const channel = (voting: string, kind: Kind, tag: string, what: string, ip: () => boolean) =>
      Array.from({ length: channels(voting) }, (_, c) =>
        tagged(kind, `${tag}-${3000 + sif.number}${'ABC'[c]}`, `${what} (SIF ${sif.number}, ${sif.equipmentTag})`, ip()));
    return {
      sensors: channel(sif.sensorVoting, ['fld', 'sif-sensor', 'sensor', ''], sif.template.sensorTag, sif.template.sensorKind, () => rng.chance(0.5)),
      finals: channel(sif.finalVoting, ['fld', 'sif-final', 'final-element', ''], sif.template.finalTag, sif.template.finalKind, () => false),
    };
  });

  const remaining = plan.budget - assets.length;
  if (remaining < 0) throw new RangeError(`site ${plan.code}: budget ${plan.budget} is below its core of ${assets.length} assets`);
  const fill = FILL.filter(([[zone]]) => plan.zoneKeys.includes(zone));
  // Jitter the mix per site so that plants differ, then hit the budget exactly.
  const counts = apportion(remaining, fill.map(([, w]) => w * (0.75 + rng.next() * 0.5)));
  fill.forEach(([kind, , ipShare], i) => {
    for (let k = 0; k < counts[i]!; k++) {
      const ip = ipShare >= 1 || rng.chance(ipShare);
      if (kind[1] === 'sensor') {
        const [tag, what] = rng.pick(INSTRUMENTS);
        tagged(kind, `${tag}-${tagNumber++}`, what, ip);
      } else if (kind[1] === 'valve') {
        const [tag, what] = rng.pick(VALVES);
        tagged(kind, `${tag}-${tagNumber++}`, what, ip);
      } else add(kind, { ip });
    }
  });
  return { assets, pool, logicSolvers, sifElements };
}
