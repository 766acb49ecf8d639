// The site document: one JSON/YAML file describing a whole site. This module is the single source
// of the shapes; import, export, the fixtures, the generator, the OpenAPI components and the
// client's types all derive from it. Referential checks live in validate-site.ts.
import { z } from 'zod';
import { isCidr, isIpv4 } from './ipv4.js';
import { parsePorts } from './ports.js';
import { Control, Evidence, Framework, Mapping, Profile, Requirement, Risk } from './governance-schema.js';
import { Domain, Id, IdList, MAX_COLLECTION_SIZE, MAX_REFERENCES, Name, Text } from './primitives.js';

export { Domain, DOMAINS, Id, ID_PATTERN, MAX_COLLECTION_SIZE } from './primitives.js';

// Formats as patterns, so the OpenAPI document states them; what a pattern cannot state (host
// bits under a prefix) stays a refinement, answered 422.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
const PREFIX = '(3[0-2]|[12]?\\d)';
const CIDR_MESSAGE = 'must be an IPv4 CIDR such as 10.30.0.0/24 with no host bits set';
export const Ipv4 = z.string().regex(new RegExp(`^${IPV4}$`), 'must be an IPv4 address such as 10.30.1.10');
export const Cidr = z.string().regex(new RegExp(`^${IPV4}/${PREFIX}$`), { message: CIDR_MESSAGE, abort: true }).refine(isCidr, CIDR_MESSAGE);

export const PURDUE_LEVELS = [0, 1, 2, 3, 3.5, 4, 5] as const;
// Typed as a number: generated and hand-built sites compute levels.
export const PurdueLevel = z.union(PURDUE_LEVELS.map((n) => z.literal(n)), { error: 'must be a Purdue level: 0, 1, 2, 3, 3.5 (DMZ), 4 or 5' }) as unknown as z.ZodType<number>;

export const ASSET_TYPES = [
  'plc', 'dcs-controller', 'sis-logic-solver', 'sensor', 'final-element', 'hmi', 'ews', 'sis-ews',
  'historian', 'server', 'workstation', 'firewall', 'switch', 'router', 'rtu', 'ied', 'jump-host',
  'data-diode', 'cloud-service', 'time-server', 'domain-controller',
] as const;
export const AssetType = z.enum(ASSET_TYPES);

export const PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;
export const FlowProtocol = z.enum(PROTOCOLS);
export const RuleProtocol = z.enum([...PROTOCOLS, 'any']);
export const Action = z.enum(['allow', 'deny']);
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;

export const Port = z.number().int('must be a whole number').min(1, 'must be 1–65535').max(65535, 'must be 1–65535');
const PORT = '(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})';
const PORTS_MESSAGE = 'must be a port 1–65535, a range "a-b" with a ≤ b, or "any"';
export const PortSpec = z
  .union([z.number().int().min(1).max(65535), z.literal('any'), z.string().regex(new RegExp(`^${PORT}(-${PORT})?$`))], { error: PORTS_MESSAGE })
  .refine((v) => parsePorts(v) !== null, PORTS_MESSAGE);

/** Rule endpoint: `any`, an IPv4 address, a CIDR, an asset or a zone. */
export const Endpoint = z.union([
  z.literal('any'),
  z.string().regex(new RegExp(`^${IPV4}(/${PREFIX})?$`), { message: 'must be "any", an IPv4 address or a CIDR', abort: true })
    .refine((s) => isIpv4(s) || isCidr(s), 'must be "any", an IPv4 address or a CIDR'),
  z.object({ asset: Id }).strict(),
  z.object({ zone: Id }).strict(),
], { error: 'must be "any", an IPv4 address, a CIDR, { asset: <id> } or { zone: <id> }' });
export type Endpoint = z.infer<typeof Endpoint>;

export const FirewallRule = z
  .object({
    id: Id,
    seq: z.number().int().min(0),
    action: Action,
    protocol: RuleProtocol,
    src: Endpoint,
    dst: Endpoint,
    ports: PortSpec.default('any'),
    description: Text.optional(),
  })
  .strict();

export const Zone = z
  .object({
    id: Id,
    name: Name,
    purdueLevel: PurdueLevel,
    domain: Domain,
    slTarget: z.number().int().min(1).max(4),
    slAchieved: z.number().int().min(0).max(4),
    safety: z.boolean().default(false),
    cidr: Cidr.optional(),
    site: z.string().max(200).optional(),
    description: Text.optional(),
  })
  .strict();

export const Conduit = z
  .object({
    id: Id,
    name: Name,
    zones: z.tuple([Id, Id]),
    slTarget: z.number().int().min(1).max(4),
    defaultAction: Action.default('deny'),
    firewalls: IdList.default([]),
    rules: z.array(FirewallRule).max(MAX_REFERENCES).default([]),
    description: Text.optional(),
  })
  .strict();

