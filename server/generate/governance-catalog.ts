// The control baseline's reference data: frameworks, requirement identifiers with short titles
// (the standards' texts are copyrighted; DOMAIN.md §2), equivalences between frameworks, and
// the controls that satisfy them. Data only.
import type { SiteDocument } from '../model/site-schema.js';
import type { ZoneKey } from './site-layout.js';

type FrameworkT = SiteDocument['frameworks'][number];

export const FRAMEWORKS: readonly FrameworkT[] = [
  { id: 'iso27001', name: 'ISO/IEC 27001', version: '2022' },
  { id: 'iec62443-3-3', name: 'IEC 62443-3-3', version: '2013' },
  { id: 'ncsc-caf', name: 'NCSC Cyber Assessment Framework', version: '3.2' },
  { id: 'iec61511', name: 'IEC 61511-1', version: '2016' },
];

const ISO = 'iso27001';
const SR = 'iec62443-3-3';
const CAF = 'ncsc-caf';
const FS = 'iec61511';

/** [framework, ref, title, equivalent refs as `framework|ref`]. */
export const REQUIREMENTS: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  [ISO, 'A.5.15', 'Access control', []],
  [ISO, 'A.5.19', 'Information security in supplier relationships', []],
  [ISO, 'A.5.24', 'Incident management planning and preparation', []],
  [ISO, 'A.8.2', 'Privileged access rights', []],
  [ISO, 'A.8.5', 'Secure authentication', []],
  [ISO, 'A.8.7', 'Protection against malware', []],
  [ISO, 'A.8.8', 'Management of technical vulnerabilities', []],
  [ISO, 'A.8.9', 'Configuration management', []],
  [ISO, 'A.8.13', 'Information backup', []],
  [ISO, 'A.8.15', 'Logging', []],
  [ISO, 'A.8.17', 'Clock synchronization', []],
  [ISO, 'A.8.20', 'Networks security', []],
  [ISO, 'A.8.22', 'Segregation of networks', []],
  [ISO, 'A.8.32', 'Change management', []],
  [SR, 'SR 1.1', 'Human user identification and authentication', [`${ISO}|A.8.5`]],
  [SR, 'SR 1.11', 'Unsuccessful login attempts', []],
  [SR, 'SR 1.13', 'Access via untrusted networks', []],
  [SR, 'SR 2.1', 'Authorization enforcement', [`${ISO}|A.5.15`]],
  [SR, 'SR 2.6', 'Remote session termination', []],
  [SR, 'SR 2.8', 'Auditable events', [`${ISO}|A.8.15`]],
  [SR, 'SR 2.11', 'Timestamps', [`${ISO}|A.8.17`]],
  [SR, 'SR 3.2', 'Malicious code protection', [`${ISO}|A.8.7`]],
  [SR, 'SR 5.1', 'Network segmentation', [`${ISO}|A.8.22`]],
  [SR, 'SR 5.2', 'Zone boundary protection', [`${ISO}|A.8.20`]],
  [SR, 'SR 6.2', 'Continuous monitoring', []],
  [SR, 'SR 7.3', 'Control system backup', [`${ISO}|A.8.13`]],
  [SR, 'SR 7.6', 'Network and security configuration settings', [`${ISO}|A.8.9`]],
  [CAF, 'A2.a', 'Risk management process', []],
  [CAF, 'A4.a', 'Supply chain', [`${ISO}|A.5.19`]],
  [CAF, 'B2.a', 'Identity verification, authentication and authorisation', [`${ISO}|A.8.5`, `${SR}|SR 1.1`]],
  [CAF, 'B2.b', 'Device management', []],
  [CAF, 'B2.c', 'Privileged user management', [`${ISO}|A.8.2`]],
  [CAF, 'B4.b', 'Secure configuration', [`${ISO}|A.8.9`, `${SR}|SR 7.6`]],
  [CAF, 'B4.d', 'Vulnerability management', [`${ISO}|A.8.8`]],
  [CAF, 'B5.b', 'Design for resilience', []],
  [CAF, 'C1.a', 'Monitoring coverage', [`${SR}|SR 6.2`]],
  [CAF, 'D1.a', 'Response plan', [`${ISO}|A.5.24`]],
  [FS, '5', 'Management of functional safety', []],
  [FS, '8.2.4', 'Security risk assessment of the SIS', []],
  [FS, '11.2.12', 'SIS design resilient to identified security risks', []],
  [FS, '16.3', 'Proof testing and inspection', []],
  [FS, '17', 'SIS modification', [`${ISO}|A.8.32`]],
];

