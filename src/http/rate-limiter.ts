import type { RedisClient } from '../state/redis-client';

export interface RateDecision {
  readonly allowed: boolean;
  /** Requests left in the current window (0 once refused). */
  readonly remaining: number;
  /** Milliseconds until the window resets: the Retry-After of a refusal. */
  readonly resetMs: number;
}

/**
 * Fixed-window request counting: at most `limit` hits per `windowMs` for one key. A fixed window lets a
 * client spend two budgets around a boundary; for abuse protection of webhooks and the admin API that is
 * acceptable, and it costs one round trip and one short-lived key per client and window.
 */
export interface RateLimiter {
  /** Counts one hit on every key (one round trip); one decision per key, in order. */
  hit(keys: readonly RateKey[], windowMs: number): Promise<RateDecision[]>;
}

export interface RateKey {
  readonly key: string;
  readonly limit: number;
}

function decide(count: number, limit: number, windowMs: number, now: number): RateDecision {
  const resetMs = windowMs - (now % windowMs);
  return { allowed: count <= limit, remaining: Math.max(limit - count, 0), resetMs };
}

/** Shared by every process: INCR and PEXPIRE in one transaction on a key per window. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(keys: readonly RateKey[], windowMs: number): Promise<RateDecision[]> {
    if (keys.length === 0) return [];
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const multi = this.client.multi();
    for (const { key } of keys) {
      const redisKey = `${this.keyPrefix}ratelimit:${key}:${window}`;
      multi.incr(redisKey).pExpire(redisKey, windowMs * 2);
    }
    const replies = await multi.exec();
    return keys.map(({ limit }, i) => decide(Number(replies[2 * i]), limit, windowMs, now));
  }
}

/** The embedded-mode twin: one process, counters in a map that forgets past windows. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  async hit(keys: readonly RateKey[], windowMs: number): Promise<RateDecision[]> {
    const now = this.now();
    const window = Math.floor(now / windowMs);
    return keys.map(({ key, limit }) => {
      const entry = this.counts.get(key);
      const count = entry?.window === window ? entry.count + 1 : 1;
      if (!entry && this.counts.size >= this.maxKeys) this.forgetPastWindows(windowMs, now);
      this.counts.set(key, { window, count });
      return decide(count, limit, windowMs, now);
    });
  }

  private forgetPastWindows(windowMs: number, now: number): void {
    const current = Math.floor(now / windowMs);
    for (const [key, entry] of this.counts) if (entry.window !== current) this.counts.delete(key);
    // Still full of live keys (a flood of distinct clients): start over rather than grow without bound.
    if (this.counts.size >= this.maxKeys) this.counts.clear();
  }
}
