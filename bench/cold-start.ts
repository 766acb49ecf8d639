// The first import after Neo4j starts pays for query planning and a cold JVM (seconds, whatever
// the size). The sizes are measured after one import of a small estate, so they show the cost a
// running server has; that first import is reported on its own, as the cold start.
import type { DbClient } from '../server/db/client.js';
import { generateEstate } from '../server/generate/estate.js';
import { importSite } from '../server/site/import-site.js';
import { log } from './progress.js';

export interface ColdStart { assets: number; seconds: number; nodesAndRelationships: number }

export async function coldStartImport(db: DbClient, seed: number): Promise<ColdStart> {
  const assets = 1_000;
  log(`cold start: first import after Neo4j started (${assets} assets, seed ${seed + 1})`);
  const result = await importSite(db, generateEstate({ assets, seed: seed + 1 }), 'replace', { actor: 'bench' });
  log(`  ${(result.ms / 1000).toFixed(1)} s`);
  return { assets, seconds: result.ms / 1000, nodesAndRelationships: result.nodes + result.relationships };
}
