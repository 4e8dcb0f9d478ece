import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelRate, Config } from '../config';
import type { ChannelAddress } from '../domain/case';
import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';
import type { OutboundMessage, ProactiveMessenger, SendOutcome } from '../channels/proactive-messenger';

/**
 * Keeps proactive sends within each channel's rate: in any sliding window of `perMs` milliseconds at most
 * `max` sends start on one channel, counted across every process that shares the limiter's store.
 */
export interface ChannelRateLimiter {
  /** Resolves when one send on the channel may start; rejects when the limiter cannot tell (Redis away). */
  acquire(channelId: string): Promise<void>;
}

/** The rate of a channel by its Bot Framework channel id (`msteams`, `whatsapp`, …). */
export type ChannelRates = (channelId: string) => ChannelRate;

/** The configured rate of a channel: its own from REMINDER_CHANNEL_RATES, else the default. */
export function channelRates(reminders: Pick<Config['reminders'], 'rate' | 'channelRates'>): ChannelRates {
  return (channelId) => reminders.channelRates[channelId] ?? reminders.rate;
}

/**
 * A send is admitted at one moment and reaches the channel a little later; that delay varies (the event
 * loop, a GC pause, the HTTP round trip). If the oldest send of a window arrives late and the newest on
 * time, the channel counts one send too many in its own window. Each admission therefore holds its place
 * for `perMs` plus this margin, at a cost of margin/(perMs + margin) of the rate (2.4 % at 1 s). Capped at a
 * tenth of the window so very short windows keep most of their rate. (The longest part of that delay, a
 * busy process reading Redis' answer late, is taken out by RedisChannelRateLimiter itself.)
 */
export const DEFAULT_SAFETY_MARGIN_MS = 25;

export interface ChannelRateLimiterOptions {
  readonly rates: ChannelRates;
  /** See DEFAULT_SAFETY_MARGIN_MS. */
  readonly safetyMarginMs?: number;
}

/** How long one admission counts against its channel: the window plus the safety margin. */
export function guardedWindowMs(rate: ChannelRate, safetyMarginMs = DEFAULT_SAFETY_MARGIN_MS): number {
  return rate.perMs + Math.min(safetyMarginMs, Math.floor(rate.perMs / 10));
}

/** What one try at the store gives: places taken now, and when to try again if callers are left. */
interface Grant {
  readonly admitted: number;
  /** 0 while the window has room; else the ms until its oldest send leaves it. */
  readonly waitMs: number;
}

/**
 * Sliding-window log in a sorted set, on the Redis server's clock so the processes' clocks do not matter.
 * ARGV: max, window ms, how many places are wanted, a member prefix unique to this try. Takes as many places
 * as the window has room for, up to the number wanted: one round trip serves every caller a busy process has
 * waiting, so the process keeps up however many places free at once. Returns {admitted, ms to wait}.
 * Scores are formatted by hand: Lua would print them with 14 significant digits.
 */
const TRY_ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now - window))
local count = redis.call('ZCARD', KEYS[1])
local admitted = math.max(0, math.min(max - count, tonumber(ARGV[3])))
if admitted > 0 then
  local score = string.format('%.3f', now)
  for i = 1, admitted do redis.call('ZADD', KEYS[1], score, ARGV[4] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], window)
