// An assurance site (the oracle's input: governance plus the little topology §5 reads) as a whole
// site document the graph can load: every zone gets an address range, every asset an address,
// every flow between zones a conduit of its own, every SIF one voting group of its elements.
import type { SiteDocumentInput } from '../../server/model/site-schema.js';
import type { AssuranceSite } from '../../server/oracle/assurance/assurance-site.js';

export function siteDocumentOf({ governance, topology }: AssuranceSite): SiteDocumentInput {
  const zoneIndex = new Map(topology.zones.map((z, i) => [z.id, i + 1]));
  const zoneOf = new Map(topology.assets.map((a) => [a.id, a.zone]));
  const conduits = new Map<string, { id: string; name: string; zones: [string, string]; slTarget: number }>();
  const flows = topology.flows.map((f, i) => {
    const [za, zb] = [zoneOf.get(f.from)!, zoneOf.get(f.to)!];
    const via: string[] = [];
    if (za !== zb) {
      const pair = [za, zb].sort() as [string, string];
      const id = `c-${pair.join('-')}`;
      conduits.set(id, { id, name: id, zones: pair, slTarget: 1 });
      via.push(id);
    }
    return { id: `f-${i + 1}`, from: f.from, to: f.to, protocol: 'tcp' as const, port: 502, purpose: 'test', via };
  });
  const sifs = [...new Set(topology.sifElements.map((e) => e.sif))].map((sif) => {
    const elements = topology.sifElements.filter((e) => e.sif === sif).map((e) => e.asset);
    return { id: sif, name: sif, sil: 2, hazard: 'test', groups: [{ id: 'g1', role: 'SENSOR' as const, voting: `1oo${elements.length}`, elements }] };
  });
  return {
    zones: topology.zones.map((z) => ({ ...z, name: z.id, cidr: `10.${zoneIndex.get(z.id)}.0.0/24` })),
    assets: topology.assets.map((a, i) => ({ id: a.id, name: a.id, type: 'server' as const, zone: a.zone, ip: `10.${zoneIndex.get(a.zone)}.0.${i + 1}` })),
    conduits: [...conduits.values()],
    flows,
    sifs,
    ...governance,
  };
}
