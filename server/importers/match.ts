// What one line of a firewall configuration matches, as a product Interlock can expand into rules:
// a set of modelled protocols × source addresses × destination addresses × destination ports.
// Flows in Interlock are tcp, udp or icmp, carry no source port, and are decided on their
// opening packet, so these four sets are all a rule can hold.
import { PORT_MAX, PORT_MIN } from '../model/ports.js';
import { ALL_ADDRESSES, covers, intersect, type RangeSet } from './range-set.js';

export const MODELLED_PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;
export type ModelledProtocol = (typeof MODELLED_PROTOCOLS)[number];

export const ALL_PORTS = { lo: PORT_MIN, hi: PORT_MAX };

export interface Match {
  protocols: ModelledProtocol[];
  src: RangeSet;
  dst: RangeSet;
  /** Destination ports; anything short of 1–65535 excludes icmp, which has none. */
  ports: RangeSet;
}

export const matchAll = (): Match => ({ protocols: [...MODELLED_PROTOCOLS], src: [ALL_ADDRESSES], dst: [ALL_ADDRESSES], ports: [ALL_PORTS] });

export const allPorts = (ports: RangeSet) => covers(ports, ALL_PORTS);

/** Both conditions at once (a jump's matches and the called chain's rule, or two option lists). */
export function both(a: Match, b: Match): Match {
  const ports = intersect(intersect(a.ports, b.ports), [ALL_PORTS]);
  const protocols = a.protocols.filter((p) => b.protocols.includes(p) && (p !== 'icmp' || allPorts(ports)));
  return { protocols, src: intersect(a.src, b.src), dst: intersect(a.dst, b.dst), ports };
}

export function isEmpty(m: Match): boolean {
  return m.protocols.length === 0 || m.src.length === 0 || m.dst.length === 0 || m.ports.length === 0;
}

const within = (inner: RangeSet, outer: RangeSet) => inner.every((r) => covers(outer, r));

/** Everything `inner` matches, `outer` matches too. */
export function coveredBy(inner: Match, outer: Match): boolean {
  return inner.protocols.every((p) => outer.protocols.includes(p)) && within(inner.src, outer.src) && within(inner.dst, outer.dst) && within(inner.ports, outer.ports);
}
