// A synthetic site of a given size for the scale tests: zones on every Purdue level, each chained
// to one on the level below by a firewalled conduit, assets spread evenly, and flows inside zones
// and across conduits. Deterministic (seeded), valid by the site document's own rules.
import type { SiteDocumentInput } from '../../../server/model/site-schema.js';

const LEVELS: Array<[number, 'IT' | 'OT', number]> = [[5, 'IT', 2], [4, 'IT', 5], [3.5, 'OT', 3], [3, 'OT', 8], [2, 'OT', 10], [1, 'OT', 6], [0, 'OT', 6]];
const TYPES: Record<number, string[]> = {
  5: ['cloud-service', 'workstation'], 4: ['server', 'workstation', 'domain-controller'], 3.5: ['jump-host', 'historian', 'server'],
  3: ['historian', 'server', 'time-server', 'domain-controller'], 2: ['dcs-controller', 'hmi', 'ews', 'plc', 'switch'],
  1: ['plc', 'rtu', 'ied', 'switch'], 0: ['sensor', 'final-element', 'switch'],
};

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

export function bigSite(assetCount: number, flowCount: number): SiteDocumentInput {
  const rnd = random(42);
  const zones = LEVELS.flatMap(([level, domain, n]) => Array.from({ length: n }, (_, i) => ({ level, domain, i })))
    .map(({ level, domain, i }, zi) => ({
      id: `bz-${String(level).replace('.', '_')}-${i}`, name: `Zone ${level}-${i}`, purdueLevel: level, domain,
      slTarget: 2, slAchieved: zi % 5 === 0 ? 1 : 2, safety: level === 1 && i === 0, cidr: `10.${zi + 1}.0.0/16`,
    }));
  const assets: NonNullable<SiteDocumentInput['assets']> = [];
  const firewallOf = new Map<string, string>();
  zones.forEach((z, zi) => {
    const id = `fw-${z.id}`;
    firewallOf.set(z.id, id);
    assets.push({ id, name: `Firewall of ${z.name}`, type: 'firewall', zone: z.id, ip: `10.${zi + 1}.0.1` });
  });
  for (let k = 0; assets.length < assetCount; k += 1) {
    const zi = k % zones.length;
    const z = zones[zi]!;
    const n = Math.floor(k / zones.length) + 2;
    const types = TYPES[z.purdueLevel]!;
    assets.push({ id: `a-${zi}-${n}`, name: `Asset ${n} of ${z.name}`, type: types[n % types.length] as 'server', zone: z.id, ip: `10.${zi + 1}.${Math.floor(n / 250)}.${(n % 250) + 2}` });
  }
  // Each zone is joined to one zone of the next level down (and the DMZ to both IT and OT sides).
  const conduits: NonNullable<SiteDocumentInput['conduits']> = [];
  for (let l = 0; l + 1 < LEVELS.length; l += 1) {
    const upper = zones.filter((z) => z.purdueLevel === LEVELS[l]![0]);
    const lower = zones.filter((z) => z.purdueLevel === LEVELS[l + 1]![0]);
    lower.forEach((lo, i) => {
      const up = upper[i % upper.length]!;
      conduits.push({ id: `c-${up.id}-${lo.id}`, name: `${up.name} to ${lo.name}`, zones: [up.id, lo.id], slTarget: 2, firewalls: [firewallOf.get(lo.id)!], rules: [] });
    });
  }
  const byZone = new Map<string, string[]>();
  for (const a of assets) byZone.set(a.zone, [...(byZone.get(a.zone) ?? []), a.id]);
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)]!;
  const flows: NonNullable<SiteDocumentInput['flows']> = [];
  for (let f = 0; f < flowCount; f += 1) {
    const c = conduits[f % conduits.length]!;
    const across = f % 3 === 0;
    const from = pick(byZone.get(c.zones[0])!);
    let to = pick(byZone.get(across ? c.zones[1] : c.zones[0])!);
    if (to === from) to = byZone.get(c.zones[0])!.find((a) => a !== from)!;
    flows.push({ id: `f-${f}`, from, to, protocol: 'tcp', port: 1000 + (f % 500), purpose: 'Synthetic', via: across ? [c.id] : [] });
  }
  return { site: { id: 'big', name: 'Synthetic large estate' }, zones, assets, conduits, flows };
}
