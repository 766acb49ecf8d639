// The Assurance area on the reference plant as of 2026-12-31: every view loads with no console
// error and shows the API's numbers; the requirement tree filters; the why-chain is the API's;
// the control table sorts, filters, pages and shows where a control applies on the topology; a
// zone's SL chart shows the computed vector; large text and print keep working. View load times
// are printed, not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlScopeT } from '../../server/assurance/scope-schema.js';
import type { EvidenceCurrencyT, FrameworkSummaryT, ProfileConformanceT, RequirementResultT, RiskFindingT, ZoneLevelT } from '../../server/assurance/schemas.js';
import { referencePlant } from '../../server/site/reference-plant.js';
import { AS_OF, apiGet, chartDescription, drawn, pct } from './helpers/assurance.js';
import { clickElement, highlighted, SCREENSHOTS, startExplorer, waitText, type Explorer } from './helpers/explorer.js';

let x: Explorer;
const loads: string[] = [];
beforeAll(async () => {
  x = await startExplorer(referencePlant());
});
afterAll(async () => {
  console.info(`Assurance view load times (first draw, reference plant): ${loads.join(', ')}`);
  await x?.close();
});

const openView = async (query: string, view: string) => {
  await x.open(`/?tab=assurance&asOf=${AS_OF}${query}`);
  const ms = await drawn(x.page, view);
  // From the view's start, and from the page's navigation (the topology and the area's code included).
  const sinceNavigation = await x.page.evaluate(() => Math.round(performance.now()));
  loads.push(`${view}${query.includes('fw=') ? ' (tree)' : ''} ${ms} ms (${sinceNavigation} ms after navigation)`);
};
type Card = { framework: string; name: string; ratingModel: string; profiles: Array<{ profile: string }>; summaries: FrameworkSummaryT[] };
interface Tree { tree: Node[] }
interface Node { requirement: string; assessable: boolean; statuses: Array<{ domain: string; status: string }>; children: Node[] }
const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe('frameworks', () => {
  it('shows one card per framework with the API\'s compliance, maturity and counts per domain', async () => {
    await openView('', 'frameworks');
    const cards = await apiGet<Card[]>(x, `/api/assurance/frameworks?asOf=${AS_OF}`);
    const onScreen = await x.page.locator('.fw-card tr[data-domain]').evaluateAll((rows) => rows.map((r) => {
      const cell = (c: string) => r.querySelector(c)!.textContent;
      return [r.closest('.fw-card')!.getAttribute('data-framework'), r.getAttribute('data-domain'), cell('.compliance'), cell('.maturity'),
        ...['met', 'partial', 'not-met', 'gap'].map((k) => Number(cell(`.count-${k}`)))];
    }));
    expect(onScreen).toEqual(cards.flatMap((c) => c.summaries.map((s) => [c.framework, s.domain, pct(s.compliance), s.maturity === null ? '–' : s.maturity.toFixed(1),
      s.counts.met, s.counts.partial, s.counts['not-met'], s.counts.gap])));
    expect(await x.page.locator('.fw-card .card-chart canvas').count()).toBe(cards.length);
    for (const c of cards) {
      const counts = c.summaries.map((s) => `${s.domain} met ${s.counts.met}, partial ${s.counts.partial}, not-met ${s.counts['not-met']}, gap ${s.counts.gap}`).join('; ');
      expect(await chartDescription(x.page, `.fw-card[data-framework="${c.framework}"] .card-chart`)).toBe(`${c.name}, requirements by status: ${counts}`);
    }
    await x.shot('40-assurance-frameworks');
  });

  it('opens the 62443-3-3 tree and filters it to gaps, partial and inconsistent requirements', async () => {
    await x.page.locator('.fw-card[data-framework="fw-iec62443-3-3"] button').click();
    await drawn(x.page, 'frameworks');
    expect(x.page.url()).toContain('fw=fw-iec62443-3-3');
    const tree = await apiGet<Tree>(x, `/api/assurance/frameworks/fw-iec62443-3-3?asOf=${AS_OF}`);
    const assessable = flat(tree.tree).filter((n) => n.assessable);
    const shown = () => x.page.locator('.req.assessable:not(.context)').evaluateAll((li) => li.map((l) => l.getAttribute('data-requirement')!).sort());
    expect(await shown()).toEqual(assessable.map((n) => n.requirement).sort());
    const inconsistencies = await apiGet<Array<{ kind: string; from?: string; to?: string }>>(x, `/api/assurance/inconsistencies?asOf=${AS_OF}`);
    const named = new Set(inconsistencies.flatMap((i) => (i.kind === 'EQUAL-STATUS-DIFFERS' ? [i.from!, i.to!] : [])));
    const expected = {
      gaps: assessable.filter((n) => n.statuses.some((s) => s.status === 'gap' || s.status === 'not-met')),
      partial: assessable.filter((n) => n.statuses.some((s) => s.status === 'partial')),
      inconsistent: assessable.filter((n) => named.has(n.requirement) || new Set(n.statuses.map((s) => s.status)).size > 1),
    };
    for (const [filter, nodes] of Object.entries(expected)) {
      await x.page.locator(`[data-filter="${filter}"]`).click();
      await drawn(x.page, 'frameworks');
      expect(await shown(), filter).toEqual(nodes.map((n) => n.requirement).sort());
      await waitText(x.page, '#tree-count', `${nodes.length} of ${assessable.length}`);
    }
    expect(expected.gaps.length).toBeGreaterThan(0);
    await x.page.locator('[data-filter="gaps"]').click();
    await drawn(x.page, 'frameworks');
    await x.shot('41-assurance-tree-gaps');
  });

  it('shows a requirement\'s why-chain as the API states it', async () => {
    const first = x.page.locator('.req.assessable .req-open').first();
    const id = await x.page.locator('.req.assessable').first().getAttribute('data-requirement');
    await first.click();
    await drawn(x.page, 'frameworks');
    const why = await apiGet<RequirementResultT[]>(x, `/api/assurance/requirements/${id}?asOf=${AS_OF}`);
    const sections = await x.page.locator('#assurance-detail .why-domain').evaluateAll((ss) => ss.map((s) => ({
      domain: s.getAttribute('data-domain'),
      status: s.querySelector('h3 .st')!.getAttribute('data-status'),
      controls: [...s.querySelectorAll(':scope > .why-controls > .why-control')].map((c) => c.getAttribute('data-control')),
      mapping: s.querySelector('.why-mapping.chosen')?.getAttribute('data-mapping') ?? null,
    })));
    expect(sections).toEqual(why.map((r) => ({
      domain: r.domain, status: r.rating ?? r.status,
      controls: r.source === 'direct' ? r.why.controls.map((c) => c.control) : [], mapping: r.why.chosen?.mapping ?? null,
    })));
    const evidence = why.flatMap((r) => r.why.controls.flatMap((c) => c.evidence.map((e) => `${e.evidence}:${e.currency}`)));
    const shownEvidence = await x.page.locator('#assurance-detail .why-domain > .why-controls .why-evidence li').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('data-evidence')}:${l.querySelector('.st')!.getAttribute('data-status')}`));
    expect(shownEvidence).toEqual(evidence);
    await x.shot('42-assurance-why-chain');
  });

  it('rates CAF outcomes against the chosen profile, as the API does', async () => {
    await openView('&fw=fw-ncsc-caf&profile=caf-baseline', 'frameworks');
    const conformance = await apiGet<ProfileConformanceT[]>(x, `/api/assurance/profiles/caf-baseline?asOf=${AS_OF}`);
    for (const c of conformance) {
      await waitText(x.page, '.profile-pick', `${c.domain}: ${c.meeting} of ${c.targets} outcomes meet their target`);
      const below = c.outcomes.filter((o) => o.meets === false).map((o) => o.requirement).sort();
      const shownBelow = await x.page.locator(`.req-status[data-domain="${c.domain}"] .target.below`).evaluateAll((ts) => ts.map((t) => t.closest('.req')!.getAttribute('data-requirement')!).sort());
      expect(shownBelow).toEqual(below);
    }
    // The cards' charts are drawn even when the tree's answer arrives after them.
    expect(await x.page.locator('.fw-card .card-chart canvas').count()).toBe(await x.page.locator('.fw-card').count());
    const ratings = await x.page.locator('.req.assessable .req-status .st').evaluateAll((s) => s.map((e) => e.getAttribute('data-status')));
    expect(ratings.every((r) => ['achieved', 'partially-achieved', 'not-achieved'].includes(r!))).toBe(true);
    await x.shot('43-assurance-caf-profile');
  });
});

describe('control baseline', () => {
  it('lists every control with its status, maturity and evidence per domain, and its flags', async () => {
    await openView('&av=controls', 'controls');
    const controls = await apiGet<Array<{ control: string; statuses: Array<{ domain: string; effective: string; assessed: { maturity: number } | null }> }>>(x, `/api/assurance/controls?asOf=${AS_OF}`);
    await waitText(x.page, '#controls-count', `${controls.length} of ${controls.length} controls`);
    const rows = await x.page.locator('.controls-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-control'),
      [...tr.querySelectorAll('.c-status [data-domain]')].map((d) => `${d.getAttribute('data-domain')}:${d.querySelector('.st')!.getAttribute('data-status')}`).join(' '),
      [...tr.querySelectorAll('.c-maturity [data-domain]')].map((d) => d.textContent).join(' ')]));
    const page1 = [...controls].sort((a, b) => (a.control < b.control ? -1 : 1)).slice(0, 50);
    expect(rows).toEqual(page1.map((c) => [c.control, c.statuses.map((s) => `${s.domain}:${s.effective}`).join(' '), c.statuses.map((s) => `${s.domain} ${s.assessed?.maturity ?? '–'}`).join(' ')]));
    await x.shot('44-assurance-controls');
  });

  it('filters, sorts and keeps it in the URL', async () => {
    const scopes = await apiGet<ControlScopeT[]>(x, '/api/assurance/control-scope');
    const serving = scopes.filter((s) => s.frameworks.includes('fw-iec61511')).map((s) => s.control);
    await x.page.locator('#controls-filter').fill('fw-iec61511');
    await waitText(x.page, '#controls-count', `${serving.length} of ${scopes.length} controls`);
    expect(x.page.url()).toContain('cq=fw-iec61511');
    expect(await x.page.locator('.controls-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-control')))).toEqual(serving.slice(0, 50));
    await x.page.locator('button.sort[data-sort="flags"]').click();
    await drawn(x.page, 'controls');
    await x.page.locator('button.sort[data-sort="flags"]').click();
    await drawn(x.page, 'controls');
    expect(x.page.url()).toContain('sort=-flags');
    const flags = await x.page.locator('.controls-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('.flag').length));
    expect(flags).toEqual([...flags].sort((a, b) => b - a));
  });

  it('opens a control and lights up where it applies on the topology', async () => {
    const scopes = await apiGet<ControlScopeT[]>(x, '/api/assurance/control-scope');
    const applied = scopes.find((s) => s.appliesTo.length > 0)!;
    await openView(`&av=controls&ctl=${applied.control}`, 'controls');
    const targets = await x.page.locator('#applies-to li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-target')));
    expect(targets).toEqual(applied.appliesTo.map((t) => t.id));
    await x.shot('45-assurance-control-detail');
    await x.page.locator('#show-on-topology').click();
    await x.page.waitForFunction(() => window.interlock!.highlighted().length > 0);
    // The zones it applies to light up with the assets in them.
    const members = await x.page.evaluate((ids) => ids.flatMap((id) => window.interlock!.cy.getElementById(id).children().map((c) => c.id())), applied.appliesTo.map((t) => t.id));
    expect(await highlighted(x.page)).toEqual([...new Set([...applied.appliesTo.map((t) => t.id), ...members])].sort());
    expect(await x.page.locator('#pane-explore').isVisible()).toBe(true);
    await x.shot('46-assurance-control-on-topology');
  });
});

describe('evidence', () => {
  it('counts currency by domain and kind as the API does, draws the timeline and opens revisions', async () => {
    await openView('&av=evidence', 'evidence');
    const list = await apiGet<{ evidence: EvidenceCurrencyT[]; controlsWithoutCurrentEvidence: Record<string, string[]> }>(x, `/api/assurance/evidence?asOf=${AS_OF}`);
    const byDomain = await x.page.locator('#evidence-by-domain tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(byDomain).toEqual(['IT', 'OT'].map((d) => [d, ...['fresh', 'due', 'expired', 'absent'].map((c) => String(list.evidence.filter((e) => e.domains.includes(d as 'IT') && e.currency === c).length))]));
    for (const d of ['IT', 'OT']) await waitText(x.page, `#without-evidence [data-domain="${d}"]`, `${d} (${list.controlsWithoutCurrentEvidence[d]!.length})`);
    const dated = list.evidence.filter((e) => e.expiresOn !== null);
    expect(await chartDescription(x.page, '#evidence-timeline')).toBe(`Evidence expiry as of ${AS_OF}: ${['expired', 'due', 'fresh'].map((c) => `${c} ${dated.filter((e) => e.currency === c).length}`).join(', ')}`);
    const item = list.evidence.find((e) => e.latestCollectedOn)!;
    await x.page.locator(`#evidence-items tr[data-evidence="${item.evidence}"]`).click();
    await drawn(x.page, 'evidence');
    const detail = await apiGet<{ revisions: unknown[] }>(x, `/api/assurance/evidence/${item.evidence}?asOf=${AS_OF}`);
    expect(await x.page.locator('#revisions tbody tr').count()).toBe(detail.revisions.length);
    await x.shot('47-assurance-evidence');
  });
});