end
if count + admitted < max then return {admitted, 0} end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {admitted, math.max(1, math.ceil(tonumber(oldest[2]) + window - now))}
`;
const tryAcquireScript = new RedisScript(TRY_ACQUIRE);

/**
 * Moves the places one try took to Redis' time now. ARGV: the try's member prefix, how many, window ms.
 * XX: a place already out of the window stays out.
 */
const RESTAMP = `
local t = redis.call('TIME')
local score = string.format('%.3f', tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000)
for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[1], 'XX', score, ARGV[1] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 0
`;
const restampScript = new RedisScript(RESTAMP);

/** Different processes waking for the same freed place should not collide every time. */
const WAKE_JITTER_MS = 2;

/**
 * For workers sharing Redis: every process's sends to a channel count against the same window.
 *
 * A process busy when Redis' answer arrives (a GC pause, a burst of jobs: tens of ms) reads it late and its
 * sends leave late, while another process, or this one later, sends on time at the window's far end. So the
 * moment a process reads a grant, it moves the places taken to Redis' time then (a second script, not
 * awaited: it goes out before any of those sends, and before any other process could be granted the
 * places that follow them). What remains between that and the channel's arrival is the safety margin's.
 */
export class RedisChannelRateLimiter implements ChannelRateLimiter {
  private readonly line: WaitingLine;
  private readonly instance = randomUUID();
  private tries = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: ChannelRateLimiterOptions & { readonly keyPrefix: string },
  ) {
    this.line = new WaitingLine((channelId, wanted) => this.tryAcquire(channelId, wanted), WAKE_JITTER_MS);
  }

  acquire(channelId: string): Promise<void> {
    return this.line.enter(channelId);
  }

  private async tryAcquire(channelId: string, wanted: number): Promise<Grant> {
    const rate = this.options.rates(channelId);
    const key = `${this.options.keyPrefix}rate:${channelId}`;
    const window = String(guardedWindowMs(rate, this.options.safetyMarginMs));
    this.tries += 1;
    const members = `${this.instance}:${this.tries}`;
    const [admitted, waitMs] = await tryAcquireScript.run<[number, number]>(
      this.redis,
      [key],
      [String(rate.max), window, String(wanted), members],
    );
    if (admitted > 0) {
      // Without it the places merely start a little early (the margin covers most of it): never worth
      // failing the sends for.
      restampScript.run(this.redis, [key], [members, String(admitted), window]).catch(() => undefined);
    }
    return { admitted, waitMs };
  }
}

/** The embedded mode's twin: one process, so the log lives in memory. */
export class InProcessChannelRateLimiter implements ChannelRateLimiter {
  private readonly line: WaitingLine;
  /** Start times (monotonic ms) of the sends still inside each channel's window, oldest first. */
  private readonly logs = new Map<string, number[]>();

  constructor(private readonly options: ChannelRateLimiterOptions) {
    this.line = new WaitingLine(async (channelId, wanted) => this.tryAcquire(channelId, wanted), 0);
  }

  acquire(channelId: string): Promise<void> {
    return this.line.enter(channelId);
  }

  private tryAcquire(channelId: string, wanted: number): Grant {
    const rate = this.options.rates(channelId);
    const window = guardedWindowMs(rate, this.options.safetyMarginMs);
    const now = performance.now();
    const log = this.logs.get(channelId) ?? [];
    this.logs.set(channelId, log);
    while (log.length > 0 && (log[0] as number) <= now - window) log.shift();
    const admitted = Math.max(0, Math.min(rate.max - log.length, wanted));
    for (let i = 0; i < admitted; i += 1) log.push(now);
    if (log.length < rate.max) return { admitted, waitMs: 0 };
    return { admitted, waitMs: Math.max(1, Math.ceil((log[0] as number) + window - now)) };
  }
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Callers of one channel wait in arrival order and only the line asks the store, for as many places as
 * there are callers, so a busy process sends one request per freed place or fewer, and nobody is overtaken.
 */
class WaitingLine {
  private readonly lanes = new Map<string, Waiter[]>();

  constructor(
    private readonly tryAcquire: (channelId: string, wanted: number) => Promise<Grant>,
    private readonly jitterMs: number,
  ) {}

  enter(channelId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(channelId);
      if (lane) {
        lane.push({ resolve, reject });
        return;
      }
      const fresh = [{ resolve, reject }];
      this.lanes.set(channelId, fresh);
      void this.serve(channelId, fresh);
    });
  }

  private async serve(channelId: string, lane: Waiter[]): Promise<void> {
    while (lane.length > 0) {
      let grant: Grant;
      try {
        grant = await this.tryAcquire(channelId, lane.length);
      } catch (err) {
        // The store is away: fail everyone waiting now (their reminder jobs retry) rather than let them hang.
        for (const waiter of lane.splice(0)) waiter.reject(err);
        break;
      }
      for (const waiter of lane.splice(0, grant.admitted)) waiter.resolve();
      if (lane.length > 0 && grant.waitMs > 0) await sleep(grant.waitMs + Math.random() * this.jitterMs);
    }
    this.lanes.delete(channelId);
  }
}

/** Waits for the channel's rate limiter before each send; a retried reminder waits again. */
export class RateLimitedMessenger implements ProactiveMessenger {
  constructor(
    private readonly inner: ProactiveMessenger,
    private readonly limiter: ChannelRateLimiter,
  ) {}

  async send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome> {
    await this.limiter.acquire(address.channelId);
    return this.inner.send(address, message);
  }
}
