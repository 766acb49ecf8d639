import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { importInventory } from '../importers/inventory-csv/import-inventory.js';
import { InventoryAnswer, InventoryRequest, MAX_CSV_CHARS } from '../importers/inventory-csv/inventory-answer.js';
import { actorName } from '../plugins/authentication.js';
import { ErrorBody } from '../model/api-schemas.js';

export async function inventoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/inventory', {
    // The CSV travels as a JSON string: room for its escaping on top of its own limit.
    bodyLimit: MAX_CSV_CHARS * 2 + 1024 * 1024,
    schema: {
      tags: ['importers'],
      summary: 'Import an asset inventory CSV with a column mapping: match to assets by id, then IP, then name; place new assets by zone, subnet or address',
      description: 'All or nothing: any row that cannot be placed or validated refuses the file (422, every problem with its line and column) ' +
        'and nothing is written. With `dryRun: true` the answer says what would change, problems included, and nothing is written. ' +
        'Applying writes the created and updated assets through one site import in merge mode.',
      body: InventoryRequest,
      response: { 200: InventoryAnswer, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => importInventory(app.db, request.body, actorName(request)));
}