describe('risks', () => {
  it('draws a 5 × 5 heat map per register with the API\'s counts, the treatment position and the flags', async () => {
    await openView('&av=risks', 'risks');
    const risks = await apiGet<RiskFindingT[]>(x, `/api/assurance/risks?asOf=${AS_OF}`);
    const report = await apiGet<{ risks: Array<{ register: string; bands: Record<string, Record<string, number>> }> }>(x, `/api/assurance/report?asOf=${AS_OF}`);
    for (const reg of report.risks) {
      const mine = risks.filter((r) => r.register === reg.register);
      const cells = new Map<string, number>();
      for (const r of mine) cells.set(`${r.likelihood}x${r.impact}`, (cells.get(`${r.likelihood}x${r.impact}`) ?? 0) + 1);
      const shown = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k.replace('x', '×')}: ${n}`).join(', ') || 'none';
      expect(await chartDescription(x.page, `.chart.heatmap[data-register="${reg.register}"]`)).toBe(`${reg.register} register, risks by likelihood × impact: ${shown}`);
      const table = await x.page.locator(`table.treatment[data-register="${reg.register}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))));
      expect(table).toEqual(Object.values(reg.bands).map((b) => Object.values(b)));
    }
    const flagged = await x.page.locator('#risk-flags tr[data-flag]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-flag')}:${tr.getAttribute('data-risk')}`));
    expect(flagged).toEqual(risks.flatMap((r) => r.flags.map((f) => `${f}:${r.risk}`)));
    await x.shot('48-assurance-risks');
  });
});

describe('zones', () => {
  it('lists every zone\'s SL-C and draws the selected zone\'s computed vector', async () => {
    await openView('&av=zones', 'zones');
    const zones = await apiGet<ZoneLevelT[]>(x, `/api/assurance/zones?asOf=${AS_OF}`);
    const rows = await x.page.locator('#zones-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-zone'), tr.querySelector('.sl-c')!.textContent, tr.querySelector('.vector')!.textContent]));
    expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(new Set(zones.map((z) => JSON.stringify([z.zone, String(z.slC), z.vector.map((v) => v.slC).join(' ')]))));
    const zone = zones.find((z) => z.zone === rows[0]![0])!;
    const chart = x.page.locator(`#assurance-detail .sl-chart[data-zone="${zone.zone}"]`);
    expect(await chart.getAttribute('data-vector')).toBe(zone.vector.map((v) => v.slC).join(','));
    expect(await chartDescription(x.page, '#assurance-detail .sl-chart')).toBe(`${zone.zone} SL-C per foundational requirement: ${zone.vector.map((v) => `${v.ref} ${v.slC}`).join(', ')}; SL-T ${zone.slTarget}`);
    await waitText(x.page, '#assurance-detail .sl-gaps', zone.gaps.join(', ') || 'none');
    await x.shot('49-assurance-zones');
  });

  it('colours the topology by SL gap and shows a zone\'s SL chart in its panel', async () => {
    await x.page.locator('#colour-topology').click();
    await x.page.waitForFunction(() => window.interlock!.cy.nodes('.zone[slGap]').length > 0);
    const zones = await apiGet<ZoneLevelT[]>(x, `/api/assurance/zones?asOf=${AS_OF}`);
    const coloured = await x.page.evaluate(() => window.interlock!.cy.nodes('.zone').map((z) => [z.id(), z.data('slGap') as number, z.classes().find((c) => c.startsWith('slgap-'))]));
    expect(new Set(coloured.map((c) => JSON.stringify(c)))).toEqual(new Set(zones.map((z) => {
      const gap = Math.max(0, z.slTarget - z.slC);
      return JSON.stringify([z.zone, gap, `slgap-${Math.min(2, gap)}`]);
    })));
    expect(x.page.url()).toContain('slgap=1');
    const sis = zones.find((z) => z.zone === 'z-sis')!;
    await clickElement(x.page, 'z-sis');
    await x.page.waitForSelector('#info .sl-chart[data-zone="z-sis"] canvas');
    expect(await x.page.locator('#info .sl-chart').getAttribute('data-vector')).toBe(sis.vector.map((v) => v.slC).join(','));
    await x.shot('50-topology-sl-gap');
  });
});

