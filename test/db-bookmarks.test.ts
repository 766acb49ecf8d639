// Reads must see the process's own writes on a cluster too: every session and executeQuery of
// a DbClient shares one bookmark manager, so the bookmark of each write is carried by later reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { importSite } from '../server/site/import-site.js';
import { readList } from '../server/site/read-entities.js';
import { miniSite } from './helpers/mini-site.js';
import { testDb } from './helpers/db.js';

describe('bookmarks', () => {
  let db: DbClient;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('a write transaction leaves its bookmark with the shared manager, and the next write replaces it', async () => {
    await importSite(db, miniSite(), 'replace', { actor: 'test' });
    const first = [...(await db.bookmarks.getBookmarks())];
    expect(first).toHaveLength(1);
    const renamed = miniSite();
    renamed.zones = renamed.zones!.map((z) => ({ ...z, name: `${z.name} (renamed)` }));
    await importSite(db, renamed, 'replace', { actor: 'test' });
    const second = [...(await db.bookmarks.getBookmarks())];
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
    // A read carries that bookmark and sees the write.
    const zones = await readList(db, 'zones', 'read/zones');
    expect(zones.length).toBe(renamed.zones.length);
    expect(zones.every((z) => z.doc.name.endsWith('(renamed)'))).toBe(true);
  });
});
