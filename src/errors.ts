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
  /** The store or dependency that failed ("state", "turn-lock", "handoff" …), for the log line. */
  readonly store?: string;

  constructor(message: string, options?: { cause?: unknown; store?: string }) {
    super(
      'temporarily_unavailable',
      message,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    if (options?.store) this.store = options.store;
  }
}

/** An optimistic-concurrency check failed: someone else changed the item since it was read. */
export class ETagConflictError extends AppError {
  constructor(readonly key: string) {
    super('etag_conflict', `Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * What went wrong in a failed turn, as far as the user and the log are concerned: a dependency that is
 * not answering (tell the user to try again shortly) or a fault of our own (an unexpected error).
 */
export type FailureClass =
  | { readonly kind: 'dependency'; readonly dependency: string; readonly store: string }
  | { readonly kind: 'unexpected' };

/** node-redis error classes (their `name` is plain "Error", so the constructor is what tells them apart). */
const REDIS_CONNECTION_ERRORS = new Set([
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
  'SocketTimeoutError',
  'SocketTimeoutDuringMaintenanceError',
  'ReconnectStrategyError',
  'DisconnectsClientError',
  'CommandTimeoutDuringMaintenanceError',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const REDIS_MESSAGES =
  /^(The client is closed|The client is offline|Socket closed unexpectedly|Connection timeout|Socket timeout)/;
/** Replies of a Redis that is up but cannot serve (loading, failing over, out of memory, read-only). */
const REDIS_UNAVAILABLE_REPLIES = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|OOM|NOREPLICAS)\b/;

/** Source files of the Redis-backed stores, for naming the store a failure came from (from its stack). */
const STORE_FILES: readonly (readonly [RegExp, string])[] = [
  [/redis-turn-lock\.[tj]s/, 'turn-lock'],
  [/redis-storage\.[tj]s/, 'state'],
  [/redis-handoff-store\.[tj]s/, 'handoff'],
  [/transcript-store\.[tj]s/, 'transcript'],
  [/whatsapp[\\/]inbox\.[tj]s/, 'whatsapp-inbox'],
  [/delivery-status\.[tj]s/, 'deliveries'],
  [/rate-limiter\.[tj]s|request-limits\.[tj]s/, 'rate-limits'],
  [/reminder|bullmq/, 'reminders'],
  [/privacy[\\/]/, 'privacy'],
];

/** The error, its causes, botbuilder's DialogContextError.error and AggregateError.errors, each once. */
export function errorChain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    if (typeof next !== 'object') continue;
    const e = next as { cause?: unknown; error?: unknown; errors?: unknown };
    queue.push(e.cause, e.error);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return seen;
}

/** An Error, also one from another realm (Node's own errors seen from a vm context, as under jest). */
function isErrorLike(e: unknown): e is Error {
  return (
    e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as Error).message === 'string')
  );
}

/** Which dependency an error says is unavailable, if it says so. */
function unavailableDependency(e: unknown): string | undefined {
  if (e instanceof TemporarilyUnavailableError) return 'redis';
  if (!isErrorLike(e)) return undefined;
  const name = (e.constructor as { name?: string } | undefined)?.name ?? '';
  if (REDIS_CONNECTION_ERRORS.has(name) || REDIS_MESSAGES.test(e.message)) return 'redis';
  if (name === 'ErrorReply' && REDIS_UNAVAILABLE_REPLIES.test(e.message)) return 'redis';
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    // A socket error of the Redis client (its stack runs through @redis) or of another service.
    return /@redis|redis-client|[\\/]state[\\/]redis/.test(e.stack ?? '') ? 'redis' : 'network';
  }
  return undefined;
}

function storeOf(chain: readonly unknown[]): string {
  for (const e of chain) {
    if (e instanceof TemporarilyUnavailableError && e.store) return e.store;
  }
  for (const e of chain) {
    const stack = isErrorLike(e) ? (e.stack ?? '') : '';
    // The frames below the message line, innermost first: the first store file is the one that called Redis.
    for (const line of stack.split('\n').slice(1)) {
      if (line.includes('node_modules')) continue;
      const found = STORE_FILES.find(([file]) => file.test(line));
      if (found) return found[1];
    }
  }
  return 'unknown';
}

/**
 * Classifies a failure by everything in its cause chain: a TemporarilyUnavailableError or a Redis
 * connection/availability error anywhere makes it a dependency failure, with the store it came from
 * where that can be told (an explicit `store`, else the store module in the stack).
 */
export function classifyFailure(error: unknown): FailureClass {
  const chain = errorChain(error);
  const dependencies = chain.map(unavailableDependency).filter((d): d is string => d !== undefined);
  const dependency = dependencies.includes('redis') ? 'redis' : dependencies[0];
  if (!dependency) return { kind: 'unexpected' };
  return { kind: 'dependency', dependency, store: storeOf(chain) };
}

/**
 * The error a store should throw for `error`: a dependency failure becomes a TemporarilyUnavailableError
 * naming the store (some Redis errors, e.g. of a MULTI on a lost connection, carry no trace of who asked);
 * anything else (a bug) is left as it is.
 */
export function asStoreFailure(error: unknown, store: string): unknown {
  if (error instanceof TemporarilyUnavailableError && error.store) return error;
  if (classifyFailure(error).kind !== 'dependency') return error;
  return new TemporarilyUnavailableError(`${store}: Redis unavailable`, { cause: error, store });
}

/** The store with every async method's failures passed through `asStoreFailure`. */
export function withStoreFailures<T extends object>(target: T, store: string): T {
  return new Proxy(target, {
    get(obj, property, receiver) {
      const value: unknown = Reflect.get(obj, property, receiver);
      if (typeof value !== 'function' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
        return result instanceof Promise
          ? result.catch((err: unknown) => Promise.reject(asStoreFailure(err, store)))
          : result;
      };
    },
  });
}
