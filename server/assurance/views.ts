// The reads behind the assurance routes, each one read transaction as of one date: a framework's
// requirement tree with its statuses, one requirement with its why, the controls with their
// statuses per domain, the evidence with its currency, revisions and reuse.
import type { DbClient, Tx } from '../db/client.js';
import { notFound } from '../errors.js';
import type { DomainT, EvidenceRevisionT } from '../model/governance-schema.js';
import { readDocs } from '../site/read-entities.js';
import { controlInDomain, readBaseline, readBaselineFor, type Baseline } from './baseline.js';
import { controlsWithoutCurrentEvidence, evidenceReuse } from './evidence.js';
import { cafFrameworks, conformance, frameworkViews, readFrameworks, readProfile } from './frameworks.js';
import { requirementStatuses } from './requirements.js';
import { statusCacheOf } from './status-cache.js';
import type { ControlInDomainT, EvidenceCurrencyT, FrameworkInfoT, FrameworkSummaryT, ProfileConformanceT, RequirementResultT } from './schemas.js';

// Answers without a "why" judge requirements from the cached lean statuses (status-cache.ts).
const cachedViews = async (db: DbClient, tx: Tx, asOf: string, frameworks: Map<string, FrameworkInfoT>) =>
  frameworkViews(tx, await statusCacheOf(db).statuses(tx, asOf), frameworks);

export async function frameworksWithSummaries(db: DbClient, asOf: string): Promise<Array<FrameworkInfoT & { summaries: FrameworkSummaryT[] }>> {
  return db.readTx(async (tx) => {
    const frameworks = await readFrameworks(tx);
    const views = await cachedViews(db, tx, asOf, frameworks);
    return [...frameworks.values()].map((f) => ({ ...f, summaries: views.filter((v) => v.summary.framework === f.framework).map((v) => v.summary) }));
  });
}

/** One framework's summary per domain it scopes: what changes when a control is assessed. */
export async function frameworkSummaries(db: DbClient, id: string, asOf: string): Promise<FrameworkSummaryT[]> {
  return db.readTx(async (tx) => {
    const frameworks = await oneFramework(tx, id);
    return (await cachedViews(db, tx, asOf, frameworks)).map((v) => v.summary);
  });
}

export interface TreeNode {
  requirement: string; ref: string; title: string; assessable: boolean; slFrom: number | null; uncertain: string | null;
  statuses: Array<Pick<RequirementResultT, 'domain' | 'status' | 'source' | 'rating'>>;
  children: TreeNode[];
}

async function oneFramework(tx: Tx, id: string): Promise<Map<string, FrameworkInfoT>> {
  const frameworks = await readFrameworks(tx, id);
  if (frameworks.size === 0) throw notFound('framework', id);
  return frameworks;
}

/** Every assessable requirement of a tree, once per domain, in tree order. */
export function flatStatuses(tree: TreeNode[]): Array<{ requirement: string; ref: string; title: string } & TreeNode['statuses'][number]> {
  return tree.flatMap((n) => [...n.statuses.map((s) => ({ requirement: n.requirement, ref: n.ref, title: n.title, ...s })), ...flatStatuses(n.children)]);
}

/** A framework's requirements as a tree (groupings included), each assessable one with its status per domain. */
export async function frameworkTree(db: DbClient, id: string, asOf: string) {
  return db.readTx(async (tx) => {
    const frameworks = await oneFramework(tx, id);
    const views = await cachedViews(db, tx, asOf, frameworks);
    const rows = (await tx.run('assurance/framework-requirements', { framework: id })) as Array<Omit<TreeNode, 'statuses' | 'children'> & { parent: string | null }>;
    const nodes = new Map(rows.map(({ parent: _parent, ...r }) => [r.requirement, { ...r, statuses: [], children: [] } as TreeNode]));
    for (const v of views) for (const r of v.requirements) nodes.get(r.requirement)?.statuses.push({ domain: r.domain, status: r.status, source: r.source, rating: r.rating });
    const roots: TreeNode[] = [];
    for (const r of rows) (r.parent ? nodes.get(r.parent)!.children : roots).push(nodes.get(r.requirement)!);
    return { ...frameworks.get(id)!, asOf, summaries: views.map((v) => v.summary), tree: roots };
  });
}

