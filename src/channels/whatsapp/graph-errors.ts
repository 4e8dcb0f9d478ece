import { z } from 'zod/v4';

/** How a Graph API call failed, as the WhatsApp channel needs to know it: classified, redacted, retryable. */

export type GraphErrorReason =
  'window_closed' | 'rate_limited' | 'unreachable' | 'auth' | 'invalid' | 'server';

export interface GraphApiErrorInit {
  readonly reason: GraphErrorReason;
  readonly message: string;
  readonly retryable: boolean;
  readonly statusCode?: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly fbtraceId?: string;
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/** A failed Graph API call. The message names codes only, never the customer's number or the text sent. */
export class GraphApiError extends Error {
  readonly reason: GraphErrorReason;
  readonly retryable: boolean;
  readonly statusCode: number | undefined;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: GraphApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GraphApiError';
    this.reason = init.reason;
    this.retryable = init.retryable;
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.subcode = init.subcode;
    this.fbtraceId = init.fbtraceId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Meta's codes by what they mean for us (WhatsApp Cloud API error codes). */
export const GRAPH_ERROR_CODES = {
  /** Re-engagement message: more than 24 hours since the customer last wrote (470 on the old API). */
  windowClosed: [131047, 470],
  /** 4 and 80007 app/account call limits, 130429 throughput, 131056 pair rate, 131048 spam rate limit. */
  rateLimited: [4, 80007, 130429, 131056, 131048],
  /** Message undeliverable: not a WhatsApp number, terms not accepted, client too old. */
  unreachable: [131026],
  /** AuthException, API method, permission denied, access token expired or invalid. */
  auth: [0, 3, 10, 190],
  /** Unknown error / service temporarily unavailable. */
  server: [1, 2, 131000, 131016],
} as const;

/** The spam rate limit lasts far longer than a retry loop; the caller tries again much later. */
export const SPAM_RATE_CODE = 131048;
export const PAIR_RATE_CODE = 131056;

const ErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    fbtrace_id: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  }),
});

/**
 * The error for a Graph API answer that was not a success: classified by Meta's code, retryable or not,
 * and with a message that names codes and Meta's redacted text only.
 */
export function graphErrorFrom(
  operation: string,
  response: { status: number; bodyText: string; retryAfterMs?: number | undefined },
  accessToken: string,
): GraphApiError {
  const { status, bodyText, retryAfterMs } = response;
  const parsed = ErrorBodySchema.safeParse(parseJson(bodyText));
  const error = parsed.success ? parsed.data.error : undefined;
  const code = error?.code;
  const reason = classify(status, code);
  const detail = [error?.message, error?.error_data?.details].filter(Boolean).join(' – ');
  return new GraphApiError({
    reason,
    retryable: reason === 'server' || (reason === 'rate_limited' && code !== SPAM_RATE_CODE),
    statusCode: status,
    ...(code === undefined ? {} : { code }),
    ...(error?.error_subcode === undefined ? {} : { subcode: error.error_subcode }),
    ...(error?.fbtrace_id ? { fbtraceId: error.fbtrace_id } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    message:
      `WhatsApp ${operation} failed: HTTP ${status}` +
      (code === undefined ? '' : `, code ${code}`) +
      (error?.error_subcode === undefined ? '' : `/${error.error_subcode}`) +
      ` (${reason})` +
      (detail ? `: ${redact(detail, accessToken)}` : ''),
  });
}

/** Meta's text can echo what it refused; numbers, user ids and the token never leave here. */
function redact(text: string, accessToken: string): string {
  return text
    .split(accessToken)
    .join('[token]')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '[number]')
    .replace(/\b[A-Z]{2}\.[A-Za-z0-9.]{6,}\b/g, '[user]')
    .slice(0, 300);
}

/** What a Graph API answer means for the caller, by Meta's code first and the HTTP status second. */
export function classify(status: number, code: number | undefined): GraphErrorReason {
  if (code !== undefined) {
    const is = (codes: readonly number[]) => codes.includes(code);
    if (is(GRAPH_ERROR_CODES.windowClosed)) return 'window_closed';
    if (is(GRAPH_ERROR_CODES.rateLimited)) return 'rate_limited';
    if (is(GRAPH_ERROR_CODES.unreachable)) return 'unreachable';
    if (is(GRAPH_ERROR_CODES.auth) || (code >= 200 && code <= 299)) return 'auth';
    if (is(GRAPH_ERROR_CODES.server)) return 'server';
  }
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server';
  return 'invalid';
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function invalidResponse(operation: string, status: number): GraphApiError {
  return new GraphApiError({
    reason: 'server',
    retryable: false,
    statusCode: status,
    message: `WhatsApp ${operation}: the Graph API answered ${status} with an unexpected body`,
  });
}

export function tooLarge(bytes: number): GraphApiError {
  return new GraphApiError({
    reason: 'invalid',
    retryable: false,
    message: `WhatsApp media download: ${bytes} bytes is more than this bot accepts`,
  });
}
