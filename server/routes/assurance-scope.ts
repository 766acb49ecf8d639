// Where each control applies and which frameworks it serves: the explorer's control baseline
// table joins this with /assurance/controls (statuses) by control id. And which site the numbers
// are of, for the board report's title.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlScope, SiteName, type ControlScopeT } from '../assurance/scope-schema.js';
import { assuranceErrors, failClosed } from './assurance.js';

export async function assuranceScopeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  failClosed(app);

  app.get('/assurance/control-scope', {
    schema: {
      tags: ['assurance'], summary: 'Every control with the frameworks it serves, where it is applied (zones, assets, conduits; none: site-wide) and the risks it mitigates',
      response: { 200: z.array(ControlScope), ...assuranceErrors },
    },
  }, async () => (await app.db.read('assurance/control-scope', { controls: null })) as ControlScopeT[]);

  app.get('/assurance/site', {
    schema: {
      tags: ['assurance'], summary: 'The site the assurance numbers are of: its id and name (the board report\'s title)',
      response: { 200: SiteName, ...assuranceErrors },
    },
  }, async () => {
    const [row] = await app.db.read('site/site-info');
    const props = (row?.props ?? {}) as { id?: string; name?: string };
    return { site: props.id ?? null, name: props.name ?? null };
  });
}
