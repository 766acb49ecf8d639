// Sets of integers as sorted, disjoint, non-adjacent inclusive ranges: the algebra that turns
// negations, iprange bounds and port lists into what a rule can hold (one CIDR, one port range).
import { formatIpv4, IPV4_MAX, type IntRange } from '../model/ipv4.js';

export type RangeSet = IntRange[];

export function normalize(ranges: Iterable<IntRange>): RangeSet {
  const sorted = [...ranges].filter((r) => r.lo <= r.hi).sort((a, b) => a.lo - b.lo);
  const out: RangeSet = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

export function intersect(a: RangeSet, b: RangeSet): RangeSet {
  const out: RangeSet = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      if (lo <= hi) out.push({ lo, hi });
    }
  }
  return normalize(out);
}

/** The complement within `universe` (a single range). */
export function complement(set: RangeSet, universe: IntRange): RangeSet {
  const out: RangeSet = [];
  let next = universe.lo;
  for (const r of normalize(set)) {
    if (r.hi < universe.lo || r.lo > universe.hi) continue;
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = Math.max(next, r.hi + 1);
  }
  if (next <= universe.hi) out.push({ lo: next, hi: universe.hi });
  return out;
}

export function covers(set: RangeSet, range: IntRange): boolean {
  return set.some((r) => r.lo <= range.lo && range.hi <= r.hi);
}

export const ALL_ADDRESSES: IntRange = { lo: 0, hi: IPV4_MAX };

/** The fewest CIDR blocks that exactly cover an address range, in address order. */
export function rangeToCidrs(range: IntRange): Array<{ base: number; bits: number }> {
  const out: Array<{ base: number; bits: number }> = [];
  let lo = range.lo;
  while (lo <= range.hi) {
    let size = 1;
    // Largest aligned block starting at lo that stays inside the range.
    while (size < 2 ** 32 && lo % (size * 2) === 0 && lo + size * 2 - 1 <= range.hi) size *= 2;
    out.push({ base: lo, bits: 32 - Math.log2(size) });
    lo += size;
  }
  return out;
}

/** An address set as rule endpoints: "any", "a.b.c.d" or "a.b.c.d/n". */
export function addressEndpoints(set: RangeSet): string[] {
  if (covers(set, ALL_ADDRESSES)) return ['any'];
  return set.flatMap(rangeToCidrs).map(({ base, bits }) => (bits === 32 ? formatIpv4(base) : `${formatIpv4(base)}/${bits}`));
}
