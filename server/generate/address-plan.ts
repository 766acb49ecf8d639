// The estate's IPv4 plan. Every site owns a /17 of 10.0.0.0/8 (512 sites at most) and carves it
// into fixed zone blocks, so addresses are unique across the estate without any bookkeeping
// between sites and a site's address tells you which plant and zone it is in.
import { formatIpv4, parseCidr } from '../model/ipv4.js';
import type { ZoneKey } from './site-layout.js';

export const MAX_SITES = 512;
const SITE_SIZE = 2 ** 15;
const BASE = 10 * 2 ** 24;
// Hosts start at .10 of each block: the low addresses are left for gateways, as on a real plant.
const FIRST_HOST = 10;

// Offsets in /24 units within the site's /17; each block is aligned to its own size.
const ZONE_BLOCKS: Record<ZoneKey, { offset: number; prefix: number }> = {
  fld: { offset: 0, prefix: 19 },
  ctl: { offset: 32, prefix: 20 },
  sis: { offset: 48, prefix: 20 },
  ops: { offset: 64, prefix: 20 },
  ent: { offset: 80, prefix: 20 },
  dmz: { offset: 96, prefix: 22 },
  ra: { offset: 100, prefix: 22 },
  vnd: { offset: 104, prefix: 22 },
  utl: { offset: 112, prefix: 20 },
};

function siteBase(siteIndex: number): number {
  if (!Number.isInteger(siteIndex) || siteIndex < 0 || siteIndex >= MAX_SITES) {
    throw new RangeError(`site index ${siteIndex} is outside the address plan (0–${MAX_SITES - 1})`);
  }
  return BASE + siteIndex * SITE_SIZE;
}

export function siteCidr(siteIndex: number): string {
  return `${formatIpv4(siteBase(siteIndex))}/17`;
}

export function zoneCidr(siteIndex: number, zone: ZoneKey): string {
  const block = ZONE_BLOCKS[zone];
  return `${formatIpv4(siteBase(siteIndex) + block.offset * 256)}/${block.prefix}`;
}

/** Hands out the next free host address of each zone of one site. */
export function createAddressAllocator(siteIndex: number): (zone: ZoneKey) => string {
  const used = new Map<ZoneKey, number>();
  return (zone) => {
    const range = parseCidr(zoneCidr(siteIndex, zone))!;
    const n = used.get(zone) ?? 0;
    const ip = range.lo + FIRST_HOST + n;
    // Never hand out the broadcast address; running out means the plan's blocks are too small.
    if (ip >= range.hi) throw new RangeError(`zone ${zone} of site ${siteIndex} has no free address left`);
    used.set(zone, n + 1);
    return formatIpv4(ip);
  };
}
