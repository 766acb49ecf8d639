// One error handler: request validation → 400 with field paths, site validation → 400 with the
// whole list, AppError → its status, Neo4j constraint violations → 409, an unreachable database
// → 503. A 5xx never carries internals to the client; they go to the log with the request.
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { Neo4jError } from 'neo4j-driver';
import { loggableUrl } from '../identity/secrets.js';
import { AppError, ERROR_CODES, invalidRequest, type ErrorCode, type FieldError } from '../errors.js';
import { SiteValidationError } from '../site/import-site.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

function body(code: ErrorCode, message: string, errors?: FieldError[]) {
  return { statusCode: ERROR_CODES[code], code, message, ...(errors ? { errors } : {}) };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('INTERLOCK_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const send = (e: AppError) => reply.code(e.statusCode).headers(e.headers ?? {}).send(body(e.code, e.message, e.errors));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return send(invalidRequest(where, error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message,
      }))));
    }
    if (error instanceof SiteValidationError) {
      return reply.code(400).send({ ...body('INTERLOCK_INVALID_SITE', error.message, error.errors), total: error.total });
    }
    if (error instanceof AppError) return send(error);
    if (error instanceof Neo4jError) {
      if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        return reply.code(409).send(body('INTERLOCK_CONFLICT', 'That id is already taken.'));
      }
      if (UNAVAILABLE.has(error.code)) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply.code(503).send(body('INTERLOCK_DATABASE_UNAVAILABLE', 'The graph database is not reachable; try again shortly.'));
      }
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON or YAML, unsupported media type, body too large.
      return reply.code(status).send({ statusCode: status, code: 'INTERLOCK_BAD_REQUEST', message: error.message });
    }
    request.log.error({ err: error, url: loggableUrl(request.url), method: request.method }, 'unhandled error');
    return reply.code(500).send(body('INTERLOCK_INTERNAL', 'Internal error; it has been logged.'));
  });
}
