// Reads must see the process's own writes on a cluster too: every session and executeQuery of
// a Graph shares one bookmark manager, so the bookmark of each write is carried by later reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../server/db/graph.js';
import { importSite } from '../server/site/site-store.js';
import { miniSite } from './helpers/mini-site.js';
import { testGraph } from './helpers/graph.js';

describe('bookmarks', () => {
  let graph: Graph;
  beforeAll(async () => { graph = await testGraph(); });
  afterAll(async () => { await graph.close(); });

  it('a write transaction leaves its bookmark with the shared manager, and the next write replaces it', async () => {
    await importSite(graph, miniSite(), 'replace');
    const first = [...(await graph.bookmarks.getBookmarks())];
    expect(first).toHaveLength(1);
    const renamed = miniSite();
    renamed.zones = renamed.zones!.map((z) => ({ ...z, name: `${z.name} (renamed)` }));
    await importSite(graph, renamed, 'replace');
    const second = [...(await graph.bookmarks.getBookmarks())];
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
    // A read carries that bookmark and sees the write.
    const zones = await graph.read('read/zones');
    expect(zones.length).toBe(renamed.zones.length);
    expect(zones.every((z) => String(z.props.name).endsWith('(renamed)'))).toBe(true);
  });
});
