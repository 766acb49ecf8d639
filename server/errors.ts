// Every error the API returns has a stable code from this one table; clients and tests match on
// the code, people read the message.
export const ERROR_CODES = {
  INTERLOCK_BAD_REQUEST: 400,
  INTERLOCK_INVALID_SITE: 400,
  INTERLOCK_INVALID_CHANGE: 400,
  INTERLOCK_NOT_FOUND: 404,
  INTERLOCK_CONFLICT: 409,
  INTERLOCK_PRECONDITION_FAILED: 412,
  INTERLOCK_PRECONDITION_REQUIRED: 428,
  INTERLOCK_UNPROCESSABLE: 422,
  INTERLOCK_DATABASE_UNAVAILABLE: 503,
  INTERLOCK_GRAPH_IN_DOUBT: 503,
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
