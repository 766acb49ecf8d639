// Purdue-model arithmetic for the topology flags. Pure functions: no I/O.
import { PURDUE_LEVELS } from '../model/site-schema.js';

export const DMZ_LEVEL = 3.5;

interface ZoneLevel {
  purdueLevel: number;
  domain: 'IT' | 'OT';
}

/**
 * How many Purdue boundaries a conduit crosses. The DMZ (3.5) is a level of its own, so
 * enterprise (4) to DMZ is 1 and enterprise to operations (3) is 2. Levels that are not in the
 * model count by their numeric distance, so bad data still flags rather than hides.
 */
export function purdueSpan(a: number, b: number): number {
  const ia = (PURDUE_LEVELS as readonly number[]).indexOf(a);
  const ib = (PURDUE_LEVELS as readonly number[]).indexOf(b);
  if (ia < 0 || ib < 0) return Math.ceil(Math.abs(a - b));
  return Math.abs(ia - ib);
}

/**
 * A conduit bypasses the DMZ when it joins the enterprise side (level 4 and above) directly to
 * the plant side (level 3 and below), or joins an IT zone to an OT zone with neither end in the
 * DMZ: in both cases a session crosses IT/OT without terminating in 3.5 (IEC 62443-3-2 practice).
 */
export function bypassesDmz(a: ZoneLevel, b: ZoneLevel): boolean {
  const [lo, hi] = a.purdueLevel <= b.purdueLevel ? [a, b] : [b, a];
  if (lo.purdueLevel === DMZ_LEVEL || hi.purdueLevel === DMZ_LEVEL) return false;
  if (lo.purdueLevel < DMZ_LEVEL && hi.purdueLevel > DMZ_LEVEL) return true;
  return a.domain !== b.domain;
}

export function levelName(level: number): string {
  return level === DMZ_LEVEL ? 'L3.5 DMZ' : `L${level}`;
}
