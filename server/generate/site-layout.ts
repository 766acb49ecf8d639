// The shape every generated plant shares: its Purdue zones and the conduits between adjacent
// levels. Data only; site-plan.ts turns it into zones and conduits for one site.

export const ZONE_KEYS = ['ent', 'dmz', 'ops', 'ctl', 'sis', 'fld', 'ra', 'vnd', 'utl'] as const;
export type ZoneKey = (typeof ZONE_KEYS)[number];

export interface ZoneSpec {
  key: ZoneKey;
  label: string;
  purdueLevel: number;
  domain: 'IT' | 'OT';
  slTarget: number;
  /** Achieved SL is drawn from this range: real estates rarely meet every target. */
  slAchieved: readonly [number, number];
  safety: boolean;
}

export const ZONE_SPECS: readonly ZoneSpec[] = [
  { key: 'ent', label: 'Enterprise IT', purdueLevel: 4, domain: 'IT', slTarget: 2, slAchieved: [1, 2], safety: false },
  { key: 'dmz', label: 'IT/OT DMZ', purdueLevel: 3.5, domain: 'OT', slTarget: 3, slAchieved: [2, 3], safety: false },
  { key: 'ops', label: 'Site operations', purdueLevel: 3, domain: 'OT', slTarget: 2, slAchieved: [1, 2], safety: false },
  { key: 'ctl', label: 'Control (BPCS)', purdueLevel: 2, domain: 'OT', slTarget: 3, slAchieved: [1, 3], safety: false },
  { key: 'sis', label: 'Safety (SIS)', purdueLevel: 1, domain: 'OT', slTarget: 3, slAchieved: [2, 3], safety: true },
  { key: 'fld', label: 'Field devices', purdueLevel: 0, domain: 'OT', slTarget: 2, slAchieved: [0, 1], safety: false },
  { key: 'ra', label: 'Remote access', purdueLevel: 3.5, domain: 'IT', slTarget: 3, slAchieved: [1, 3], safety: false },
  { key: 'vnd', label: 'Vendor support', purdueLevel: 5, domain: 'IT', slTarget: 1, slAchieved: [0, 1], safety: false },
  { key: 'utl', label: 'Utilities and substation', purdueLevel: 2, domain: 'OT', slTarget: 2, slAchieved: [1, 2], safety: false },
];

export const CONDUIT_KEYS = [
  'ent-dmz', 'dmz-ops', 'ops-ctl', 'ctl-sis-a', 'ctl-sis-b', 'ctl-fld', 'sis-fld', 'ra-dmz', 'vnd-ra', 'ops-utl',
] as const;
export type ConduitKey = (typeof CONDUIT_KEYS)[number];

export interface ConduitSpec {
  key: ConduitKey;
  label: string;
  /** [outer, inner]: a broad rule, when there is one, always points inwards (outer → inner). */
  zones: readonly [ZoneKey, ZoneKey];
  slTarget: number;
  /** The zone the enforcing firewall's managed address sits in: the more protected side. */
  firewallZone: ZoneKey;
  /** Chance of a lazy zone-to-zone "allow any" rule: common towards the field, rare elsewhere. */
  broadChance: number;
}

export const CONDUIT_SPECS: readonly ConduitSpec[] = [
  { key: 'ent-dmz', label: 'Enterprise to DMZ', zones: ['ent', 'dmz'], slTarget: 2, firewallZone: 'dmz', broadChance: 0.05 },
  { key: 'dmz-ops', label: 'DMZ to operations', zones: ['dmz', 'ops'], slTarget: 3, firewallZone: 'ops', broadChance: 0 },
  { key: 'ops-ctl', label: 'Operations to control', zones: ['ops', 'ctl'], slTarget: 3, firewallZone: 'ctl', broadChance: 0.3 },
  { key: 'ctl-sis-a', label: 'Control to safety (primary)', zones: ['ctl', 'sis'], slTarget: 3, firewallZone: 'sis', broadChance: 0.08 },
  // A second, independently firewalled control↔safety conduit: how the product models a
  // redundant route (the same flow listed twice, via different conduits).
  { key: 'ctl-sis-b', label: 'Control to safety (redundant)', zones: ['ctl', 'sis'], slTarget: 3, firewallZone: 'sis', broadChance: 0 },
  { key: 'ctl-fld', label: 'Control to field', zones: ['ctl', 'fld'], slTarget: 2, firewallZone: 'fld', broadChance: 0.6 },
  { key: 'sis-fld', label: 'Safety to field', zones: ['sis', 'fld'], slTarget: 3, firewallZone: 'fld', broadChance: 0 },
  { key: 'ra-dmz', label: 'Remote access to DMZ', zones: ['ra', 'dmz'], slTarget: 3, firewallZone: 'dmz', broadChance: 0 },
  { key: 'vnd-ra', label: 'Vendor to remote access', zones: ['vnd', 'ra'], slTarget: 3, firewallZone: 'ra', broadChance: 0 },
  { key: 'ops-utl', label: 'Operations to utilities', zones: ['ops', 'utl'], slTarget: 2, firewallZone: 'utl', broadChance: 0.2 },
];

/** The conduit a flow takes between two adjacent zones; control↔safety defaults to the primary. */
export function conduitBetween(a: ZoneKey, b: ZoneKey): ConduitKey | null {
  if ((a === 'ctl' && b === 'sis') || (a === 'sis' && b === 'ctl')) return 'ctl-sis-a';
  const spec = CONDUIT_SPECS.find((c) => (c.zones[0] === a && c.zones[1] === b) || (c.zones[0] === b && c.zones[1] === a));
  return spec ? spec.key : null;
}
