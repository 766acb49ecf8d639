// Vendors, models and firmware/software versions, shared by every site so that a patch selector
// (vendor + model + versionBelow) picks assets across the estate, as a real advisory does.
// Versions are listed oldest first; most installed bases lag behind the newest release.
import type { AssetT } from '../model/site-schema.js';
import type { Rng } from './random.js';

type AssetType = AssetT['type'];

export interface Product {
  vendor: string;
  model: string;
  versions: readonly string[];
}

const p = (vendor: string, model: string, ...versions: string[]): Product => ({ vendor, model, versions });

export const PRODUCTS: Record<AssetType, readonly Product[]> = {
  'plc': [p('Siemens', 'SIMATIC S7-1500 CPU 1516-3 PN/DP', '2.8.3', '2.9.4', '3.0.3', '3.1.1'), p('Rockwell Automation', 'ControlLogix 5580', '32.011', '33.011', '34.011', '35.011')],
  'dcs-controller': [p('Emerson', 'DeltaV PK Controller', '14.3.1', '14.3.2', '15.1.0'), p('Honeywell', 'Experion C300', 'R511.2', 'R511.5', 'R520.1'), p('Yokogawa', 'CENTUM VP FCS', 'R6.08', 'R6.09', 'R6.10')],
  'sis-logic-solver': [p('Schneider Electric', 'Triconex Tricon CX', '11.3', '11.6', '12.0'), p('HIMA', 'HIMax X-CPU 01', '6.2', '7.0', '7.2'), p('Yokogawa', 'ProSafe-RS SCS', 'R4.06', 'R4.07')],
  'sensor': [p('Emerson', 'Rosemount 3051S', '7.2', '7.4', '8.0'), p('Endress+Hauser', 'Cerabar PMP71B', '01.00', '01.01'), p('Yokogawa', 'EJA110E', '2.10', '3.02'), p('ABB', '266DSH', '1.03', '1.05')],
  'final-element': [p('Emerson', 'Fisher DVC6200 SIS', '1.4', '2.1', '2.3'), p('Metso', 'Neles ValvGuard VG9000H', '3.2', '3.5'), p('Flowserve', 'Logix 3800', '1.1', '1.3')],
  'hmi': [p('Emerson', 'DeltaV Operate Station', '14.3.1', '15.1.0'), p('Honeywell', 'Experion Station', 'R511.2', 'R520.1'), p('AVEVA', 'InTouch HMI', '2020 R2', '2023')],
  'ews': [p('Dell', 'Precision 3660 (Windows 10 LTSC)', '21H2', '1809'), p('HP', 'Z2 G9 (Windows 11 IoT LTSC)', '24H2')],
  'sis-ews': [p('Schneider Electric', 'TriStation 1131', '4.14', '4.16', '4.19'), p('HIMA', 'SILworX', '12.0', '13.0')],
  'historian': [p('AVEVA', 'PI Server', '2018 SP3', '2023', '2024'), p('Honeywell', 'PHD', 'R320', 'R400')],
  'server': [p('Microsoft', 'Windows Server 2019', '1809'), p('Microsoft', 'Windows Server 2022', '21H2')],
  'workstation': [p('Microsoft', 'Windows 11 Enterprise', '22H2', '23H2', '24H2'), p('Microsoft', 'Windows 10 Enterprise', '22H2')],
  'firewall': [p('Fortinet', 'FortiGate 100F', '7.0.15', '7.2.8', '7.4.3'), p('Palo Alto Networks', 'PA-3220', '10.1.14', '10.2.9', '11.1.2'), p('Hirschmann', 'EAGLE40-07', '4.3.01', '4.4.00'), p('Cisco', 'ISA-3000', '9.16.4', '9.18.3')],
  'switch': [p('Cisco', 'IE-3400', '17.6.5', '17.9.4', '17.12.2'), p('Hirschmann', 'RSP35', '09.0.05', '10.0.01'), p('Moxa', 'EDS-510E', '5.6', '5.7')],
  'router': [p('Cisco', 'IR1101', '17.9.4', '17.12.2')],
  'rtu': [p('ABB', 'RTU560', '12.7.3', '13.2.1'), p('Schneider Electric', 'SCADAPack 570', '9.2', '9.4')],
  'ied': [p('SEL', 'SEL-751', 'R315', 'R320'), p('ABB', 'REF615', '5.0 FP1', '5.1'), p('Siemens', 'SIPROTEC 5 7SJ85', '9.40', '9.64')],
  'jump-host': [p('Microsoft', 'Windows Server 2022 RDS', '21H2'), p('CyberArk', 'Privileged Session Manager', '13.2', '14.0')],
  'data-diode': [p('Waterfall Security', 'Unidirectional Gateway', '7.2', '8.0')],
  'cloud-service': [p('AVEVA', 'CONNECT', '2024.10'), p('Honeywell', 'Forge Remote Support', '3.1'), p('Emerson', 'Guardian Support Portal', '2.4')],
  'time-server': [p('Meinberg', 'LANTIME M300', '7.06', '7.08'), p('Microchip', 'SyncServer S650', '4.1', '5.0')],
  'domain-controller': [p('Microsoft', 'Windows Server 2019 AD DS', '1809'), p('Microsoft', 'Windows Server 2022 AD DS', '21H2')],
};

/** A site standardises on one product per asset type; a few assets come from elsewhere. */
export type SiteStandards = Map<AssetType, Product>;

export function pickStandards(rng: Rng): SiteStandards {
  const standards: SiteStandards = new Map();
  for (const [type, products] of Object.entries(PRODUCTS) as Array<[AssetType, readonly Product[]]>) {
    standards.set(type, rng.pick(products));
  }
  return standards;
}

export function stampProduct(rng: Rng, type: AssetType, standards: SiteStandards): Pick<AssetT, 'vendor' | 'model' | 'version'> {
  const product = rng.chance(0.9) ? standards.get(type)! : rng.pick(PRODUCTS[type]);
  // Weight towards the newer releases, but leave a long tail of old ones to patch.
  const weights = product.versions.map((v, i) => [v, i + 1] as const);
  return { vendor: product.vendor, model: product.model, version: rng.weighted(weights) };
}
