// The OpenAPI document is the contract Schemathesis holds the server to (npm run fuzz): every
// status a route can answer is declared with its schema, a 204 has no content, the YAML export is
// declared, and the formats the server checks are stated as patterns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { miniSite } from './helpers/mini-site.js';
import { ensureUser } from './helpers/users.js';

const ctx = useApp(miniSite);
type Operation = { parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> & { pattern?: string } }>; requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
const operations = () => {
  const doc = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/openapi.json', JSON.stringify(doc, null, 2));
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
};

describe('the OpenAPI document', () => {
  it('resolves every reference but the OSCAL catalog\'s nested parts: the requirement tree is a named component', () => {
    operations();
    const doc = ctx.app.swagger() as unknown as { paths: Record<string, unknown>; components: { schemas?: Record<string, unknown> } };
    const refs = (part: unknown) => new Set([...JSON.stringify(part).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!));
    // Left unnamed on purpose (see oscal-catalog.ts): groups and controls, the references the document does not hold.
    const { '/api/assurance/oscal/catalog': oscal, ...others } = doc.paths;
    expect([...refs(oscal)]).toEqual(['schema0', 'schema1']);
    expect(refs(others)).toEqual(new Set(['RequirementTreeNode']));
    for (const ref of refs({ others, components: doc.components })) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('declares, on every operation, the statuses the edge can answer: 400, 421, 429, 503, and 413, 415 with a body', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(46);
    for (const { name, op } of ops) {
      for (const status of ['400', '421', '429', '503']) expect(Object.keys(op.responses), name).toContain(status);
      if (op.requestBody) for (const status of ['413', '415']) expect(Object.keys(op.responses), name).toContain(status);
    }
  });

  it('declares a 204 without content, and the YAML export with its media type', () => {
    const ops = operations();
    const noContent = ops.filter((o) => o.op.responses['204']);
    expect(noContent.map((o) => o.name).sort()).toEqual([
      ...['assets', 'conduits', 'flows', 'procedures', 'sifs'].map((c) => `DELETE /api/${c}/{id}`),
      'DELETE /api/tokens/{id}', 'DELETE /api/zones/{id}', 'POST /api/auth/password', 'POST /api/auth/sign-out',
    ]);
    for (const { op } of noContent) expect(op.responses['204']!.content).toBeUndefined();
    const exported = ops.find((o) => o.name === 'GET /api/export')!.op;
    expect(Object.keys(exported.responses['200']!.content!)).toEqual(['application/json', 'application/yaml']);
  });

  it('states the formats the server checks as patterns (If-Match, addresses, ports, zone lists)', () => {
    const ops = operations();
    const ifMatch = ops.find((o) => o.name === 'PUT /api/zones/{id}')!.op.parameters!.find((p) => p.name === 'if-match')!;
    expect(ifMatch.schema.pattern).toBe('^\\s*("\\d{1,15}"|\\d{1,15}|\\*)\\s*$');
    const expand = ops.find((o) => o.name === 'GET /api/graph/topology')!.op.parameters!.find((p) => p.name === 'expand')!;
    expect(expand.schema).toMatchObject({ type: 'string', maxLength: 1000 });
    expect(expand.schema.pattern).toBeDefined();
    const zone = JSON.stringify(ops.find((o) => o.name === 'POST /api/zones')!.op.requestBody);
    expect(zone).toContain('"enum":[0]');
    expect(zone).toContain('/(3[0-2]|[12]?\\\\d)$');
    const asset = JSON.stringify(ops.find((o) => o.name === 'POST /api/assets')!.op.requestBody);
    expect(asset).toContain('"pattern":"^(25[0-5]');
    const traffic = ops.find((o) => o.name === 'POST /api/traffic')!.op.requestBody as { content: Record<string, { schema: unknown }> };
    expect(traffic.content['text/plain']!.schema).toMatchObject({ type: 'string', minLength: 1 });
  });
});

// The three disagreements the full Schemathesis run (1,000 examples per operation) found: each a
// value the document and the server judged differently.
describe('the document and the server agree', () => {
  const param = (operation: string, name: string) => operations().find((o) => o.name === operation)!.op.parameters!.find((p) => p.name === name)!;
  const refusal = (res: { statusCode: number; json: () => { errors?: Array<{ path: string }> } }) => ({ status: res.statusCode, paths: res.json().errors?.map((e) => e.path) });

  it('a list of ids is refused by the pattern exactly when the server refuses its count', async () => {
    const pattern = new RegExp(param('GET /api/reviews/pack.pdf', 'ids').schema.pattern!);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `cr-${i}`).join(',');
    expect(pattern.test(ids(30))).toBe(true);
    expect(pattern.test(`,${ids(30)},,`)).toBe(true);
    expect(pattern.test(ids(31))).toBe(false);
    expect(pattern.test(ids(30).replace(',', ',,,'))).toBe(true);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/reviews/pack.pdf?ids=${ids(31)}` });
    expect(refusal(res)).toEqual({ status: 400, paths: ['querystring.ids'] });
    expect(res.json().message).toContain('must be one or more change request ids separated by commas, at most 30');
    const zones = new RegExp(param('GET /api/assurance/zones', 'zones').schema.pattern!);
    expect([zones.test(''), zones.test(ids(500)), zones.test(ids(501))]).toEqual([true, true, false]);
  });

  it('an OSCAL catalog\'s domains are a pattern the server holds too', async () => {
    const pattern = new RegExp(param('POST /api/assurance/oscal/catalog', 'domains').schema.pattern!);
    expect(['IT', 'OT', 'IT,OT', 'OT,IT', '000000000', 'IT,', 'IT,OT,IT', 'it'].map((d) => pattern.test(d))).toEqual([true, true, true, true, false, false, false, false]);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/assurance/oscal/catalog?framework=x&domains=000000000', payload: { catalog: { uuid: 'u', metadata: { title: 't', version: '1', 'oscal-version': '1.1.2' } } } });
    expect(refusal(res)).toEqual({ status: 400, paths: ['querystring.domains'] });
    expect(res.json().message).toContain('must be IT, OT or IT,OT');
  });

  it('an empty number in a query string is refused, not read as 0', async () => {
    for (const url of ['/api/revisions?since=', '/api/revisions?perRevision=', '/api/revisions/1/changes?offset=', '/api/audit?before=']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const name = url.split('?')[1]!.slice(0, -1);
      expect(refusal(res), url).toEqual({ status: 400, paths: [`querystring.${name}`] });
    }
    expect(param('GET /api/revisions', 'since').schema).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/revisions?since=0&perRevision=0' })).statusCode).toBe(200);
  });

  it('an evidence upload\'s too-long source URI reaches the schema over real HTTP: 400 naming uri, not Node\'s 431', async () => {
    await ensureUser(ctx.db, { username: 'uploader', roles: ['admin'], password: 'uploader-password-1' });
    const token = (await ctx.app.inject({ method: 'POST', url: '/api/users/uploader/tokens', payload: { name: 'upload' } })).json().token as string;
    // Closed with the app after the file.
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    // 2,001 characters of four UTF-8 bytes each: 24 KB percent-encoded, past Node's default head.
    const uri = encodeURIComponent('\u{1D49C}'.repeat(2001));
    const res = await fetch(`${address}/api/assurance/evidence/ev-none/revisions/upload?collectedOn=2026-01-01&addedBy=a&uri=${uri}`, {
      method: 'POST', body: 'bytes', headers: { 'content-type': 'application/octet-stream', 'if-match': '"1"', authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['querystring.uri']);
  });
});
