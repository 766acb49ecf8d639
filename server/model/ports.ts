// Port specifications of firewall rules: a number, "a-b" or "any". Pure.
import type { IntRange } from './ipv4.js';

export const PORT_MIN = 1;
export const PORT_MAX = 65535;
export const ANY_PORTS: IntRange = { lo: 0, hi: PORT_MAX };

export type PortSpec = number | string;

/** A port spec as an inclusive range; null when malformed or out of 1–65535. */
export function parsePorts(spec: PortSpec): IntRange | null {
  if (spec === 'any') return { ...ANY_PORTS };
  if (typeof spec === 'number') return validPort(spec) ? { lo: spec, hi: spec } : null;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(spec);
  if (!match) return null;
  const lo = Number(match[1]);
  const hi = match[2] === undefined ? lo : Number(match[2]);
  return validPort(lo) && validPort(hi) && lo <= hi ? { lo, hi } : null;
}

export function formatPorts(range: IntRange): string {
  if (range.lo <= PORT_MIN && range.hi >= PORT_MAX) return 'any';
  return range.lo === range.hi ? String(range.lo) : `${range.lo}-${range.hi}`;
}

function validPort(n: number): boolean {
  return Number.isInteger(n) && n >= PORT_MIN && n <= PORT_MAX;
}
