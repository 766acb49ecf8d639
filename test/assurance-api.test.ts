// The assurance API on the hand-computed governance site (helpers/assurance-site.ts, asOf
// 2026-06-30): the numbers the oracle tests work out by hand, now from the routes; triage for a
// selector; assessing a control and adding evidence revisions as versioned writes, and every
// refusal leaving the graph exactly as it was.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { siteDocumentOf } from './helpers/assurance-graph.js';
import { AS_OF, site } from './helpers/assurance-site.js';
import { snapshot } from './helpers/db.js';

// The two assets of z-dmz and z-three get a vendor, model and version for the selector.
const doc = () => {
  const d = siteDocumentOf(site);
  for (const a of d.assets!) if (a.id === 'a-dmz' || a.id === 'a-sensor') Object.assign(a, { vendor: 'Acme', model: 'Gate 9', version: a.id === 'a-dmz' ? '1.2' : '2.0' });
  return d;
};
const ctx = useApp(doc);
const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}asOf=${AS_OF}` });
  return { status: res.statusCode, body: res.json(), etag: res.headers.etag };
};
const refused = async (method: 'PUT' | 'POST', url: string, payload: unknown, headers: Record<string, string> = {}) => {
  const before = await snapshot(ctx.db);
  const res = await ctx.app.inject({ method, url, payload: payload as object, headers });
  expect(await snapshot(ctx.db), `${method} ${url} changed the graph`).toEqual(before);
  return { status: res.statusCode, body: res.json() };
};

describe('reads as of a date', () => {
  it('frameworks: compliance, counts and maturity per domain (fw-it 55.6 / 2.8, fw-ot 91.7 / 2.6, CAF 58.3 / 3.5 in IT and 25.0 / 1.5 in OT)', async () => {
    const { body } = await get('/api/assurance/frameworks');
    expect(body.flatMap((f: { summaries: Array<Record<string, unknown>> }) => f.summaries.map((s) => [s.framework, s.domain, s.compliance, s.maturity, s.counts]))).toEqual([
      ['fw-caf', 'IT', 58.3, 3.5, { met: 2, partial: 3, 'not-met': 1, gap: 0 }],
      ['fw-caf', 'OT', 25, 1.5, { met: 1, partial: 1, 'not-met': 1, gap: 3 }],
      ['fw-it', 'IT', 55.6, 2.8, { met: 4, partial: 2, 'not-met': 1, gap: 2 }],
      ['fw-ot', 'OT', 91.7, 2.6, { met: 5, partial: 1, 'not-met': 0, gap: 0 }],
    ]);
  });

  it('a requirement with why: caf-4 in IT is partial through m4 (it-1 subset caf-4, met, capped), m3 considered', async () => {
    const { body } = await get('/api/assurance/requirements/caf-4?domain=IT');
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ status: 'partial', source: 'projected', rating: 'partially-achieved', why: { controls: [], chosen: { mapping: 'm4', source: 'it-1', relationship: 'subset', full: false, sourceStatus: 'met' } } });
    expect(body[0].why.chosen.sourceControls).toEqual([expect.objectContaining({ control: 'c-a', effective: 'implemented', evidence: [expect.objectContaining({ evidence: 'ev-today', currency: 'due', expiresOn: '2026-06-30' })] })]);
    expect(body[0].why.candidates.map((c: { mapping: string; projected: string }) => [c.mapping, c.projected])).toEqual([['m3', 'not-met'], ['m4', 'partial']]);
    expect((await get('/api/assurance/requirements/it-2')).body[0].why.controls[0]).toMatchObject({ control: 'c-b', effective: 'partial', downgrade: 'unevidenced' });
    expect((await get('/api/assurance/requirements/nope')).status).toBe(404);
  });

  it('the framework tree nests requirements under their groupings with a status per domain', async () => {
    const { body } = await get('/api/assurance/frameworks/fw-ot');
    expect(body.tree.map((n: { requirement: string; children: Array<{ requirement: string }> }) => [n.requirement, n.children.map((c) => c.requirement)]))
      .toEqual([['ot-fr1', ['ot-sr1.1', 'ot-sr1.2']], ['ot-fr2', ['ot-sr2.1']]]);
    expect(body.tree[0].children[1].children[0]).toMatchObject({ requirement: 'ot-sr1.2-re1', statuses: [{ domain: 'OT', status: 'partial', source: 'direct', rating: null }] });
  });

  it('profile conformance: 4 of 6 outcomes in IT, 2 of 6 in OT (caf-1 has no partial column)', async () => {
    const { body } = await get('/api/assurance/profiles/p-test');
    expect(body.map((p: Record<string, unknown>) => [p.domain, p.meeting, p.targets])).toEqual([['IT', 4, 6], ['OT', 2, 6]]);
    expect(body[1].outcomes[0]).toEqual({ requirement: 'caf-1', ref: 'caf-1', status: 'partial', rating: 'not-achieved', target: 'achieved', meets: false });
  });

  it('inconsistencies of every kind', async () => {
    const { body } = await get('/api/assurance/inconsistencies');
    expect(body.map((i: { kind: string; control?: string; mapping?: string }) => `${i.kind} ${i.control ?? i.mapping}`)).toEqual([
      'BOTH-STATUS-DIFFERS c-e', 'BOTH-MATURITY-DIFFERS c-e', 'NOT-ASSESSED c-g', 'BOTH-STATUS-DIFFERS c-g', 'NOT-ASSESSED c-k',
      'BOTH-STATUS-DIFFERS c-l', 'EQUAL-STATUS-DIFFERS m7', 'EQUAL-STATUS-DIFFERS m8',
    ]);
  });

  it('evidence currency at the boundaries, controls without current evidence, revisions newest first and reuse', async () => {
    const { body } = await get('/api/assurance/evidence');
    expect(body.evidence.map((e: Record<string, unknown>) => [e.evidence, e.expiresOn, e.currency])).toEqual([
      ['ev-30', '2026-07-30', 'due'], ['ev-31', '2026-07-31', 'fresh'], ['ev-absent', null, 'absent'], ['ev-expired', '2026-06-29', 'expired'],
      ['ev-order', '2027-06-20', 'fresh'], ['ev-ot', '2027-01-01', 'fresh'], ['ev-today', '2026-06-30', 'due'],
    ]);
    expect(body.controlsWithoutCurrentEvidence).toEqual({ IT: ['c-b', 'c-c', 'c-g'], OT: ['c-e', 'c-g', 'c-k', 'c-l'] });
    const one = await get('/api/assurance/evidence/ev-30');
    expect(one.body.reuse.requirements.map((r: { requirement: string; via: string }) => [r.requirement, r.via])).toEqual([['caf-3', 'direct'], ['it-1', 'm2'], ['ot-sr1.1', 'direct']]);
    expect((await get('/api/assurance/evidence/ev-order')).body.revisions.map((r: { collectedOn: string }) => r.collectedOn)).toEqual(['2026-06-20', '2024-01-01']);
  });

  it('zones: SL-C at every level, the uncertain FR value and SL-A not supported', async () => {
    const { body } = await get('/api/assurance/zones');
    expect(body.map((z: Record<string, unknown> & { vector: Array<{ slC: number }> }) => [z.zone, z.vector.map((v) => v.slC), z.slC, z.gaps, z.slANotSupported, z.uncertain])).toEqual([
      ['z-dmz', [0, 2], 0, ['ot-sr1.1', 'ot-sr1.1-re1'], false, false], ['z-four', [4, 4], 4, [], false, false], ['z-it', [0, 2], 0, ['ot-sr1.1'], true, false],
      ['z-one', [1, 2], 1, ['ot-sr1.1-re1'], true, false], ['z-three', [3, 4], 3, [], false, false], ['z-two', [2, 2], 2, [], false, true], ['z-zero', [0, 2], 0, ['ot-sr1.1'], false, false],
    ]);
  });

  it('risks: scores, bands, flags and treated vs open', async () => {
    const { body } = await get('/api/assurance/risks');
    expect(body.map((r: Record<string, unknown>) => [r.risk, r.score, r.band, r.flags, r.treatmentState])).toEqual([
      ['r-1', 10, 'high', ['JOINT-OWNERSHIP-GAP'], 'treated'], ['r-2', 25, 'very-high', ['SAFETY-RISK-OUTSIDE-OT'], null],
      ['r-3', 4, 'low', ['SAFETY-CONSEQUENCE-UNDERSTATED'], 'open'], ['r-4', 9, 'medium', [], 'treated'], ['r-5', 5, 'medium', ['JOINT-OWNERSHIP-GAP'], 'open'],
      ['r-6', 15, 'very-high', ['SAFETY-CONSEQUENCE-UNDERSTATED'], 'treated'], ['r-7', 1, 'low', ['JOINT-OWNERSHIP-GAP'], 'open'],
      ['r-8', 2, 'low', ['SAFETY-CONSEQUENCE-UNDERSTATED'], null],
    ]);
  });

  it('the board report: per register bands × treatment, open treatments and flags; evidence per domain; safety exposure', async () => {
    const { body } = await get('/api/assurance/report?profile=p-test');
    expect(body.caf.map((c: Record<string, unknown>) => [c.domain, c.meeting, c.notMeeting])).toEqual([['IT', 4, ['caf-3', 'caf-6']], ['OT', 2, ['caf-1', 'caf-2', 'caf-4', 'caf-6']]]);
    expect(body.risks.find((r: { register: string }) => r.register === 'IT')).toMatchObject({
      risks: 4, openTreatments: ['r-7'], bands: { 'very-high': { treated: 1, open: 0, accept: 1, transfer: 0, avoid: 0 } },
      flags: { 'JOINT-OWNERSHIP-GAP': ['r-1', 'r-7'], 'SAFETY-RISK-OUTSIDE-OT': ['r-2'], 'SAFETY-CONSEQUENCE-UNDERSTATED': ['r-6'] },
    });
    // IT evidence: ev-31 fresh, ev-absent, ev-expired, ev-order fresh, ev-today due; OT: ev-30 due, ev-order and ev-ot fresh.
    expect(body.evidence.map((e: Record<string, unknown>) => [e.domain, e.fresh, e.due, e.expired, e.absent])).toEqual([['IT', 2, 1, 1, 1], ['OT', 2, 1, 0, 0]]);
    expect(body.inconsistencies).toEqual({ 'NOT-ASSESSED': 2, 'BOTH-STATUS-DIFFERS': 3, 'BOTH-MATURITY-DIFFERS': 1, 'EQUAL-STATUS-DIFFERS': 2 });
    // sif-1 (a-sensor in z-three, a-ls in z-four): z-three computes SL-C 3 = SL-T, z-four 4 = SL-T, so no exposure.
    expect(body.safety.sifs).toEqual([]);
    expect(body.safety.risks.map((r: { risk: string; treatmentState: string }) => [r.risk, r.treatmentState])).toEqual([['r-2', null], ['r-4', 'treated']]);
    expect((await get('/api/assurance/report?profile=nope')).status).toBe(404);
  });
});

describe('where controls apply', () => {
  it('control-scope: the frameworks each control serves, where it is applied (none: site-wide) and what it mitigates', async () => {
    const { status, body } = await get('/api/assurance/control-scope');
    expect(status).toBe(200);
    const byId = new Map((body as Array<{ control: string }>).map((c) => [c.control, c]));
    expect(byId.get('c-a')).toEqual({ control: 'c-a', frameworks: ['fw-it'], requirements: 3, appliesTo: [], mitigates: ['r-1', 'r-6'] });
    expect(byId.get('c-d')).toEqual({
      control: 'c-d', frameworks: ['fw-caf', 'fw-ot'], requirements: 2, mitigates: [],
      appliesTo: ['z-four', 'z-one', 'z-three', 'z-two'].map((id) => ({ id, kind: 'zone' })),
    });
    expect(byId.get('c-h')!).toMatchObject({ appliesTo: [{ id: 'a-one', kind: 'asset' }, ...['z-four', 'z-three', 'z-two'].map((id) => ({ id, kind: 'zone' }))] });
  });

  it('site: the site the numbers are of (this document has no site block: null)', async () => {
    const { status, body } = await get('/api/assurance/site');
    expect(status).toBe(200);
    expect(body).toEqual({ site: null, name: null });
  });
});

describe('triage', () => {
  it('for a selector: Acme Gate 9 below 2.0 is a-dmz, shared (Purdue 3.5), in the JOINT register, with the patch what-if', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/assurance/triage', payload: { selector: { vendor: 'Acme', model: 'Gate 9', versionBelow: '2.0' }, asOf: AS_OF } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.targets).toEqual(['a-dmz']);
    expect(body.items).toEqual([expect.objectContaining({
      asset: 'a-dmz', shared: true, registers: ['JOINT'], controls: [{ control: 'c-f', name: 'c-f', domain: 'BOTH', why: 'mitigates' }],
      risks: [expect.objectContaining({ risk: 'r-4', owner: 'owner', treatmentState: 'treated', via: 'a-dmz' })],
      note: 'Captured by the JOINT register; remediation driven by owner (JOINT).',
    })]);
    expect(body.patch.change).toEqual({ kind: 'patch', targets: ['a-dmz'], requiresReboot: true, downtimeMinutes: 0 });
    expect(body.patch.impact.summary.safetyPathTouched).toBe(false);
  });
  it('names what it cannot resolve', async () => {
    expect((await refused('POST', '/api/assurance/triage', { selector: { vendor: 'Nobody' } })).status).toBe(422);
    expect((await refused('POST', '/api/assurance/triage', { assets: ['a-it', 'ghost'] })).body.errors).toEqual([{ path: 'body.assets[1]', message: 'asset "ghost" does not exist.' }]);
    // Both at once matches the schema but breaks a rule it cannot state (one or the other): 422.
    expect((await refused('POST', '/api/assurance/triage', { assets: ['a-it'], selector: { vendor: 'Acme' } })).status).toBe(422);
  });
});

describe('writes: versioned, If-Match, never overwriting evidence', () => {
  it('assessing c-b for IT moves fw-it; a stale or missing If-Match and a domain it does not cover are refused', async () => {
    const read = await get('/api/assurance/controls/c-c');
    const assessment = { status: 'implemented', maturity: 3, assessor: 'G. Lead', assessedOn: '2026-06-30' };
    expect((await refused('PUT', '/api/assurance/controls/c-c/assessments/IT', assessment)).status).toBe(428);
    expect((await refused('PUT', '/api/assurance/controls/c-c/assessments/OT', assessment, { 'if-match': read.etag! })).status).toBe(422);
    expect((await refused('PUT', '/api/assurance/controls/c-c/assessments/IT', { ...assessment, maturity: 9 }, { 'if-match': read.etag! })).status).toBe(400);
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/assurance/controls/c-c/assessments/IT', payload: assessment, headers: { 'if-match': read.etag! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${read.body.version + 1}"`);
    // c-c's only evidence is absent: implemented but unevidenced counts as partial.
    expect(res.json().statuses).toEqual([expect.objectContaining({ domain: 'IT', assessed: assessment, effective: 'partial', downgrade: 'unevidenced' })]);
    expect((await refused('PUT', '/api/assurance/controls/c-c/assessments/IT', assessment, { 'if-match': read.etag! })).status).toBe(412);
    // it-4 (c-c only) goes from not met to partial: (4 + ½·3) / 9 = 61.1 %.
    const fw = (await get('/api/assurance/frameworks')).body.find((f: { framework: string }) => f.framework === 'fw-it');
    expect(fw.summaries[0]).toMatchObject({ compliance: 61.1, counts: { met: 4, partial: 3, 'not-met': 0, gap: 2 } });
  });

  it('a revision from a given hash or an uploaded file is added, never overwriting; a copy of the latest is 409', async () => {
    const before = await get('/api/assurance/evidence/ev-absent');
    const revision = { collectedOn: '2026-06-29', sha256: 'b'.repeat(64), addedBy: 'G. Lead', uri: 'https://dms.example/ev-absent/1' };
    const added = await ctx.app.inject({ method: 'POST', url: '/api/assurance/evidence/ev-absent/revisions', payload: revision, headers: { 'if-match': before.etag! } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ revisions: [revision], latestCollectedOn: '2026-06-29' });
    expect((await refused('POST', '/api/assurance/evidence/ev-absent/revisions', revision, { 'if-match': added.headers.etag as string })).status).toBe(409);
    expect((await refused('POST', '/api/assurance/evidence/ev-absent/revisions', revision, { 'if-match': before.etag! })).status).toBe(412);
    expect((await refused('POST', '/api/assurance/evidence/ev-absent/revisions', { ...revision, collectedOn: '2999-01-01' }, { 'if-match': added.headers.etag as string })).status).toBe(422);
    const file = Buffer.from('P&ID set, revision C');
    const upload = await ctx.app.inject({
      method: 'POST', url: '/api/assurance/evidence/ev-absent/revisions/upload?collectedOn=2026-06-29&addedBy=G.%20Lead', payload: file,
      headers: { 'content-type': 'application/octet-stream', 'if-match': added.headers.etag as string },
    });
    expect(upload.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect(upload.json().revisions).toEqual([{ collectedOn: '2026-06-29', sha256, addedBy: 'G. Lead' }, revision]);
    expect(upload.json().latestSha256).toBe(sha256);
  });
});

