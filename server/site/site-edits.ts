// Create, update and delete of single entities. Each edit goes through the same validator as a
// whole-site import, inside one write transaction: read the stored site, apply the edit,
// validate the result, write it. So an edit can never leave a dangling reference, a rule whose
// address range is stale, or a flow whose conduits no longer chain — at the cost of rewriting
// the site (fine for a plant; estates of 10,000s of assets should edit through import).
import { AppError, conflict, notFound } from '../errors.js';
import { COLLECTIONS, type CollectionName, type SiteDocument } from '../model/site-schema.js';
import { nameById, validateSite, withArticle } from '../model/validate-site.js';
import type { DbClient } from '../db/client.js';
import { exportIn, replaceIn } from './site-store.js';

type Entity = { id: string };

const KIND: Record<CollectionName, string> = {
  zones: 'zone', conduits: 'conduit', assets: 'asset', flows: 'flow', sifs: 'SIF', procedures: 'procedure',
  roles: 'role', frameworks: 'framework', requirements: 'requirement', controls: 'control', evidence: 'evidence record', risks: 'risk',
};

export const kindOf = (collection: CollectionName) => KIND[collection];

function findOwner(site: SiteDocument, id: string): CollectionName | undefined {
  return (Object.keys(COLLECTIONS) as CollectionName[]).find((key) => site[key].some((item) => item.id === id));
}

async function edit(db: DbClient, change: (site: SiteDocument) => SiteDocument, failure: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const next = change(await exportIn(tx));
    const checked = validateSite(next);
    if (!checked.ok) throw conflict(failure, nameById(checked.errors, next));
    await replaceIn(tx, checked.site);
  });
}

export async function createEntity(db: DbClient, collection: CollectionName, item: Entity): Promise<void> {
  await edit(db, (site) => {
    const owner = findOwner(site, item.id);
    if (owner) throw conflict(`id "${item.id}" is already used by ${withArticle(KIND[owner])}.`, [{ path: 'body.id', message: `id "${item.id}" is already used by ${withArticle(KIND[owner])}.` }]);
    return { ...site, [collection]: [...site[collection], item] };
  }, `The new ${KIND[collection]} "${item.id}" would leave the site inconsistent.`);
}

export async function updateEntity(db: DbClient, collection: CollectionName, id: string, item: Entity): Promise<void> {
  if (item.id !== id) throw new AppError('INTERLOCK_BAD_REQUEST', `body.id "${item.id}" differs from the id in the URL "${id}".`, [{ path: 'body.id', message: `must equal the id in the URL ("${id}")` }]);
  await edit(db, (site) => {
    const items = site[collection] as Entity[];
    if (!items.some((x) => x.id === id)) throw notFound(KIND[collection], id);
    return { ...site, [collection]: items.map((x) => (x.id === id ? item : x)) };
  }, `Updating ${KIND[collection]} "${id}" would leave the site inconsistent.`);
}

export async function deleteEntity(db: DbClient, collection: CollectionName, id: string): Promise<void> {
  await edit(db, (site) => {
    const items = site[collection] as Entity[];
    if (!items.some((x) => x.id === id)) throw notFound(KIND[collection], id);
    return { ...site, [collection]: items.filter((x) => x.id !== id) };
  }, `${KIND[collection]} "${id}" is still referenced; remove or change the references first.`);
}
