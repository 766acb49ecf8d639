// The proposed changes a what-if assessment accepts, and the answer it gives. Shared by the
// API, the CLI and the web explorer's forms, so all three validate the same way.
import { z } from 'zod';
import { Action, Endpoint, FirewallRule, Id, PortSpec, RuleProtocol, SEVERITIES } from '../model/site-schema.js';

/** A rule as stored, except that its id is optional: a proposed rule without one is "proposed-N". */
export const ProposedRule = FirewallRule.extend({
  id: Id.optional().describe('optional; a proposed rule without id is named "proposed-N"'),
});

export const RuleModification = z
  .object({
    id: Id,
    seq: z.number().int().min(0).optional(),
    action: Action.optional(),
    protocol: RuleProtocol.optional(),
    src: Endpoint.optional(),
    dst: Endpoint.optional(),
    ports: PortSpec.optional(),
  })
  .strict()
  .refine((m) => Object.keys(m).length > 1, { message: 'a modification must change at least one field besides id' });

/** Bounds on one change: larger edits are a site import, not a what-if (and 1,000 rules once hit Neo4j's memory limit). */
export const MAX_RULE_EDITS = 500;

/** Reports each value of `values` seen before, at `path(i)`. */
function once(ctx: z.RefinementCtx, values: Array<string | undefined>, path: (i: number) => PropertyKey[], message: (v: string) => string): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: path(i), message: message(v) });
    seen.add(v);
  });
}

export const FirewallChange = z
  .object({
    kind: z.literal('firewall'),
    conduit: Id,
    add: z.array(ProposedRule).max(MAX_RULE_EDITS).default([]),
    remove: z.array(Id).max(MAX_RULE_EDITS * 2).default([]),
    modify: z.array(RuleModification).max(MAX_RULE_EDITS).default([]),
    defaultAction: Action.optional().describe("the conduit's new default action"),
  })
  .strict()
  .refine((c) => c.add.length + c.remove.length + c.modify.length > 0 || c.defaultAction !== undefined, {
    message: 'a firewall change must add, remove or modify a rule, or set the default action',
  })
  .superRefine((c, ctx) => {
    once(ctx, c.add.map((r) => r.id), (i) => ['add', i, 'id'], (id) => `proposed rule id "${id}" is used twice in this change`);
    once(ctx, c.remove, (i) => ['remove', i], (id) => `rule "${id}" is listed twice`);
    once(ctx, c.modify.map((m) => m.id), (i) => ['modify', i, 'id'], (id) => `rule "${id}" is modified twice in this change; give all its new fields in one modification`);
  });

export const PatchSelector = z
  .object({
    vendor: z.string().min(1).max(200).optional(),
    model: z.string().min(1).max(200).optional(),
    versionBelow: z.string().min(1).max(100).optional().describe('matches assets whose version is lower, compared numerically part by part'),
  })
  .strict()
  .refine((s) => s.vendor !== undefined || s.model !== undefined, { message: 'a selector needs a vendor or a model' });

export const PatchChange = z
  .object({
    kind: z.literal('patch'),
    targets: z.array(Id).min(1, 'list at least one target asset').max(5000).optional(),
    selector: PatchSelector.optional(),
    requiresReboot: z.boolean().default(true),
    downtimeMinutes: z.number().min(0).default(0),
  })
  .strict()
  .refine((p) => (p.targets === undefined) !== (p.selector === undefined), {
    message: 'a patch names its targets or a selector, exactly one of the two',
  });

export const AuthChange = z
  .object({
    kind: z.literal('auth'),
    appliesTo: z
      .object({ zones: z.array(Id).max(5000).default([]), assets: z.array(Id).max(5000).default([]), roles: z.array(Id).max(5000).default([]) })
      .strict()
      .refine((a) => a.zones.length + a.assets.length + a.roles.length > 0, { message: 'name at least one zone, asset or role' }),
    mfa: z.object({ addedSeconds: z.number().positive().max(3600) }).strict().optional(),
    lockoutThreshold: z.number().int().min(1).max(1000).optional(),
    sessionTimeoutMinutes: z.number().positive().max(10080).optional(),
  })
  .strict()
  .refine((a) => a.mfa !== undefined || a.lockoutThreshold !== undefined || a.sessionTimeoutMinutes !== undefined, {
    message: 'an auth policy sets mfa, lockoutThreshold or sessionTimeoutMinutes',
  });

export const Change = z.discriminatedUnion('kind', [FirewallChange, PatchChange, AuthChange]);
export type Change = z.infer<typeof Change>;
export type FirewallChangeT = z.infer<typeof FirewallChange>;
export type PatchChangeT = z.infer<typeof PatchChange>;
export type AuthChangeT = z.infer<typeof AuthChange>;

