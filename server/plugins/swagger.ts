// OpenAPI generated from the zod route schemas; served as JSON at /openapi.json and with
// Swagger UI at /docs. Registered before the routes so every route is collected.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';

export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Interlock API',
        version: '0.1.0',
        description:
          'Safety-security dependency graph for converged IT/OT estates. Import a site, explore its zones, ' +
          'conduits and safety paths, and ask before a change whether it touches a safety path.',
      },
      tags: [
        { name: 'health', description: 'Liveness and database reachability' },
        { name: 'site', description: 'Whole-site import and export' },
        { name: 'topology', description: 'Zones, conduits and assets' },
        { name: 'safety', description: 'Flows, SIFs and procedures' },
        { name: 'graph', description: 'Cytoscape-ready views' },
        { name: 'impact', description: 'What-if assessment of security changes' },
        { name: 'assurance', description: 'One control baseline projected onto every framework: statuses with why, evidence, risks, zone security levels, triage, the board report' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
