// Single-entity edits through the HTTP API (GET for the ETag, then PUT with If-Match, as the
// explorer and the CLIs do) on an imported estate: an asset renamed, a rule's description changed
// on its conduit, a zone's description changed. Beside them, the same kind of edit the way the
// product used to make every edit — export the whole site, validate it whole, write it whole —
// measured in the same run, so the ratio compares like with like.
import type { DbClient } from '../server/db/client.js';
import { createRng } from '../server/generate/random.js';
import type { SiteDocument } from '../server/model/site-schema.js';
import { validateSite } from '../server/model/validate-site.js';
import { exportSite } from '../server/site/export-site.js';
import { importSite } from '../server/site/import-site.js';
import { counter, log } from './progress.js';
import { call, serve } from './serve.js';
import { summarize, type Summary } from './stats.js';

export interface EditResults {
  kinds: Array<{ kind: string; edits: number; put: Summary }>;
  all: Summary;
  /** Export, validate and rewrite the whole site for one edit. */
  wholeSite: Summary;
  /** Median whole-site rewrite ÷ median incremental edit. */
  ratio: number;
}

interface Edit { kind: 'asset' | 'rule' | 'zone'; path: string; change: (doc: Record<string, unknown>, i: number) => Record<string, unknown> }

function edits(site: SiteDocument): Edit[] {
  const withRules = site.conduits.filter((c) => c.rules.length > 0);
  return [
    ...site.assets.map((a): Edit => ({ kind: 'asset', path: `/api/assets/${a.id}`, change: (d, i) => ({ ...d, name: `${a.name} (edit ${i})` }) })),
    ...withRules.map((c): Edit => ({
      kind: 'rule', path: `/api/conduits/${c.id}`,
      change: (d, i) => ({ ...d, rules: (d.rules as Array<Record<string, unknown>>).map((r, k) => (k === 0 ? { ...r, description: `reviewed ${i}` } : r)) }),
    })),
    ...site.zones.map((z): Edit => ({ kind: 'zone', path: `/api/zones/${z.id}`, change: (d, i) => ({ ...d, description: `edit ${i}` }) })),
  ];
}

/** The view GET answers carries extras (a zone's assets, an asset's flows); PUT takes the document. */
function documentOf(kind: Edit['kind'], body: Record<string, unknown>): Record<string, unknown> {
  const drop: Record<Edit['kind'], string[]> = { asset: ['flows', 'sifs', 'enforces'], zone: ['assets', 'conduits'], rule: [] };
  return Object.fromEntries(Object.entries(body).filter(([k]) => !drop[kind].includes(k)));
}

async function editOnce(base: string, edit: Edit, i: number): Promise<number> {
  const read = await call(base, 'GET', edit.path);
  const doc = edit.change(documentOf(edit.kind, read.body), i);
  const started = performance.now();
  const written = await call(base, 'PUT', edit.path, doc, { 'if-match': read.etag });
  const ms = performance.now() - started;
  if (written.status !== 200) throw new Error(`PUT ${edit.path} answered ${written.status}: ${JSON.stringify(written.body).slice(0, 300)}`);
  return ms;
}

/** The old way: read everything, validate everything, write everything, in one transaction each. */
async function wholeSiteEdit(db: DbClient, i: number): Promise<number> {
  const started = performance.now();
  const site = await exportSite(db);
  site.zones[0]!.description = `whole-site edit ${i}`;
  if (!validateSite(site).ok) throw new Error('exported site is invalid');
  await importSite(db, site, 'replace', { actor: 'bench', repair: true });
  return performance.now() - started;
}

export async function measureEdits(db: DbClient, site: SiteDocument, o: { perKind: number; wholeSite: number; seed: number }): Promise<EditResults> {
  const rng = createRng(o.seed);
  const all = edits(site);
  const served = await serve(db);
  const kinds: EditResults['kinds'] = [];
  const samplesOfAll: number[] = [];
  try {
    log(`  edits through the API: ${o.perKind} per kind (asset, rule, zone), after 5 warm-up edits each`);
    for (const kind of ['asset', 'rule', 'zone'] as const) {
      const pool = all.filter((e) => e.kind === kind);
      for (let w = 0; w < 5; w++) await editOnce(served.base, rng.pick(pool), w);
      const samples: number[] = [];
      for (let i = 0; i < o.perKind; i++) samples.push(await editOnce(served.base, rng.pick(pool), i));
      kinds.push({ kind, edits: samples.length, put: summarize(samples) });
      samplesOfAll.push(...samples);
    }
  } finally {
    await served.close();
  }
  const tick = counter('whole-site rewrites', o.wholeSite, 0);
  const whole: number[] = [];
  for (let i = 0; i < o.wholeSite; i++) {
    whole.push(await wholeSiteEdit(db, i));
    tick(i + 1);
  }
  const edited = summarize(samplesOfAll);
  const wholeSite = summarize(whole);
  return { kinds, all: edited, wholeSite, ratio: wholeSite.p50 / edited.p50 };
}