describe('the OpenAPI document', () => {
  it('lists every assurance route with the refusals it can give', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    // Besides each route's own answers: the sign-in and the edge's on every route (401, 403, 421,
    // 429), and on a route with a body its size and media type (413, 415).
    const shared = (method: string) => ['401', '403', '421', '429', ...(method === 'get' ? [] : ['413', '415'])];
    const routes = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/assurance/'))
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => {
        const own = Object.keys(op.responses).filter((code) => !shared(m).includes(code));
        const missing = shared(m).filter((code) => !(code in op.responses));
        return `${m.toUpperCase()} ${p} ${own.sort().join(',')}${missing.length ? ` missing ${missing.join(',')}` : ''}`;
      })).sort();
    expect(routes).toEqual([
      'GET /api/assurance/control-scope 200,400,422,503',
      'GET /api/assurance/controls 200,400,422,503',
      'GET /api/assurance/controls/{id} 200,400,404,422,503',
      'GET /api/assurance/evidence 200,400,422,503',
      'GET /api/assurance/evidence/{id} 200,400,404,422,503',
      'GET /api/assurance/evidence/{id}/revisions 200,400,404,422,503',
      'GET /api/assurance/frameworks 200,400,422,503',
      'GET /api/assurance/frameworks/{id} 200,400,404,422,503',
      'GET /api/assurance/frameworks/{id}/summary 200,400,404,422,503',
      'GET /api/assurance/inconsistencies 200,400,422,503',
      'GET /api/assurance/oscal/assessment-results 200,400,404,422,503',
      'GET /api/assurance/profiles/{id} 200,400,404,422,503',
      'GET /api/assurance/report 200,400,404,422,503',
      'GET /api/assurance/report.pdf 200,400,404,422,503',
      'GET /api/assurance/requirements/{id} 200,400,404,422,503',
      'GET /api/assurance/risks 200,400,422,503',
      'GET /api/assurance/shared-systems 200,400,422,503',
      'GET /api/assurance/site 200,400,422,503',
      'GET /api/assurance/zones 200,400,422,503',
      'POST /api/assurance/evidence/{id}/revisions 201,400,404,409,412,422,428,503',
      'POST /api/assurance/evidence/{id}/revisions/upload 201,400,404,409,412,422,428,503',
      'POST /api/assurance/oscal/catalog 201,400,409,422,503',
      'POST /api/assurance/triage 200,400,404,422,503',
      'PUT /api/assurance/controls/{id}/assessments/{domain} 200,400,404,409,412,422,428,503',
    ]);
  });
});