/** One requirement's status with its why, in every domain its framework scopes. */
export async function requirementWithWhy(db: DbClient, id: string, asOf: string, domain?: DomainT): Promise<RequirementResultT[]> {
  return db.readTx(async (tx) => {
    const baseline = await readBaselineFor(tx, asOf, { requirements: [id] });
    const frameworks = await readFrameworks(tx);
    const caf = cafFrameworks(frameworks);
    const results: RequirementResultT[] = [];
    for (const d of domain ? [domain] : (['IT', 'OT'] as const)) {
      for (const { direct: _direct, ...result } of await requirementStatuses(tx, baseline, d, { requirements: [id] }, caf, baseline)) results.push(result);
    }
    if (results.length === 0 && (await readDocs(tx, 'requirements', [id])).length === 0) throw notFound('requirement', id);
    return results;
  });
}

export async function profileConformance(db: DbClient, id: string, asOf: string): Promise<ProfileConformanceT[]> {
  return db.readTx(async (tx) => {
    const profile = await readProfile(tx, id);
    if (!profile) throw notFound('profile', id);
    const frameworks = await oneFramework(tx, profile.framework);
    return (await cachedViews(db, tx, asOf, frameworks)).map((v) => conformance(profile, v.summary.domain, v.requirements));
  });
}

export interface ControlView { control: string; name: string; category: string; domain: string; version: number; statuses: ControlInDomainT[] }

export function controlViews(baseline: Baseline, versions: Map<string, number>, only?: string): ControlView[] {
  const byControl = new Map<string, ControlView>();
  for (const row of baseline.controls.values()) {
    if (only !== undefined && row.control !== only) continue;
    const view = byControl.get(row.control) ?? { control: row.control, name: row.name, category: row.category, domain: row.controlDomain, version: versions.get(row.control) ?? 0, statuses: [] };
    view.statuses.push(controlInDomain(baseline, row.control, row.domain));
    byControl.set(row.control, view);
  }
  return [...byControl.values()];
}

/** Controls with their statuses per domain as of a date; one control (404 when unknown) or all. */
export async function readControls(tx: Tx, asOf: string, only?: string): Promise<ControlView[]> {
  const baseline = await readBaseline(tx, asOf, only ? [only] : null);
  const ids = only ? [only] : [...new Set([...baseline.controls.values()].map((c) => c.control))];
  const docs = await readDocs(tx, 'controls', ids);
  if (only && docs.length === 0) throw notFound('control', only);
  return controlViews(baseline, new Map(docs.map((d) => [d.doc.id, d.version])), only);
}

export async function evidenceList(db: DbClient, asOf: string) {
  return db.readTx(async (tx) => {
    const baseline = await readBaseline(tx, asOf);
    return { asOf, evidence: [...baseline.evidence.values()], controlsWithoutCurrentEvidence: controlsWithoutCurrentEvidence(baseline) };
  });
}

/** Newest first by collection date; of equal dates, the one added last first. */
export const newestFirst = (revisions: EvidenceRevisionT[]) =>
  revisions.map((r, i) => ({ r, i })).sort((a, b) => (a.r.collectedOn === b.r.collectedOn ? b.i - a.i : a.r.collectedOn < b.r.collectedOn ? 1 : -1)).map((x) => x.r);

export async function readEvidence(tx: Tx, id: string, asOf: string) {
  const [found] = await readDocs(tx, 'evidence', [id]);
  if (!found) throw notFound('evidence record', id);
  const [currency] = (await tx.run('assurance/evidence-currency', { asOf, evidence: [id], controls: null })) as EvidenceCurrencyT[];
  const reuse = (await evidenceReuse(tx, [id])).get(id)!;
  return { version: found.version, body: { ...currency!, asOf, revisions: newestFirst(found.doc.revisions), reuse } };
}
