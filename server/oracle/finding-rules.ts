// DOMAIN.md §4 written a second time, as plain functions from facts to (finding id, severity):
// the part of the answer the benchmark compares across the engine, the naive Cypher reference
// and the in-process reference. Facts come from either reference; the engine's own shaping
// (server/impact/*) is not used here, so a mistake there shows up as a disagreement.
import type { Severity } from '../impact/change-schema.js';

export interface Comparable {
  id: string;
  severity: Severity;
}

export interface SifSil { id: string; sil: number }

const ORDER: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

export function fromSil(sil: number): Severity {
  return sil >= 3 ? 'CRITICAL' : sil === 2 ? 'HIGH' : sil === 1 ? 'MEDIUM' : 'LOW';
}

/** One level less urgent, never below LOW (§4: lowering says "less urgent", not "nothing"). */
export function oneLower(s: Severity): Severity {
  return s === 'CRITICAL' ? 'HIGH' : s === 'HIGH' ? 'MEDIUM' : s === 'MEDIUM' ? 'LOW' : s;
}

const worst = (a: Severity, b: Severity): Severity => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b);
const topSil = (sifs: ReadonlyArray<SifSil>) => Math.max(0, ...sifs.map((s) => s.sil));

/** A safety flow's stake: the highest SIL on it, at least HIGH when an emergency procedure needs it. */
export function stake(sifs: ReadonlyArray<SifSil>, emergency: boolean): Severity {
  const s = fromSil(topSil(sifs));
  return emergency ? worst(s, 'HIGH') : s;
}

export interface FlowFacts {
  flow: string;
  safety: boolean;
  before: boolean;
  after: boolean;
  sifs: SifSil[];
  emergency: boolean;
  /** The rule deciding it on the edited conduit before the change; null for the default action. */
  beforeRule: string | null;
}

export interface ShadowFacts { conduit: string; rule: string; action: string; coveredBy: string | null; shadows: string[] }
export interface ExposureFacts { conduit: string; destinationZone: string; critical: boolean }

export interface FirewallFacts {
  conduit: string;
  flows: FlowFacts[];
  shadows: ShadowFacts[];
  exposures: ExposureFacts[];
}

export function firewallComparables(f: FirewallFacts): Comparable[] {
  const out: Comparable[] = [];
  for (const d of f.flows) {
    if (d.safety && d.before && !d.after) out.push({ id: `FW-BLOCKS-SAFETY-FLOW:${d.flow}`, severity: stake(d.sifs, d.emergency) });
    else if (!d.before && !d.after) out.push({ id: `FW-FLOW-STILL-DENIED:${d.flow}`, severity: 'INFO' });
    else if (d.before !== d.after) out.push({ id: `FW-FLOW-CHANGED:${d.flow}`, severity: 'INFO' });
  }
  for (const s of f.shadows) {
    if (s.coveredBy) out.push({ id: `FW-SHADOWED:${s.conduit}:${s.rule}`, severity: 'LOW' });
    for (const shadowed of s.shadows) {
      const relying = f.flows.filter((d) => d.safety && d.beforeRule === shadowed);
      // A deny in front of a relied-on allow blocks those flows; an allow in front only re-words why they pass.
      const severity = relying.reduce<Severity>((acc, d) => worst(acc, s.action === 'deny' ? stake(d.sifs, d.emergency) : 'LOW'), 'LOW');
      out.push({ id: `FW-SHADOWED:${s.conduit}:${shadowed}`, severity });
    }
  }
  const zones = new Map<string, boolean>();
  for (const e of f.exposures) zones.set(`${e.conduit}:${e.destinationZone}`, (zones.get(`${e.conduit}:${e.destinationZone}`) ?? false) || e.critical);
  for (const [key, critical] of zones) out.push({ id: `FW-EXPOSES-SAFETY-ZONE:${key}`, severity: critical ? 'CRITICAL' : 'HIGH' });
  return out;
}

