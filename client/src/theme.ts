// The visual vocabulary, in one place so that the canvas, the legend and the print view can never
// disagree: colours by meaning, one shape per asset family, a short glyph per asset type.
import type { ASSET_TYPES, SEVERITIES } from '../../server/model/site-schema.js';

export type AssetType = (typeof ASSET_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];

export const COLORS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  line: '#ced4da',
  paper: '#ffffff',
  canvas: '#f8f9fb',
  itFill: '#e8f1fc',
  itBorder: '#4a78b0',
  otFill: '#e9f6ee',
  otBorder: '#3f8a5c',
  safetyFill: '#fff1f0',
  safety: '#e03131',
  warning: '#e67700',
  conduit: '#495057',
  flow: '#868e96',
  highlight: '#fab005',
  selection: '#1c7ed6',
  /** Zone fill by SL gap (SL-T − SL-C from the controls): meets it, one short, two or more short. */
  slGap: ['#c3fae8', '#ffe8a1', '#ffa8a8'],
} as const;

export const SEVERITY_COLORS: Record<Severity, string> = {
  CRITICAL: '#c92a2a',
  HIGH: '#e8590c',
  MEDIUM: '#f59f00',
  LOW: '#1c7ed6',
  INFO: '#868e96',
};

export const SIL_COLORS: Record<number, string> = { 1: '#f59f00', 2: '#e8590c', 3: '#c92a2a', 4: '#862e9c' };

export interface Family {
  id: string;
  label: string;
  shape: string;
  color: string;
  width: number;
  height: number;
}

/** Asset families: one shape and colour each, so the eye groups before it reads. */
export const FAMILIES = {
  sis: { id: 'sis', label: 'SIS logic solver', shape: 'octagon', color: '#e03131', width: 36, height: 36 },
  control: { id: 'control', label: 'Controller (PLC, DCS, RTU)', shape: 'round-rectangle', color: '#2f9e44', width: 36, height: 30 },
  sensor: { id: 'sensor', label: 'Sensor / transmitter', shape: 'ellipse', color: '#0c8599', width: 32, height: 32 },
  final: { id: 'final', label: 'Final element (valve)', shape: 'diamond', color: '#0c8599', width: 38, height: 38 },
  station: { id: 'station', label: 'Station (HMI, EWS)', shape: 'rectangle', color: '#495057', width: 40, height: 28 },
  server: { id: 'server', label: 'Server, historian, NTP', shape: 'barrel', color: '#1971c2', width: 34, height: 34 },
  network: { id: 'network', label: 'Firewall, switch, router', shape: 'hexagon', color: '#7048e8', width: 38, height: 32 },
  remote: { id: 'remote', label: 'Jump host, cloud', shape: 'round-tag', color: '#c2255c', width: 38, height: 30 },
} as const satisfies Record<string, Family>;
export type FamilyId = keyof typeof FAMILIES;

export interface TypeLook {
  family: FamilyId;
  glyph: string;
  name: string;
}

export const TYPE_LOOKS: Record<AssetType, TypeLook> = {
  'sis-logic-solver': { family: 'sis', glyph: 'SIS', name: 'SIS logic solver' },
  'sis-ews': { family: 'station', glyph: 'SEW', name: 'SIS engineering workstation' },
  plc: { family: 'control', glyph: 'PLC', name: 'PLC' },
  'dcs-controller': { family: 'control', glyph: 'DCS', name: 'DCS controller' },
  rtu: { family: 'control', glyph: 'RTU', name: 'RTU' },
  ied: { family: 'control', glyph: 'IED', name: 'IED' },
  sensor: { family: 'sensor', glyph: 'TX', name: 'Sensor / transmitter' },
  'final-element': { family: 'final', glyph: 'XV', name: 'Final element' },
  hmi: { family: 'station', glyph: 'HMI', name: 'HMI / operator station' },
  ews: { family: 'station', glyph: 'EWS', name: 'Engineering workstation' },
  workstation: { family: 'station', glyph: 'WS', name: 'Workstation' },
  historian: { family: 'server', glyph: 'HIS', name: 'Historian' },
  server: { family: 'server', glyph: 'SRV', name: 'Server' },
  'time-server': { family: 'server', glyph: 'NTP', name: 'Time server' },
  'domain-controller': { family: 'server', glyph: 'DC', name: 'Domain controller' },
  firewall: { family: 'network', glyph: 'FW', name: 'Firewall' },
  switch: { family: 'network', glyph: 'SW', name: 'Switch' },
  router: { family: 'network', glyph: 'RT', name: 'Router' },
  'data-diode': { family: 'network', glyph: 'DD', name: 'Data diode' },
  'jump-host': { family: 'remote', glyph: 'JH', name: 'Jump host' },
  'cloud-service': { family: 'remote', glyph: 'CLD', name: 'Cloud service' },
};

/** Order of families inside a zone, network first (it frames the zone), field last. */
export const FAMILY_ORDER: FamilyId[] = ['network', 'sis', 'control', 'station', 'server', 'remote', 'sensor', 'final'];

export function familyOf(type: string): Family {
  const look = TYPE_LOOKS[type as AssetType];
  return FAMILIES[look?.family ?? 'server'];
}

/** A white glyph drawn over the node's shape, as an SVG data URI (works on canvas and WebGL). */
export function glyphImage(glyph: string): string {
  const size = glyph.length <= 2 ? 40 : 31;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">` +
    `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="Inter, 'Segoe UI', Arial, sans-serif" ` +
    `font-weight="700" font-size="${size}" fill="#ffffff">${glyph}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export const PURDUE_NAMES: Record<string, string> = {
  '5': 'Level 5 · Enterprise / external',
  '4': 'Level 4 · Business',
  '3.5': 'Level 3.5 · IT/OT DMZ',
  '3': 'Level 3 · Site operations',
  '2': 'Level 2 · Supervisory control',
  '1': 'Level 1 · Basic control',
  '0': 'Level 0 · Field',
};
