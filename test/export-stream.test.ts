// The streamed export is, piece by piece, exactly the text of the whole document serialised at
// once (JSON and YAML), and a large estate goes out in many small pieces, never one string.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { generateEstate } from '../server/generate/estate.js';
import { SiteDocument } from '../server/model/site-schema.js';
import { canonicalSite } from '../server/site/canonical.js';
import { exportStream } from '../server/site/export-stream.js';

const pieces = async (doc: SiteDocument, format: 'json' | 'yaml') => {
  const out: string[] = [];
  for await (const piece of exportStream(doc, format)) out.push(String(piece));
  return out;
};
const plant = () => canonicalSite(SiteDocument.parse(parse(readFileSync('fixtures/reference-plant.yaml', 'utf8'))));

describe('streamed export', () => {
  it('gives the same JSON and YAML text as serialising the whole document', async () => {
    const doc = plant();
    expect((await pieces(doc, 'json')).join('')).toBe(JSON.stringify(doc));
    expect((await pieces(doc, 'yaml')).join('')).toBe(stringify(doc));
    const empty = SiteDocument.parse({});
    expect((await pieces(empty, 'json')).join('')).toBe(JSON.stringify(empty));
    expect((await pieces(empty, 'yaml')).join('')).toBe(stringify(empty));
  });

  it('sends a 2,000-asset estate in pieces of a few kilobytes at most', async () => {
    const doc = canonicalSite(generateEstate({ assets: 2000, seed: 3 }));
    for (const format of ['json', 'yaml'] as const) {
      const out = await pieces(doc, format);
      expect(out.length).toBeGreaterThan(2000);
      expect(Math.max(...out.map((p) => p.length))).toBeLessThan(64 * 1024);
    }
  });
});
