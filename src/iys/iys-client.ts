import type { z } from 'zod/v4';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
import { parseBody } from './parse-body';
import {
  IntegratorAuthorizationSchema,
  IysBrandListSchema,
  type IntegratorAuthorization,
  type IysBrand,
} from './schemas';
import { TokenManager } from './token-manager';
import { IysTransport, systemClock, type IysClientEvent, type IysClock, type IysFetch } from './transport';

/** Documented İYS base URLs; which one to use is configuration. */
export const IYS_BASE_URLS = {
  production: 'https://api.iys.org.tr',
  sandbox: 'https://api.sandbox.iys.org.tr',
} as const;

export interface IysClientOptions {
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  /** The integrator's own İYS code, used by getIntegratorAuthorization(). */
  readonly integratorCode: string;
  /** Defaults to Node's global fetch (keep-alive connection reuse is built in). */
  readonly fetch?: IysFetch;
  readonly clock?: IysClock;
  readonly random?: () => number;
  /** Per HTTP request, including reading the body. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly tokenRefreshMarginMs?: number;
  readonly onEvent?: (event: IysClientEvent) => void;
}

export interface IysCallOptions {
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

function digitsOnly(name: string, value: string): string {
  // Codes go into the URL path; refusing anything but digits keeps the path what we meant.
  if (!/^\d{1,12}$/.test(value)) throw new TypeError(`${name} must be 1-12 digits`);
  return value;
}

/**
 * A small İYS API client for the integrator's verification reads. Every answer is validated; every failure
 * is an IysApiError. Credentials live in private fields and never appear in errors, events or inspection.
 */
export class IysClient {
  readonly #transport: IysTransport;
  readonly #tokens: TokenManager;
  readonly #integratorCode: string;
  readonly #onEvent: ((event: IysClientEvent) => void) | undefined;

  constructor(options: IysClientOptions) {
    const clock = options.clock ?? systemClock;
    this.#integratorCode = digitsOnly('integratorCode', options.integratorCode);
    this.#onEvent = options.onEvent;
    this.#transport = new IysTransport({
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      clock,
      random: options.random ?? Math.random,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      secrets: () => this.#tokens.secrets(),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    this.#tokens = new TokenManager({
      transport: this.#transport,
      clock,
      username: options.username,
      password: options.password,
      refreshMarginMs: options.tokenRefreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
  }

  /** GET /sps/{iysCode}/brands: the brands İYS holds for a service provider. */
  async getBrands(iysCode: string, options: IysCallOptions = {}): Promise<IysBrand[]> {
    const code = digitsOnly('iysCode', iysCode);
    return this.#get(`/sps/${code}/brands`, 'GET /sps/{iysCode}/brands', IysBrandListSchema, options);
  }

  /** GET /integrator/{integratorCode}/sps/{iysCode}: the provider's brands that authorised us, with rights. */
  async getIntegratorAuthorization(
    iysCode: string,
    options: IysCallOptions = {},
  ): Promise<IntegratorAuthorization> {
    const code = digitsOnly('iysCode', iysCode);
    const path = `/integrator/${this.#integratorCode}/sps/${code}`;
    return this.#get(
      path,
      'GET /integrator/{integratorCode}/sps/{iysCode}',
      IntegratorAuthorizationSchema,
      options,
    );
  }

  /** Keeps credentials out of console.log / util.inspect / JSON.stringify of the client. */
  toJSON(): Record<string, string> {
    return { type: 'IysClient' };
  }

  async #get<S extends z.ZodType>(
    path: string,
    operation: string,
    schema: S,
    options: IysCallOptions,
  ): Promise<z.output<S>> {
    // One 401-driven renewal per call, shared across retries: a second 401 means the account itself is refused.
    const state = { unauthorizedRetried: false };
    return this.#transport.withRetry(operation, () => this.#attempt(path, operation, schema, options, state));
  }

  async #attempt<S extends z.ZodType>(
    path: string,
    operation: string,
    schema: S,
    options: IysCallOptions,
    state: { unauthorizedRetried: boolean },
  ): Promise<z.output<S>> {
    const signal = options.signal ? { signal: options.signal } : {};
    for (;;) {
      const bearer = await this.#tokens.accessToken();
      const res = await this.#transport.send({ method: 'GET', path, operation, bearer, ...signal });
      if (res.status === 401 && !state.unauthorizedRetried) {
        state.unauthorizedRetried = true;
        this.#tokens.invalidate(bearer);
        this.#onEvent?.({ type: 'unauthorized_retry', operation });
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw this.#transport.errorFor(res, operation);
      return parseBody(schema, res.bodyText, operation, res.status);
    }
  }
}