export const ImpactRequest = z
  .object({
    change: Change.optional(),
    changes: z.array(Change).min(1, 'a change set needs at least one change').max(50).optional(),
  })
  .strict()
  .refine((r) => (r.change === undefined) !== (r.changes === undefined), {
    message: 'send one change as "change" or a change set as "changes"',
  })
  .superRefine((r, ctx) => {
    // The bound is on the whole request, not each change: 50 changes of 500 rules each would
    // bring back the what-if that exhausted Neo4j's transaction memory.
    const edits = (r.changes ?? []).reduce((sum, c) => sum + (c.kind === 'firewall' ? c.add.length + c.modify.length : 0), 0);
    if (edits > MAX_RULE_EDITS) ctx.addIssue({ code: 'custom', path: ['changes'], message: `a change set adds or modifies at most ${MAX_RULE_EDITS} rules in all; this one has ${edits}` });
    // In a set, one rule changed by two changes has no single meaning: which one wins?
    const owner = new Map<string, number>();
    (r.changes ?? []).forEach((c, j) => {
      if (c.kind !== 'firewall') return;
      const touched: Array<[string | undefined, PropertyKey[]]> = [
        ...c.add.map((a, i): [string | undefined, PropertyKey[]] => [a.id, ['add', i, 'id']]),
        ...c.remove.map((id, i): [string | undefined, PropertyKey[]] => [id, ['remove', i]]),
        ...c.modify.map((m, i): [string | undefined, PropertyKey[]] => [m.id, ['modify', i, 'id']]),
      ];
      for (const [id, path] of touched) {
        if (id === undefined) continue;
        const first = owner.get(id);
        if (first !== undefined && first !== j) ctx.addIssue({ code: 'custom', path: ['changes', j, ...path], message: `rule "${id}" is also changed by changes[${first}]; put both edits in one change` });
        else owner.set(id, j);
      }
    });
  });
export type ImpactRequest = z.infer<typeof ImpactRequest>;

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const FINDING_RULES = [
  'FW-BLOCKS-SAFETY-FLOW', 'FW-EXPOSES-SAFETY-ZONE', 'FW-SHADOWED', 'FW-FLOW-CHANGED', 'FW-FLOW-STILL-DENIED',
  'PATCH-SIF-ELEMENT', 'PATCH-SAFETY-PATH',
  'AUTH-DELAYS-EMERGENCY', 'AUTH-MFA-WITHIN-SLACK', 'AUTH-LOCKOUT-EMERGENCY', 'AUTH-SESSION-TIMEOUT-CONSOLE',
  'COMBINED-SAFETY-FLOW-LOST', 'COMBINED-SIF-UNAVAILABLE',
] as const;

export const Exposure = z.object({
  source: z.string().describe('asset id, or "any" for an address no specific rule names'),
  sourceZone: Id.nullable(),
  destination: Id,
  destinationZone: Id,
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  ports: z.string().describe('"502", "1-1024" or "any"'),
  rule: z.string().nullable().describe('the rule that now allows it, null for the default action'),
});

export const Finding = z.object({
  id: z.string().describe('stable identifier: rule code and the entities it concerns; findings sort by severity, then id'),
  rule: z.enum(FINDING_RULES),
  severity: Severity,
  title: z.string(),
  explanation: z.string().describe('plain sentences a review meeting can read aloud'),
  path: z.object({
    nodes: z.array(z.string()).describe('ids of assets, zones, rules, SIFs and procedures, in path order'),
    edges: z.array(z.string()).describe('ids of flows and conduits, in path order'),
  }),
  sifs: z.array(z.object({ id: Id, sil: z.number().int() })),
  flow: Id.optional(),
  procedure: Id.optional(),
  conduit: Id.optional(),
  asset: Id.optional(),
  changes: z.array(z.number().int()).describe('indexes of the changes in the request that cause it'),
  recommendation: z.string(),
  exposures: z.array(Exposure).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const ImpactResponse = z.object({
  findings: z.array(Finding),
  summary: z.object({
    maxSeverity: Severity.nullable().describe('null when nothing was found at all'),
    safetyPathTouched: z.boolean().describe('false when no finding is above INFO'),
    counts: z.record(Severity, z.number().int()),
    checked: z.object({
      sifs: z.number().int(),
      flows: z.number().int(),
      procedures: z.number().int(),
      conduits: z.number().int(),
    }).describe('the safety paths that were examined'),
    message: z.string(),
  }),
});
export type ImpactResponse = z.infer<typeof ImpactResponse>;
