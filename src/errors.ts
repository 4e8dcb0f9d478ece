/**
 * A small family of errors the turn error handler and the HTTP layer know how to answer.
 * `code` is stable and machine-readable; messages never contain personal data.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A dependency (Redis, a lock) is not answering; the user should simply try again a little later. */
export class TemporarilyUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('temporarily_unavailable', message, options);
  }
}

/** An optimistic-concurrency check failed: someone else changed the item since it was read. */
export class ETagConflictError extends AppError {
  constructor(readonly key: string) {
    super('etag_conflict', `Storage: error writing "${key}" due to eTag conflict.`);
  }
}
