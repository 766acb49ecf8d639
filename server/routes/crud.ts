// Create, update and delete routes for one collection of the site document; every edit is
// validated like an import (see site/site-edits.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../model/api-schemas.js';
import type { CollectionName } from '../model/site-schema.js';
import { createEntity, deleteEntity, kindOf, updateEntity } from '../site/site-edits.js';
import { withArticle } from '../model/validate-site.js';

export interface CrudOptions<S extends z.ZodType<{ id: string }>> {
  collection: CollectionName;
  path: string;
  schema: S;
  tag: string;
  /** Reads the entity back after a write, in the shape GET returns. */
  load: (id: string) => Promise<unknown>;
  view: z.ZodType;
}

export function registerCrud<S extends z.ZodType<{ id: string }>>(fastify: FastifyInstance, options: CrudOptions<S>): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const kind = kindOf(options.collection);
  const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.post(options.path, {
    schema: { tags: [options.tag], summary: `Create ${withArticle(kind)}`, body: options.schema, response: { 201: options.view, ...errors } },
  }, async (request, reply) => {
    const item = request.body as { id: string };
    await createEntity(app.db, options.collection, item);
    return reply.code(201).send(await options.load(item.id));
  });

  app.put(`${options.path}/:id`, {
    schema: { tags: [options.tag], summary: `Replace ${withArticle(kind)}`, params: IdParams, body: options.schema, response: { 200: options.view, ...errors } },
  }, async (request) => {
    await updateEntity(app.db, options.collection, request.params.id, request.body as { id: string });
    return options.load(request.params.id);
  });

  app.delete(`${options.path}/:id`, {
    schema: { tags: [options.tag], summary: `Delete ${withArticle(kind)} (409 while anything references it)`, params: IdParams, response: { 204: z.null().describe('deleted'), ...errors } },
  }, async (request, reply) => {
    await deleteEntity(app.db, options.collection, request.params.id);
    return reply.code(204).send(null);
  });
}
