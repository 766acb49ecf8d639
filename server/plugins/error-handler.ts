// One error handler: request validation → 400 with field paths (422 when only a rule the schema
// cannot state is broken), site validation → 400 or 422 with the whole list, AppError → its
// status, Neo4j constraint violations → 409, an unreachable database (DatabaseUnavailableError,
// raised by db/client.ts) or a query over its budget → 503 with Retry-After. A 5xx never carries
// internals to the client; they go to the log with the request.
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { Neo4jError } from 'neo4j-driver';
import { loggableUrl } from '../identity/secrets.js';
import { AppError, DatabaseUnavailableError, ERROR_CODES, invalidRequest, type ErrorCode, type FieldError } from '../errors.js';
import { SiteValidationError } from '../site/import-site.js';

// A query past its transaction timeout or Neo4j's transaction memory ceiling (db/client.ts).
const OVER_BUDGET = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.General.TransactionMemoryLimit', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
]);
const isOverBudget = (error: unknown) => error instanceof Neo4jError && OVER_BUDGET.has(error.code);

function body(code: ErrorCode, message: string, errors?: FieldError[]) {
  return { statusCode: ERROR_CODES[code], code, message, ...(errors ? { errors } : {}) };
}

const breaksRules = (e: AppError) => new AppError('INTERLOCK_UNPROCESSABLE', e.message, e.errors);

/** A stable code for a client error Fastify or a plugin raised with a bare status. */
function clientErrorCode(status: number): ErrorCode {
  const byStatus: Partial<Record<number, ErrorCode>> = { 405: 'INTERLOCK_METHOD_NOT_ALLOWED', 413: 'INTERLOCK_BODY_TOO_LARGE', 415: 'INTERLOCK_UNSUPPORTED_MEDIA_TYPE' };
  return byStatus[status] ?? 'INTERLOCK_BAD_REQUEST';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('INTERLOCK_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const send = (e: AppError) => reply.code(e.statusCode).headers(e.headers ?? {}).send(body(e.code, e.message, e.errors));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const invalid = invalidRequest(where, error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message,
      })));
      // 400 when the request breaks its published schema; 422 when it matches it but breaks a
      // rule the schema cannot state (zod refinements: one field against another, real dates).
      return send(error.validation.every((v) => v.keyword === 'custom') ? breaksRules(invalid) : invalid);
    }
    if (error instanceof SiteValidationError) {
      const code = error.breaksSchema ? 'INTERLOCK_INVALID_SITE' : 'INTERLOCK_INCONSISTENT_SITE';
      return reply.code(ERROR_CODES[code]).send({ ...body(code, error.message, error.errors), total: error.total });
    }
    if (isOverBudget(error)) {
      request.log.warn({ err: error, url: request.url, method: request.method }, 'query over its time or memory budget');
      return reply.code(503).header('retry-after', '30').send(body('INTERLOCK_QUERY_TIMEOUT', 'The request needed more time or memory in the graph database than it is allowed; narrow it, or try again when the server is less busy.'));
    }
    if (error instanceof DatabaseUnavailableError) {
      request.log.warn({ reason: error.reason, url: request.url, method: request.method }, 'database unavailable');
      reply.header('retry-after', String(error.retryAfterSeconds));
      return send(error);
    }
    if (error instanceof AppError) return send(error);
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return reply.code(409).send(body('INTERLOCK_CONFLICT', 'That id is already taken.'));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON or YAML, unsupported media type, body too large.
      return reply.code(status).send({ statusCode: status, code: clientErrorCode(status), message: error.message });
    }
    request.log.error({ err: error, url: loggableUrl(request.url), method: request.method }, 'unhandled error');
    return reply.code(500).send(body('INTERLOCK_INTERNAL', 'Internal error; it has been logged.'));
  });
}
