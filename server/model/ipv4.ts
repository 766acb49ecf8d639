// IPv4 addresses and CIDRs as unsigned 32-bit integers, so that firewall rule matching in Cypher
// is plain integer comparison (DOMAIN.md §3). Pure functions: no I/O.

export const IPV4_MAX = 0xffffffff;

export interface IntRange {
  lo: number;
  hi: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return null;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** `10.1.0.0/16` → its integer range; null when malformed or when host bits are set. */
export function parseCidr(text: string): IntRange | null {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!match) return null;
  const base = parseIpv4(match[1]!);
  const bits = Number(match[2]);
  if (base === null || bits > 32) return null;
  const size = 2 ** (32 - bits);
  if (base % size !== 0) return null;
  return { lo: base, hi: base + size - 1 };
}

export const isIpv4 = (text: string): boolean => parseIpv4(text) !== null;
export const isCidr = (text: string): boolean => parseCidr(text) !== null;

/** An address or a CIDR as a range; `any` is the whole space. */
export function addressRange(text: string): IntRange | null {
  if (text === 'any') return { lo: 0, hi: IPV4_MAX };
  const ip = parseIpv4(text);
  if (ip !== null) return { lo: ip, hi: ip };
  return parseCidr(text);
}

export function rangeContains(outer: IntRange, inner: IntRange): boolean {
  return outer.lo <= inner.lo && inner.hi <= outer.hi;
}
