// A small purpose-built site: every finding of DOMAIN.md §4 can be provoked on it with a
// one-line change, and its answers can be worked out by hand. Returns a fresh copy each call so
// tests may mutate it.
//
//   z-ops (L3, SL-A 1) --c-ops-ctl [fw-b]--> z-ctl (L2) --c-ctl-sis [fw-a]--> z-sis (safety, SL-T 3)
//                                                       --c-ctl-sis-b [fw-c]-->  (redundant route)
//   z-field (L0): transmitters and valves without IPs (hard-wired to the logic solver)
import type { SiteDocumentInput } from '../../server/model/site-schema.js';

export function miniSite(): SiteDocumentInput {
  return structuredClone(MINI_SITE);
}

const MINI_SITE: SiteDocumentInput = {
  site: { id: 'mini', name: 'Mini plant' },
  zones: [
    { id: 'z-ops', name: 'Site operations', purdueLevel: 3, domain: 'OT', slTarget: 2, slAchieved: 1, cidr: '10.3.0.0/24' },
    { id: 'z-ctl', name: 'Control', purdueLevel: 2, domain: 'OT', slTarget: 2, slAchieved: 2, cidr: '10.2.0.0/24' },
    { id: 'z-sis', name: 'Safety', purdueLevel: 1, domain: 'OT', slTarget: 3, slAchieved: 3, safety: true, cidr: '10.1.0.0/24' },
    { id: 'z-field', name: 'Field', purdueLevel: 0, domain: 'OT', slTarget: 2, slAchieved: 2 },
  ],
  assets: [
    { id: 'hist', name: 'Site historian', type: 'historian', zone: 'z-ops', ip: '10.3.0.20' },
    { id: 'ntp', name: 'Site NTP server', type: 'time-server', zone: 'z-ops', ip: '10.3.0.5' },
    { id: 'fw-b', name: 'Ops/control firewall', type: 'firewall', zone: 'z-ctl', ip: '10.2.0.1' },
    { id: 'fw-a', name: 'Control/SIS firewall A', type: 'firewall', zone: 'z-ctl', ip: '10.2.0.2', vendor: 'Fortinet', model: 'FG-60F', version: '7.2.5' },
    { id: 'fw-c', name: 'Control/SIS firewall B', type: 'firewall', zone: 'z-ctl', ip: '10.2.0.3', vendor: 'Fortinet', model: 'FG-60F', version: '7.4.1' },
    { id: 'sw-ctl', name: 'Control switch', type: 'switch', zone: 'z-ctl', ip: '10.2.0.4' },
    { id: 'dcs', name: 'DCS controller', type: 'dcs-controller', zone: 'z-ctl', ip: '10.2.0.20' },
    { id: 'hmi', name: 'Control room HMI', type: 'hmi', zone: 'z-ctl', ip: '10.2.0.10', manned: true },
    { id: 'ews', name: 'Engineering workstation', type: 'ews', zone: 'z-ctl', ip: '10.2.0.11' },
    { id: 'ls1', name: 'SIS logic solver', type: 'sis-logic-solver', zone: 'z-sis', ip: '10.1.0.10', vendor: 'Triconex', model: 'Tricon CX', version: '11.3' },
    { id: 'sis-ews', name: 'SIS engineering workstation', type: 'sis-ews', zone: 'z-sis', ip: '10.1.0.20' },
    { id: 'pt1', name: 'Pressure transmitter A', type: 'sensor', zone: 'z-field', vendor: 'Rosemount', model: '3051S', version: '2.0' },
    { id: 'pt2', name: 'Pressure transmitter B', type: 'sensor', zone: 'z-field', vendor: 'Rosemount', model: '3051S', version: '2.0' },
    { id: 'pt3', name: 'Pressure transmitter C', type: 'sensor', zone: 'z-field', vendor: 'Rosemount', model: '3051S', version: '2.1' },
    { id: 'xv1', name: 'Shutdown valve 1', type: 'final-element', zone: 'z-field' },
    { id: 'xv2', name: 'Shutdown valve 2', type: 'final-element', zone: 'z-field' },
    { id: 'lt1', name: 'Level transmitter', type: 'sensor', zone: 'z-field' },
    { id: 'xv3', name: 'Inlet valve', type: 'final-element', zone: 'z-field' },
  ],
  conduits: [
    {
      id: 'c-ops-ctl', name: 'Operations to control', zones: ['z-ops', 'z-ctl'], slTarget: 2, firewalls: ['fw-b'],
      rules: [
        { id: 'r-ops-opc', seq: 10, action: 'allow', protocol: 'tcp', src: { asset: 'hist' }, dst: { zone: 'z-ctl' }, ports: 4840 },
        { id: 'r-ops-ntp', seq: 20, action: 'allow', protocol: 'udp', src: { asset: 'ntp' }, dst: 'any', ports: 123 },
        { id: 'r-ops-deny', seq: 100, action: 'deny', protocol: 'any', src: 'any', dst: 'any' },
      ],
    },
    {
      id: 'c-ctl-sis', name: 'Control to safety (primary)', zones: ['z-ctl', 'z-sis'], slTarget: 3, firewalls: ['fw-a'],
      rules: [
        { id: 'r-esd', seq: 10, action: 'allow', protocol: 'tcp', src: { asset: 'hmi' }, dst: { asset: 'ls1' }, ports: 502 },
        { id: 'r-status', seq: 20, action: 'allow', protocol: 'tcp', src: { asset: 'ls1' }, dst: { asset: 'dcs' }, ports: 502 },
        { id: 'r-ntp', seq: 30, action: 'allow', protocol: 'udp', src: '10.3.0.5', dst: { zone: 'z-sis' }, ports: 123 },
        { id: 'r-deny', seq: 100, action: 'deny', protocol: 'any', src: 'any', dst: 'any' },
      ],
    },
    {
      id: 'c-ctl-sis-b', name: 'Control to safety (secondary)', zones: ['z-ctl', 'z-sis'], slTarget: 3, firewalls: ['fw-c'],
      rules: [
        { id: 'rb-status', seq: 10, action: 'allow', protocol: 'tcp', src: { asset: 'ls1' }, dst: { asset: 'dcs' }, ports: 502 },
      ],
    },
  ],
  flows: [
    { id: 'f-esd', name: 'HMI ESD command', from: 'hmi', to: 'ls1', protocol: 'tcp', port: 502, purpose: 'Manual ESD', via: ['c-ctl-sis'], routesThrough: ['sw-ctl'] },
    { id: 'f-status', name: 'Trip status to DCS', from: 'ls1', to: 'dcs', protocol: 'tcp', port: 502, purpose: 'SIS trip status', via: ['c-ctl-sis'] },
    { id: 'f-status-b', name: 'Trip status to DCS (secondary)', from: 'ls1', to: 'dcs', protocol: 'tcp', port: 502, purpose: 'SIS trip status, redundant route', via: ['c-ctl-sis-b'] },
    { id: 'f-ntp', name: 'Time sync to SIS', from: 'ntp', to: 'ls1', protocol: 'udp', port: 123, purpose: 'Time sync', via: ['c-ops-ctl', 'c-ctl-sis'] },
    { id: 'f-hist', name: 'Historian collection', from: 'hist', to: 'dcs', protocol: 'tcp', port: 4840, purpose: 'OPC UA data collection', via: ['c-ops-ctl'] },
  ],
  sifs: [
    {
      id: 'sif-hp', name: 'High pressure trip', sil: 3, hazard: 'Vessel overpressure',
      groups: [
        { id: 'sensors', role: 'SENSOR', voting: '2oo3', elements: ['pt1', 'pt2', 'pt3'] },
        { id: 'logic', role: 'LOGIC', voting: '1oo1', elements: ['ls1'] },
        { id: 'valves', role: 'FINAL_ELEMENT', voting: '1oo2', elements: ['xv1', 'xv2'] },
      ],
      dependsOn: ['f-status', 'f-ntp'],
    },
    {
      id: 'sif-ll', name: 'Low level trip', sil: 1, hazard: 'Pump dry running',
      groups: [
        { id: 'sensor', role: 'SENSOR', voting: '1oo1', elements: ['lt1'] },
        { id: 'logic', role: 'LOGIC', voting: '1oo1', elements: ['ls1'] },
        { id: 'valve', role: 'FINAL_ELEMENT', voting: '1oo1', elements: ['xv3'] },
      ],
      dependsOn: [],
    },
  ],
  roles: [
    { id: 'role-operator', name: 'Control room operator', accesses: ['hmi'] },
    { id: 'role-engineer', name: 'Control engineer', accesses: ['ews', 'sis-ews'] },
  ],
  procedures: [
    {
      id: 'proc-esd', name: 'Manual ESD from control-room HMI', emergency: true, nominalSeconds: 40, maxSeconds: 60,
      uses: ['hmi'], dependsOn: ['f-esd'], performedBy: ['role-operator'], backsUp: ['sif-hp'],
    },
  ],
  frameworks: [{
    id: 'iso27001', name: 'ISO/IEC 27001', version: '2022', kind: 'standard', domains: ['IT'], ratingModel: 'status',
    sources: ['ISO/IEC 27001:2022 Annex A (identifiers and short titles)'], licence: 'Identifiers and short titles only.',
  }],
  requirements: [{ id: 'iso-a8-20', framework: 'iso27001', ref: 'A.8.20', title: 'Networks security' }],
  controls: [
    { id: 'ctl-seg', name: 'Zone and conduit segmentation', domain: 'BOTH', category: 'Network architecture', satisfies: ['iso-a8-20'], appliesTo: ['c-ctl-sis', 'z-sis'],
      mitigates: ['risk-1'], assessment: {
        IT: { status: 'implemented', maturity: 3, assessor: 'IT security', assessedOn: '2026-06-01' },
        OT: { status: 'partial', maturity: 2, assessor: 'OT security', assessedOn: '2026-06-02' },
      } },
  ],
  evidence: [
    { id: 'ev-drawing', name: 'Network drawing rev C', kind: 'network-drawing', source: 'DMS', domains: ['OT'], refreshDays: 365,
      supports: ['ctl-seg'], revisions: [{ collectedOn: '2026-01-10', sha256: 'a'.repeat(64), addedBy: 'OT engineer' }] },
  ],
  risks: [
    { id: 'risk-1', title: 'Unauthorised SIS access', register: 'JOINT', likelihood: 2, impact: 5, safetyConsequence: 'severe',
      treatment: 'mitigate', owner: 'Site manager', affects: ['z-sis', 'ls1'] },
  ],
};
