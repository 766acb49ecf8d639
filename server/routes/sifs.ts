import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { ErrorBody, IdParams, SafetyPath, SifDetail, SifSummary } from '../model/api-schemas.js';
import { Sif } from '../model/site-schema.js';
import { sifFromRow } from '../site/from-graph.js';
import { registerCrud } from './crud.js';

export async function sifRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const [row] = await app.db.read('read/sif', { id });
    if (!row) throw notFound('SIF', id);
    const [path] = await app.db.read('read/sif-safety-path', { id });
    return { ...sifFromRow(row), safetyPath: path as z.infer<typeof SafetyPath> };
  };

  app.get('/sifs', {
    schema: { tags: ['safety'], summary: 'List SIFs, highest SIL first, with their voting groups', response: { 200: z.array(SifSummary) } },
  }, async () => (await app.db.read('read/sifs')).map((row) => ({ ...row.props, groups: row.groups, flowCount: row.flowCount })));

  app.get('/sifs/:id', {
    schema: {
      tags: ['safety'],
      summary: 'One SIF with its full safety path',
      description: 'Elements with voting groups; the flows it depends on (directly and through procedures that back it up); the conduits, firewalls and zones they cross.',
      params: IdParams,
      response: { 200: SifDetail, 404: ErrorBody },
    },
  }, async (request) => load(request.params.id));

  registerCrud(app, { collection: 'sifs', path: '/sifs', schema: Sif, tag: 'safety', load, view: SifDetail });
}