export const Asset = z
  .object({
    id: Id,
    name: Name,
    type: AssetType,
    zone: Id,
    ip: Ipv4.optional(),
    vendor: z.string().max(200).optional(),
    model: z.string().max(200).optional(),
    version: z.string().max(100).optional(),
    /** The day the last patch was implemented through a change request (YYYY-MM-DD). */
    patchedAt: z.iso.date().optional(),
    // An always-manned operator console (relevant to session timeouts, DOMAIN.md §4).
    manned: z.boolean().default(false),
    description: Text.optional(),
  })
  .strict();

export const Flow = z
  .object({
    id: Id,
    name: Name.optional(),
    from: Id,
    to: Id,
    protocol: FlowProtocol,
    port: Port.optional(),
    purpose: z.string().min(1).max(500),
    via: IdList.default([]),
    routesThrough: IdList.default([]),
  })
  .strict();

export const ELEMENT_ROLES = ['SENSOR', 'LOGIC', 'FINAL_ELEMENT'] as const;
export const Voting = z
  .string()
  .regex(/^[1-9]\d?oo[1-9]\d?$/, 'must be MooN such as 1oo1, 1oo2 or 2oo3');

export const ElementGroup = z
  .object({
    id: Id,
    role: z.enum(ELEMENT_ROLES),
    voting: Voting,
    elements: z.array(Id).min(1, 'a group needs at least one element').max(MAX_REFERENCES),
  })
  .strict();

export const Sif = z
  .object({
    id: Id,
    name: Name,
    sil: z.number().int().min(1).max(4),
    hazard: z.string().min(1).max(500),
    responseTimeMs: z.number().int().positive().optional(),
    proofTestMonths: z.number().int().positive().optional(),
    groups: z.array(ElementGroup).min(1, 'a SIF needs at least one element group').max(100),
    dependsOn: IdList.default([]),
  })
  .strict();

export const Procedure = z
  .object({
    id: Id,
    name: Name,
    emergency: z.boolean().default(false),
    nominalSeconds: z.number().positive(),
    maxSeconds: z.number().positive(),
    uses: IdList.default([]),
    dependsOn: IdList.default([]),
    performedBy: IdList.default([]),
    backsUp: IdList.default([]),
  })
  .strict();

export const Role = z
  .object({
    id: Id,
    name: Name,
    accesses: IdList.default([]),
  })
  .strict();

export { Control, Evidence, Framework, Mapping, Profile, Requirement, Risk };

export const SiteInfo = z
  .object({ id: Id, name: Name, description: Text.optional() })
  .strict();

export const SiteDocument = z
  .object({
    site: SiteInfo.optional(),
    zones: z.array(Zone).max(MAX_COLLECTION_SIZE).default([]),
    conduits: z.array(Conduit).max(MAX_COLLECTION_SIZE).default([]),
    assets: z.array(Asset).max(MAX_COLLECTION_SIZE).default([]),
    flows: z.array(Flow).max(MAX_COLLECTION_SIZE).default([]),
    sifs: z.array(Sif).max(MAX_COLLECTION_SIZE).default([]),
    procedures: z.array(Procedure).max(MAX_COLLECTION_SIZE).default([]),
    roles: z.array(Role).max(MAX_COLLECTION_SIZE).default([]),
    frameworks: z.array(Framework).max(MAX_COLLECTION_SIZE).default([]),
    requirements: z.array(Requirement).max(MAX_COLLECTION_SIZE).default([]),
    mappings: z.array(Mapping).max(MAX_COLLECTION_SIZE).default([]),
    profiles: z.array(Profile).max(MAX_COLLECTION_SIZE).default([]),
    controls: z.array(Control).max(MAX_COLLECTION_SIZE).default([]),
    evidence: z.array(Evidence).max(MAX_COLLECTION_SIZE).default([]),
    risks: z.array(Risk).max(MAX_COLLECTION_SIZE).default([]),
  })
  .strict();

export type SiteDocument = z.infer<typeof SiteDocument>;
export type SiteDocumentInput = z.input<typeof SiteDocument>;
export type ZoneT = z.infer<typeof Zone>;
export type ConduitT = z.infer<typeof Conduit>;
export type FirewallRuleT = z.infer<typeof FirewallRule>;
export type AssetT = z.infer<typeof Asset>;
export type FlowT = z.infer<typeof Flow>;
export type SifT = z.infer<typeof Sif>;
export type ProcedureT = z.infer<typeof Procedure>;
export type RoleT = z.infer<typeof Role>;
export type ControlT = z.infer<typeof Control>;
export type EvidenceT = z.infer<typeof Evidence>;
export type RiskT = z.infer<typeof Risk>;
