// The generated control baseline's templates: the controls every estate has and the shipped
// catalogue requirements (catalogues/) each satisfies. Data only.
import type { ZoneKey } from './site-layout.js';

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
  c('rbac', 'Role-based access control', 'BOTH', 'Access', ['iso-a5.15', 'iec-sr2.1', 'caf-b2.a']),
  c('remote-mfa', 'Multi-factor authentication for remote access', 'BOTH', 'Access', ['iso-a8.5', 'iec-sr1.13', 'caf-b2.a'], { zones: ['ra'], mitigates: ['vendor-no-mfa'] }),
  c('pam', 'Privileged account management', 'BOTH', 'Access', ['iso-a8.2', 'caf-b2.c'], { mitigates: ['shared-accounts', 'credential-theft'] }),
  c('lockout', 'Account lockout with break-glass exemptions for operators', 'OT', 'Access', ['iec-sr1.11'], { zones: ['ctl'] }),
  c('session-timeout', 'Remote session termination', 'OT', 'Access', ['iec-sr2.6'], { zones: ['ra'] }),
  c('zones-conduits', 'Zone and conduit architecture', 'OT', 'Zone & conduit architecture', ['iec-sr5.1', 'iso-a8.22', 'caf-b5.b'], { conduits: true, mitigates: ['ransomware-dmz', 'broad-rules'] }),
  c('fw-review', 'Firewall rule-set management and review', 'BOTH', 'Zone & conduit architecture', ['iec-sr5.2', 'iso-a8.20'], { conduits: true, mitigates: ['broad-rules'] }),
  c('sl-targeting', 'Security level targeting and gap tracking', 'OT', 'SL targeting', ['iec-sr5.2', 'caf-a2.a'], { zones: ['ctl', 'sis', 'fld'] }),
  c('sis-risk', 'SIS security risk assessment', 'OT', 'SIS governance', ['iec61511-8.2.4', 'caf-a2.a'], { zones: ['sis'], mitigates: ['sis-firmware'] }),
  c('sis-independence', 'SIS network independence and resilience', 'OT', 'SIS governance', ['iec61511-11.2.12', 'caf-b5.b'], { zones: ['sis'], mitigates: ['sis-firmware', 'time-loss'] }),
  c('proof-testing', 'SIF proof testing', 'OT', 'SIS governance', ['iec61511-11.2.12'], { zones: ['sis'] }),
  c('sis-moc', 'Management of change for the SIS', 'OT', 'SIS governance', ['iec61511-17', 'iso-a8.32']),
  c('fsm', 'Functional safety management', 'OT', 'SIS governance', ['iec61511-8.2.4', 'caf-a1.c']),
  c('protocol-allowlist', 'Industrial protocol allow-listing (function codes, writes)', 'OT', 'Industrial protocol security', ['iec-sr5.2'], { zones: ['ctl', 'fld'], mitigates: ['broad-rules'] }),
  c('secure-config', 'Secure configuration baselines', 'BOTH', 'Configuration', ['iso-a8.9', 'iec-sr7.6', 'caf-b4.b']),
  c('vuln-mgmt', 'Vulnerability and patch management', 'BOTH', 'Vulnerability', ['iso-a8.8', 'caf-b4.d'], { mitigates: ['unpatched-services', 'sis-firmware'] }),
  c('ot-patch-qual', 'OT patch qualification with vendors', 'OT', 'Vulnerability', ['iso-a8.8', 'caf-b4.d', 'iso-a5.19'], { zones: ['ctl', 'sis'], mitigates: ['sis-firmware'] }),
  c('malware', 'Malware protection', 'BOTH', 'Malware', ['iso-a8.7', 'iec-sr3.2'], { mitigates: ['ransomware', 'ransomware-dmz'] }),
  c('allowlisting', 'Application allow-listing on HMIs and engineering workstations', 'OT', 'Malware', ['iec-sr3.2'], { zones: ['ctl'], mitigates: ['ransomware-dmz'] }),
  c('logging', 'Security event logging', 'BOTH', 'Monitoring', ['iso-a8.15', 'iec-sr2.8']),
  c('monitoring', 'Security monitoring with OT coverage', 'BOTH', 'Monitoring', ['caf-c1.a', 'iec-sr6.2'], { zones: ['dmz', 'ops', 'ctl'] }),
  c('time-sync', 'Authenticated time synchronisation', 'BOTH', 'Monitoring', ['iso-a8.17', 'iec-sr2.11'], { mitigates: ['time-loss'] }),
  c('supplier-access', 'Supplier remote access governance', 'BOTH', 'Supply chain', ['iso-a5.19', 'caf-a4.a'], { zones: ['vnd', 'ra'], mitigates: ['vendor-no-mfa'] }),
  c('incident-response', 'Incident response plan covering OT', 'BOTH', 'Response', ['iso-a5.24', 'caf-d1.a']),
  c('backup', 'Backup and restore of control system configurations', 'OT', 'Resilience', ['iec-sr7.3', 'iso-a8.13'], { zones: ['ctl', 'sis'] }),
  c('device-hardening', 'Network device hardening', 'OT', 'Configuration', ['iec-sr7.6', 'caf-b4.b']),
  c('risk-process', 'Information and OT risk management process', 'BOTH', 'Risk', ['caf-a2.a']),
  c('asset-inventory', 'Asset inventory of IT and OT devices', 'BOTH', 'Asset management', ['caf-b2.b', 'iso-a8.9']),
  c('diode', 'One-way transfer of process data to the DMZ', 'OT', 'Zone & conduit architecture', ['iec-sr5.2', 'iso-a8.22'], { zones: ['dmz'], mitigates: ['ransomware-dmz'] }),
  c('email-security', 'E-mail and web filtering', 'IT', 'Malware', ['iso-a8.7'], { zones: ['ent'], mitigates: ['credential-theft', 'ransomware'] }),
];
