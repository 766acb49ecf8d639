import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { SifDetail, SifSummary } from '../model/api-schemas.js';
import type { SifT } from '../model/site-schema.js';
import { withoutDerived } from '../site/from-graph.js';
import { registerEntityRoutes } from './entity-routes.js';

export async function sifRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/sifs', {
    schema: { tags: ['safety'], summary: 'List SIFs, highest SIL first, with their voting groups', response: { 200: z.array(SifSummary) } },
  }, async () => (await app.db.read('read/sifs')).map((row) => ({ ...(withoutDerived(row.props) as Omit<SifT, 'groups' | 'dependsOn'>), groups: row.groups, flowCount: row.flowCount })));

  registerEntityRoutes(app, {
    collection: 'sifs', path: '/sifs', tag: 'safety', view: SifDetail, extras: 'read/sif-safety-path',
    readSummary: 'One SIF with its full safety path',
    readDescription: 'Elements with voting groups; the flows it depends on (directly and through procedures that back it up); the conduits, firewalls and zones they cross.',
    toView: (s) => ({ ...s.doc, safetyPath: s.extras }),
  });
}