export interface GroupFacts { sif: string; group: string; sil: number; canTrip: boolean }
export interface PathFacts { target: string; flow: string; sifs: SifSil[]; emergency: boolean; redundant: boolean }
export interface PatchFacts { gentle: boolean; groups: GroupFacts[]; paths: PathFacts[] }

export function patchComparables(p: PatchFacts): Comparable[] {
  const soften = (s: Severity) => (p.gentle ? oneLower(s) : s);
  return [
    ...p.groups.map((g) => ({ id: `PATCH-SIF-ELEMENT:${g.sif}:${g.group}`, severity: soften(g.canTrip ? 'MEDIUM' : fromSil(g.sil)) })),
    ...p.paths.map((x) => {
      const s = stake(x.sifs, x.emergency);
      return { id: `PATCH-SAFETY-PATH:${x.target}:${x.flow}`, severity: soften(x.redundant ? oneLower(s) : s) };
    }),
  ];
}

export interface ProcedureFacts {
  procedure: string; emergency: boolean; nominalSeconds: number; maxSeconds: number;
  sifs: SifSil[]; mannedConsoleInScope: boolean;
}
export interface AuthPolicy { mfaSeconds?: number; lockout: boolean; sessionTimeout: boolean }

export function authComparables(procedures: ReadonlyArray<ProcedureFacts>, policy: AuthPolicy): Comparable[] {
  const out: Comparable[] = [];
  for (const p of procedures) {
    if (policy.mfaSeconds !== undefined) {
      if (policy.mfaSeconds > p.maxSeconds - p.nominalSeconds) {
        const s = fromSil(topSil(p.sifs));
        out.push({ id: `AUTH-DELAYS-EMERGENCY:${p.procedure}`, severity: p.emergency ? worst(s, 'HIGH') : s });
      } else out.push({ id: `AUTH-MFA-WITHIN-SLACK:${p.procedure}`, severity: 'INFO' });
    }
    if (policy.lockout && p.emergency) out.push({ id: `AUTH-LOCKOUT-EMERGENCY:${p.procedure}`, severity: 'HIGH' });
    if (policy.sessionTimeout && p.emergency && p.mannedConsoleInScope) out.push({ id: `AUTH-SESSION-TIMEOUT-CONSOLE:${p.procedure}`, severity: 'MEDIUM' });
  }
  return out;
}

/**
 * Route groups of a change set (a safety flow and its alternatives), with which changes leave
 * each member unusable. Lost together when every member is unusable under the set, yet no single
 * change takes them all.
 */
export interface RouteGroupFacts { members: string[]; sifs: SifSil[]; emergency: boolean; unusableBy: Map<string, Set<number>> }
export interface SetGroupFacts { sif: string; group: string; sil: number; canTrip: boolean; aloneUnavailable: boolean }

export function combinedComparables(routes: ReadonlyArray<RouteGroupFacts>, groups: ReadonlyArray<SetGroupFacts>): Comparable[] {
  const out: Comparable[] = [];
  for (const g of routes) {
    const by = g.members.map((m) => g.unusableBy.get(m) ?? new Set<number>());
    const lost = by.every((s) => s.size > 0);
    const single = [...new Set(by.flatMap((s) => [...s]))].some((i) => by.every((s) => s.has(i)));
    if (lost && !single) out.push({ id: `COMBINED-SAFETY-FLOW-LOST:${g.members.join('+')}`, severity: stake(g.sifs, g.emergency) });
  }
  for (const g of groups) {
    if (!g.canTrip && !g.aloneUnavailable) out.push({ id: `COMBINED-SIF-UNAVAILABLE:${g.sif}:${g.group}`, severity: fromSil(g.sil) });
  }
  return out;
}

/** "id severity" lines, sorted: the form in which two answers are compared. */
export function canonical(findings: ReadonlyArray<Comparable>): string[] {
  return findings.map((f) => `${f.id} ${f.severity}`).sort();
}
