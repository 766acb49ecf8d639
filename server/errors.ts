// Every error the API returns has a stable code from this one table; clients and tests match on
// the code, people read the message.
export const ERROR_CODES = {
  INTERLOCK_BAD_REQUEST: 400,
  INTERLOCK_INVALID_SITE: 400,
  INTERLOCK_INVALID_CHANGE: 400,
  INTERLOCK_UNAUTHENTICATED: 401,
  INTERLOCK_SIGN_IN_FAILED: 401,
  INTERLOCK_FORBIDDEN: 403,
  INTERLOCK_CSRF: 403,
  INTERLOCK_NOT_FOUND: 404,
  INTERLOCK_METHOD_NOT_ALLOWED: 405,
  INTERLOCK_CONFLICT: 409,
  INTERLOCK_PRECONDITION_FAILED: 412,
  INTERLOCK_BODY_TOO_LARGE: 413,
  INTERLOCK_UNSUPPORTED_MEDIA_TYPE: 415,
  INTERLOCK_MISDIRECTED: 421,
  INTERLOCK_PRECONDITION_REQUIRED: 428,
  INTERLOCK_UNPROCESSABLE: 422,
  INTERLOCK_INCONSISTENT_SITE: 422,
  INTERLOCK_LOCKED_OUT: 429,
  INTERLOCK_RATE_LIMITED: 429,
  INTERLOCK_DATABASE_UNAVAILABLE: 503,
  INTERLOCK_GRAPH_IN_DOUBT: 503,
  INTERLOCK_OVERLOADED: 503,
  INTERLOCK_QUERY_TIMEOUT: 503,
  INTERLOCK_PROVIDER_UNAVAILABLE: 503,
  INTERLOCK_PDF_UNAVAILABLE: 503,
  INTERLOCK_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(readonly code: ErrorCode, message: string, readonly errors?: FieldError[], readonly headers?: Record<string, string>) {
    super(message);
    this.statusCode = ERROR_CODES[code];
  }
}

export const notFound = (kind: string, id: string, path?: string) =>
  new AppError('INTERLOCK_NOT_FOUND', `${kind} "${id}" does not exist.`, path ? [{ path, message: `${kind} "${id}" does not exist.` }] : undefined);

/** A request part (body, querystring, params) that failed its schema: 400 naming each field. */
export const invalidRequest = (where: string, errors: FieldError[]) =>
  new AppError('INTERLOCK_BAD_REQUEST', `Invalid ${where}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);

export const conflict = (message: string, errors?: FieldError[]) => new AppError('INTERLOCK_CONFLICT', message, errors);

/** Retry-After of a 503 for an unreachable database: about what a restart of Neo4j takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Neo4j cannot be reached (or stopped answering): every route says so at once, with how long to
 * wait, rather than hanging in driver retries or answering from nothing. The reason (the
 * driver's words) is for logs and the CLIs; a client never sees it.
 */
export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;
  constructor(readonly reason?: string) {
    super('INTERLOCK_DATABASE_UNAVAILABLE', 'The graph database is not reachable right now; try again in a few seconds.');
  }
}
