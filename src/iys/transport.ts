import { backoffDelay, parseRetryAfter, type RetryPolicy } from './backoff';
import { IysApiError, LOCAL_ERROR_CODES, errorFromResponse } from './errors';

/** The subset of a fetch Response the client reads; Node's global fetch satisfies it. */
export interface IysHttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface IysHttpRequestInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export type IysFetch = (url: string, init: IysHttpRequestInit) => Promise<IysHttpResponse>;

/** Time source; tests replace it to move past token expiry and to skip real waiting. */
export interface IysClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: IysClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What the client reports for metrics and logs; never carries credentials. */
export type IysClientEvent =
  | {
      readonly type: 'retry';
      readonly operation: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly code: string;
    }
  | { readonly type: 'token'; readonly grant: 'password' | 'refresh_token' }
  | { readonly type: 'unauthorized_retry'; readonly operation: string };

export interface ExchangeRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Path with customer codes replaced by placeholders, used in messages and events. */
  readonly operation: string;
  readonly bearer?: string;
  readonly json?: unknown;
  readonly signal?: AbortSignal;
}

export interface ExchangeResponse {
  readonly status: number;
  readonly bodyText: string;
  readonly retryAfterMs?: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly fetch: IysFetch;
  readonly clock: IysClock;
  readonly random: () => number;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly secrets: () => readonly string[];
  readonly onEvent?: (event: IysClientEvent) => void;
}

/** One HTTP exchange plus the retry loop shared by token and API calls. */
export class IysTransport {
  /** Errors a retry loop already gave up on; an enclosing loop (API call around token call) must not retry them. */
  readonly #exhausted = new WeakSet<object>();

  constructor(private readonly o: TransportOptions) {}

  /** Sends once. Network failures and timeouts become retryable IysApiErrors; any status is returned. */
  async send(req: ExchangeRequest): Promise<ExchangeResponse> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.bearer) headers.authorization = `Bearer ${req.bearer}`;
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await this.o.fetch(this.o.baseUrl.replace(/\/+$/, '') + req.path, {
        method: req.method,
        headers,
        ...(req.json === undefined ? {} : { body: JSON.stringify(req.json) }),
        signal,
      });
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.o.clock.now());
      const bodyText = await res.text();
      return { status: res.status, bodyText, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      throw this.failure(req.operation, timeout.aborted, error);
    }
  }

  private failure(operation: string, timedOut: boolean, cause: unknown): IysApiError {
    // The cause is fetch's own error (no request body or headers in it), kept for diagnosis.
    return new IysApiError({
      code: timedOut ? LOCAL_ERROR_CODES.timeout : LOCAL_ERROR_CODES.network,
      message: timedOut
        ? `İYS ${operation} timed out after ${this.o.timeoutMs} ms`
        : `İYS ${operation} could not be reached`,
      retryable: true,
      cause,
    });
  }

  /** Maps a non-2xx answer to an IysApiError with secrets removed from İYS's text. */
  errorFor(res: ExchangeResponse, operation: string): IysApiError {
    return errorFromResponse(res, operation, this.o.secrets());
  }

  /** Runs `attempt` until it succeeds, fails for good, or the policy's attempts are used up. */
  async withRetry<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n += 1) {
      try {
        return await attempt();
      } catch (error) {
        const delayMs = this.retryDelay(error, n);
        if (delayMs === undefined) {
          if (error instanceof IysApiError) this.#exhausted.add(error);
          throw error;
        }
        const code = error instanceof IysApiError ? error.code : 'unknown';
        this.o.onEvent?.({ type: 'retry', operation, attempt: n, delayMs, code });
        await this.o.clock.sleep(delayMs);
      }
    }
  }

  private retryDelay(error: unknown, attempt: number): number | undefined {
    if (!(error instanceof IysApiError) || !error.retryable || this.#exhausted.has(error)) return undefined;
    if (attempt >= this.o.retry.maxAttempts) return undefined;
    if (error.retryAfterMs !== undefined && error.retryAfterMs > this.o.retry.maxRetryAfterMs)
      return undefined;
    return backoffDelay(attempt, this.o.retry, this.o.random, {
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      rateLimited: error.rateLimited,
    });
  }
}
