/** Retry timing for İYS calls: exponential backoff with jitter, bounded, honouring Retry-After. */
export interface RetryPolicy {
  /** Total tries including the first one. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes back to the caller (e.g. a job). */
  readonly maxRetryAfterMs: number;
  /** H124 is a per-second limit: retrying sooner than the next second would only be refused again. */
  readonly rateLimitMinDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  rateLimitMinDelayMs: 1_000,
};

/**
 * Delay before try number `attempt + 1` (attempt counts from 1). "Equal jitter": half the exponential
 * step is fixed, half random, so concurrent clients spread out yet never retry immediately.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  hint: { retryAfterMs?: number; rateLimited?: boolean } = {},
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  let delay = step / 2 + random() * (step / 2);
  if (hint.rateLimited) delay = Math.max(delay, policy.rateLimitMinDelayMs);
  if (hint.retryAfterMs !== undefined) delay = Math.max(delay, hint.retryAfterMs);
  return Math.round(delay);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