export const requirementId = (framework: string, ref: string) => `${framework}:${ref.replace(/\s+/g, '')}`;

export interface ControlTemplate {
  key: string;
  name: string;
  domain: 'IT' | 'OT' | 'BOTH';
  category: string;
  satisfies: readonly string[];
  /** What it applies to in every site: zones of these kinds, and/or every conduit. */
  zones?: readonly ZoneKey[];
  conduits?: boolean;
  /** Risk templates (governance-risks.ts) it mitigates. */
  mitigates?: readonly string[];
}

const c = (key: string, name: string, domain: ControlTemplate['domain'], category: string, satisfies: string[], extra: Partial<ControlTemplate> = {}): ControlTemplate =>
  ({ key, name, domain, category, satisfies, ...extra });

export const CONTROLS: readonly ControlTemplate[] = [
  c('rbac', 'Role-based access control', 'BOTH', 'Access', ['iso27001|A.5.15', 'iec62443-3-3|SR 2.1', 'ncsc-caf|B2.a']),
  c('remote-mfa', 'Multi-factor authentication for remote access', 'BOTH', 'Access', ['iso27001|A.8.5', 'iec62443-3-3|SR 1.13', 'ncsc-caf|B2.a'], { zones: ['ra'], mitigates: ['vendor-no-mfa'] }),
  c('pam', 'Privileged account management', 'BOTH', 'Access', ['iso27001|A.8.2', 'ncsc-caf|B2.c'], { mitigates: ['shared-accounts', 'credential-theft'] }),
  c('lockout', 'Account lockout with break-glass exemptions for operators', 'OT', 'Access', ['iec62443-3-3|SR 1.11'], { zones: ['ctl'] }),
  c('session-timeout', 'Remote session termination', 'OT', 'Access', ['iec62443-3-3|SR 2.6'], { zones: ['ra'] }),
  c('zones-conduits', 'Zone and conduit architecture', 'OT', 'Zone & conduit architecture', ['iec62443-3-3|SR 5.1', 'iso27001|A.8.22', 'ncsc-caf|B5.b'], { conduits: true, mitigates: ['ransomware-dmz', 'broad-rules'] }),
  c('fw-review', 'Firewall rule-set management and review', 'BOTH', 'Zone & conduit architecture', ['iec62443-3-3|SR 5.2', 'iso27001|A.8.20'], { conduits: true, mitigates: ['broad-rules'] }),
  c('sl-targeting', 'Security level targeting and gap tracking', 'OT', 'SL targeting', ['iec62443-3-3|SR 5.2', 'ncsc-caf|A2.a'], { zones: ['ctl', 'sis', 'fld'] }),
  c('sis-risk', 'SIS security risk assessment', 'OT', 'SIS governance', ['iec61511|8.2.4', 'ncsc-caf|A2.a'], { zones: ['sis'], mitigates: ['sis-firmware'] }),
  c('sis-independence', 'SIS network independence and resilience', 'OT', 'SIS governance', ['iec61511|11.2.12', 'ncsc-caf|B5.b'], { zones: ['sis'], mitigates: ['sis-firmware', 'time-loss'] }),
  c('proof-testing', 'SIF proof testing', 'OT', 'SIS governance', ['iec61511|16.3'], { zones: ['sis'] }),
  c('sis-moc', 'Management of change for the SIS', 'OT', 'SIS governance', ['iec61511|17', 'iso27001|A.8.32']),
  c('fsm', 'Functional safety management', 'OT', 'SIS governance', ['iec61511|5']),
  c('protocol-allowlist', 'Industrial protocol allow-listing (function codes, writes)', 'OT', 'Industrial protocol security', ['iec62443-3-3|SR 5.2'], { zones: ['ctl', 'fld'], mitigates: ['broad-rules'] }),
  c('secure-config', 'Secure configuration baselines', 'BOTH', 'Configuration', ['iso27001|A.8.9', 'iec62443-3-3|SR 7.6', 'ncsc-caf|B4.b']),
  c('vuln-mgmt', 'Vulnerability and patch management', 'BOTH', 'Vulnerability', ['iso27001|A.8.8', 'ncsc-caf|B4.d'], { mitigates: ['unpatched-services', 'sis-firmware'] }),
  c('ot-patch-qual', 'OT patch qualification with vendors', 'OT', 'Vulnerability', ['iso27001|A.8.8', 'ncsc-caf|B4.d', 'iso27001|A.5.19'], { zones: ['ctl', 'sis'], mitigates: ['sis-firmware'] }),
  c('malware', 'Malware protection', 'BOTH', 'Malware', ['iso27001|A.8.7', 'iec62443-3-3|SR 3.2'], { mitigates: ['ransomware', 'ransomware-dmz'] }),
  c('allowlisting', 'Application allow-listing on HMIs and engineering workstations', 'OT', 'Malware', ['iec62443-3-3|SR 3.2'], { zones: ['ctl'], mitigates: ['ransomware-dmz'] }),
  c('logging', 'Security event logging', 'BOTH', 'Monitoring', ['iso27001|A.8.15', 'iec62443-3-3|SR 2.8']),
  c('monitoring', 'Security monitoring with OT coverage', 'BOTH', 'Monitoring', ['ncsc-caf|C1.a', 'iec62443-3-3|SR 6.2'], { zones: ['dmz', 'ops', 'ctl'] }),
  c('time-sync', 'Authenticated time synchronisation', 'BOTH', 'Monitoring', ['iso27001|A.8.17', 'iec62443-3-3|SR 2.11'], { mitigates: ['time-loss'] }),
  c('supplier-access', 'Supplier remote access governance', 'BOTH', 'Supply chain', ['iso27001|A.5.19', 'ncsc-caf|A4.a'], { zones: ['vnd', 'ra'], mitigates: ['vendor-no-mfa'] }),
  c('incident-response', 'Incident response plan covering OT', 'BOTH', 'Response', ['iso27001|A.5.24', 'ncsc-caf|D1.a']),
  c('backup', 'Backup and restore of control system configurations', 'OT', 'Resilience', ['iec62443-3-3|SR 7.3', 'iso27001|A.8.13'], { zones: ['ctl', 'sis'] }),
  c('device-hardening', 'Network device hardening', 'OT', 'Configuration', ['iec62443-3-3|SR 7.6', 'ncsc-caf|B4.b']),
  c('risk-process', 'Information and OT risk management process', 'BOTH', 'Risk', ['ncsc-caf|A2.a']),
  c('asset-inventory', 'Asset inventory of IT and OT devices', 'BOTH', 'Asset management', ['ncsc-caf|B2.b', 'iso27001|A.8.9']),
  c('diode', 'One-way transfer of process data to the DMZ', 'OT', 'Zone & conduit architecture', ['iec62443-3-3|SR 5.2', 'iso27001|A.8.22'], { zones: ['dmz'], mitigates: ['ransomware-dmz'] }),
  c('email-security', 'E-mail and web filtering', 'IT', 'Malware', ['iso27001|A.8.7'], { zones: ['ent'], mitigates: ['credential-theft', 'ransomware'] }),
];
