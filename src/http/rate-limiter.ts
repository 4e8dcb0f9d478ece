import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';

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

/** Counts a hit and (re)sets the key's expiry, atomically. KEYS: the counter. ARGV: expiry ms. */
const HIT = new RedisScript(`
local count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return count`);

/**
 * Shared by every process: INCR and PEXPIRE in one script on a key per window. The keys of one call
 * (an IP and a user) belong to different clients, so each is its own command (a script on both could not
 * run on a Redis Cluster); they are sent together, in one round trip.
 */
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
    const ttl = String(windowMs * 2);
    const counts = await Promise.all(
      keys.map(({ key }) =>
        HIT.run<number>(this.client, [`${this.keyPrefix}ratelimit:${key}:${window}`], [ttl]),
      ),
    );
    return keys.map(({ limit }, i) => decide(Number(counts[i]), limit, windowMs, now));
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
