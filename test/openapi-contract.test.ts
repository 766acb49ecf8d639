// The OpenAPI document is the contract Schemathesis holds the server to (npm run fuzz): every
// status a route can answer is declared with its schema, a 204 has no content, the YAML export is
// declared, and the formats the server checks are stated as patterns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers/app.js';
import { miniSite } from './helpers/mini-site.js';

const ctx = useApp(miniSite);
type Operation = { parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>; requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
const operations = () => {
  const doc = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/openapi.json', JSON.stringify(doc, null, 2));
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
};

describe('the OpenAPI document', () => {
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
    const deletes = ops.filter((o) => o.op.responses['204']);
    expect(deletes.map((o) => o.name).sort()).toEqual([
      ...['assets', 'conduits', 'flows', 'procedures', 'sifs', 'tokens', 'zones'].map((c) => `DELETE /api/${c}/{id}`),
      'POST /api/auth/password', 'POST /api/auth/sign-out',
    ]);
    for (const { op } of deletes) expect(op.responses['204']!.content).toBeUndefined();
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
