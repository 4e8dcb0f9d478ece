import { IysErrorBodySchema } from './schemas';

/** Codes this client invents when İYS itself gave none (İYS's own codes look like "H124"). */
export const LOCAL_ERROR_CODES = {
  network: 'IYS_NETWORK',
  timeout: 'IYS_TIMEOUT',
  invalidResponse: 'IYS_INVALID_RESPONSE',
} as const;

/** İYS's documented "per-second request limit exceeded" code, answered with HTTP 429. */
export const RATE_LIMIT_CODE = 'H124';

export interface IysErrorDetail {
  readonly code: string;
  readonly message?: string;
  readonly location?: string;
}

export interface IysApiErrorInit {
  readonly code: string;
  readonly status?: number;
  readonly message: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly details?: readonly IysErrorDetail[];
  readonly cause?: unknown;
}

/**
 * Any failure talking to İYS. `code` is İYS's H-code when it sent one, else a LOCAL_ERROR_CODES value or
 * `HTTP_<status>`. Messages are built from İYS's own text with every known secret removed, so the error
 * may be logged as it is.
 */
export class IysApiError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: readonly IysErrorDetail[];

  constructor(init: IysApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'IysApiError';
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.details = init.details ?? [];
  }

  get rateLimited(): boolean {
    return this.code === RATE_LIMIT_CODE || this.status === 429;
  }
}

/** Replaces every occurrence of a secret (password, tokens) so it can never reach a log or a user. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words and are not real credentials anyway.
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** 429 and 5xx are worth another try; other statuses mean the request itself is wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function locationOf(location: string | readonly (string | number)[] | undefined): { location?: string } {
  const text = typeof location === 'string' ? location : location?.join('.');
  return text ? { location: text } : {};
}

function detailsOf(bodyText: string, secrets: readonly string[]): IysErrorDetail[] {
  const parsed = IysErrorBodySchema.safeParse(parseJson(bodyText));
  if (!parsed.success) return [];
  return parsed.data.errors.map((e) => ({
    code: e.code,
    ...(e.message === undefined ? {} : { message: redact(e.message, secrets) }),
    ...locationOf(e.location),
  }));
}

export interface ErrorResponse {
  readonly status: number;
  readonly bodyText: string;
  readonly retryAfterMs?: number;
}

/** Maps a non-2xx answer to an IysApiError; `operation` names the call (e.g. "GET /sps/{iysCode}/brands"). */
export function errorFromResponse(
  res: ErrorResponse,
  operation: string,
  secrets: readonly string[],
): IysApiError {
  const details = detailsOf(res.bodyText, secrets);
  const first = details[0];
  const code = first?.code ?? `HTTP_${res.status}`;
  const text = first?.message ? `: ${first.message}` : '';
  return new IysApiError({
    code,
    status: res.status,
    message: `İYS ${operation} failed with HTTP ${res.status} (${code})${text}`,
    retryable: isRetryableStatus(res.status),
    ...(res.retryAfterMs === undefined ? {} : { retryAfterMs: res.retryAfterMs }),
    details,
  });
}