describe('projector and print', () => {
  it('draws the views in large text, and prints the view without the interactive chrome', async () => {
    await openView('&av=risks&large=1', 'risks');
    expect(await x.page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    await x.shot('51-assurance-risks-large');
    await openView('&fw=fw-iso27001', 'frameworks');
    await x.page.emulateMedia({ media: 'print' });
    // As window.print() does before it lays the page out for paper: the charts follow their boxes.
    await x.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const visible = async (sel: string) => x.page.locator(sel).first().isVisible();
    expect(await visible('.sidebar')).toBe(false);
    expect(await visible('.topbar')).toBe(false);
    expect(await visible('.fw-card > button')).toBe(false);
    expect(await visible('.tree-tools')).toBe(false);
    expect(await visible('.fw-card')).toBe(true);
    expect(await visible('.req-tree')).toBe(true);
    const overflowing = await x.page.locator('.fw-card').evaluateAll((cards) => cards.filter((c) => c.querySelector('canvas')!.getBoundingClientRect().right > c.getBoundingClientRect().right + 1).length);
    expect(overflowing).toBe(0);
    await x.page.screenshot({ path: `${SCREENSHOTS}/52-assurance-print.png`, fullPage: true });
    await x.page.emulateMedia({ media: 'screen' });
  });

  it('logged no console errors', () => {
    expect(x.errors).toEqual([]);
  });
});
