// OpenAPI generated from the zod route schemas; served as JSON at /openapi.json and with
// Swagger UI at /docs. Registered before the routes so every route is collected.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { SECURITY_SCHEMES } from './authentication.js';

declare module 'fastify' {
  interface FastifySchema {
    /** Media types a status answers in besides JSON, with the same schema: `{ 200: ['application/yaml'] }`. */
    alsoAnswers?: Record<number, string[]>;
    /** Media types a status answers in instead of JSON, as bytes: `{ 200: ['application/pdf'] }`. */
    onlyAnswers?: Record<number, string[]>;
  }
}

type Transform = typeof jsonSchemaTransform;
type JsonSchema = Record<string, unknown>;

/**
 * The zod transform, then what it cannot say: a 204 has no body (so no content type), and a status
 * may answer in more media types than JSON (the YAML export), or in others only (a PDF).
 */
const withMediaTypes: Transform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const schema = transformed.schema as { response?: Record<string, JsonSchema>; alsoAnswers?: Record<string, string[]>; onlyAnswers?: Record<string, string[]> } | undefined;
  const response = schema?.response;
  if (response?.['204']) response['204'] = { type: 'null', description: response['204'].description ?? 'no content' };
  for (const [status, types] of Object.entries(schema?.alsoAnswers ?? {})) {
    const json = response?.[status];
    if (!json || !response) continue;
    const { description, ...body } = json;
    response[status] = { description, content: Object.fromEntries(['application/json', ...types].map((t) => [t, { schema: body }])) };
  }
  for (const [status, types] of Object.entries(schema?.onlyAnswers ?? {})) {
    if (!response?.[status]) continue;
    response[status] = { description: response[status].description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };
  }
  if (schema) {
    delete schema.alsoAnswers;
    delete schema.onlyAnswers;
  }
  return transformed;
};

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
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'health', description: 'Liveness and database reachability' },
        { name: 'identity', description: 'Signing in, sessions, API tokens and accounts' },
        { name: 'audit', description: 'The hash-chained audit log' },
        { name: 'site', description: 'Whole-site import and export' },
        { name: 'topology', description: 'Zones, conduits and assets' },
        { name: 'safety', description: 'Flows, SIFs and procedures' },
        { name: 'graph', description: 'Cytoscape-ready views' },
        { name: 'impact', description: 'What-if assessment of security changes' },
        { name: 'assurance', description: 'One control baseline projected onto every framework: statuses with why, evidence, risks, zone security levels, triage, the board report' },
        { name: 'reviews', description: 'Change requests: assessment, dual sign-off, implementation and the meeting pack' },
      ],
    },
    transform: withMediaTypes,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Swagger UI injects <style> elements as it renders: on /docs only, inline styles (never
  // scripts) are allowed; every other page keeps style-src 'self'.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
}
