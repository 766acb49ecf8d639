// What POST /api/traffic and `npm run traffic` answer: the capture's summary, the observed
// communications and the findings of comparing them with the declared flows and stored rules.
import { z } from 'zod';
import { Severity } from '../../impact/change-schema.js';
import { queryNumber } from '../../model/primitives.js';

export const TRAFFIC_RULES = [
  'TRAFFIC-UNDECLARED-SAFETY', 'TRAFFIC-UNDECLARED-CONDUIT', 'TRAFFIC-SAFETY-FLOW-UNSEEN', 'TRAFFIC-DENIED-BY-MODEL',
] as const;

export const ObservedCommunication = z.object({
  src: z.string(), dst: z.string().describe('IPv4 addresses'),
  srcAsset: z.string().nullable(), dstAsset: z.string().nullable().describe('the asset with that address, if any'),
  srcZone: z.string().nullable(), dstZone: z.string().nullable().describe('null: the address is in no modelled zone'),
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  port: z.number().int().nullable().describe('destination port; null for ICMP'),
  count: z.number().int(),
  answered: z.number().int().describe('connections that got through (TCP not refused or unanswered; every UDP and ICMP one)'),
  firstSeen: z.string(), lastSeen: z.string().describe('ISO 8601'),
  declared: z.array(z.string()).describe('the declared flows it is'),
});
export type ObservedCommunication = z.infer<typeof ObservedCommunication>;

export const TrafficFinding = z.object({
  id: z.string().describe('rule code and what it concerns; findings sort by severity, then id'),
  rule: z.enum(TRAFFIC_RULES),
  severity: Severity,
  title: z.string(),
  explanation: z.string(),
  path: z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) }).describe('ids (or addresses without an asset) to highlight on the topology'),
  sifs: z.array(z.object({ id: z.string(), sil: z.number().int() })),
  flow: z.string().optional(),
  conduit: z.string().optional(),
  observed: ObservedCommunication.optional(),
  recommendation: z.string(),
});
export type TrafficFinding = z.infer<typeof TrafficFinding>;

export const TrafficAnswer = z.object({
  capture: z.object({
    form: z.enum(['tsv', 'json']).nullable(),
    lines: z.number().int(), connections: z.number().int(), bytes: z.number().int(), ms: z.number().int(),
    firstSeen: z.string().nullable(), lastSeen: z.string().nullable(),
    communications: z.number().int().describe('distinct (source, destination, protocol, port)'),
  }),
  notUnderstood: z.array(z.object({ line: z.number().int(), reason: z.string() })).describe(`the first lines Interlock could not use, with why`),
  notUnderstoodCount: z.number().int(),
  findings: z.array(TrafficFinding),
  communications: z.array(ObservedCommunication).describe('by count, most first; at most communicationsShown'),
  communicationsShown: z.number().int(),
  summary: z.object({
    maxSeverity: Severity.nullable(),
    counts: z.record(Severity, z.number().int()),
    message: z.string(),
  }),
});
export type TrafficAnswer = z.infer<typeof TrafficAnswer>;

export const TrafficQuery = z.object({
  maxCommunications: queryNumber(z.coerce.number().int().min(1).max(2_000_000).default(200_000))
    .describe('refuse a capture with more distinct communications than this (a scan); memory grows with it'),
});
