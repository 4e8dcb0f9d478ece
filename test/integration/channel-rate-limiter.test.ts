import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import type { ChannelRate } from '../../src/config';
import {
  guardedWindowMs,
  InProcessChannelRateLimiter,
  RedisChannelRateLimiter,
  type ChannelRateLimiter,
  type ChannelRates,
} from '../../src/reminders/channel-rate-limiter';
import type { RedisClient } from '../../src/state/redis-client';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

/** Two limiters as two worker processes would hold them (for the in-process twin: the same one twice). */
type MakeLimiters = (rates: ChannelRates) => [ChannelRateLimiter, ChannelRateLimiter];

const byChannel =
  (rates: Record<string, ChannelRate>): ChannelRates =>
  (channelId) =>
    rates[channelId] ?? { max: 1, perMs: 60_000 };

/** Starts `count` sends on the channel at once; resolves with the moment each one was let through. */
async function hammer(limiter: ChannelRateLimiter, channelId: string, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      await limiter.acquire(channelId);
      return performance.now();
    }),
  );
}

/** Every pair of starts `max` apart in time order that lies within one window: a window over its limit. */
function overfullWindows(starts: readonly number[], rate: ChannelRate): [number, number][] {
  const sorted = [...starts].sort((a, b) => a - b);
  const pairs: [number, number][] = [];
  for (let i = 0; i + rate.max < sorted.length; i += 1) {
    const first = sorted[i] as number;
    const last = sorted[i + rate.max] as number;
    if (last - first < rate.perMs) pairs.push([first, last]);
  }
  return pairs;
}

function describeChannelRateLimiter(make: MakeLimiters): void {
  it('two processes hammering one channel never start more than max sends in any window', async () => {
    const rate = { max: 5, perMs: 250 };
    const [one, two] = make(byChannel({ msteams: rate }));
    const began = performance.now();
    const [a, b] = await Promise.all([hammer(one, 'msteams', 30), hammer(two, 'msteams', 30)]);
    const starts = [...a, ...b];
    expect(starts).toHaveLength(60);
    expect(overfullWindows(starts, rate)).toEqual([]);
    const elapsed = Math.max(...starts) - began;
    // 60 sends at 5 per window need 11 more windows after the first burst; none of them waits forever.
    expect(elapsed).toBeGreaterThanOrEqual(11 * rate.perMs);
    expect(elapsed).toBeLessThan(11 * guardedWindowMs(rate) * 1.5);
  });

  it('keeps each channel to its own rate', async () => {
    const rates = { msteams: { max: 3, perMs: 1_000 }, whatsapp: { max: 2, perMs: 1_000 } };
    const [one, two] = make(byChannel(rates));
    const began = performance.now();
    const teams = await hammer(one, 'msteams', 3);
    const fourthTeams = hammer(two, 'msteams', 1);
    const whatsApp = await hammer(two, 'whatsapp', 2);
    // A full Teams window does not hold WhatsApp back.
    expect(Math.max(...whatsApp) - began).toBeLessThan(500);
    const thirdWhatsApp = hammer(one, 'whatsapp', 1);
    const [teamsLate] = await fourthTeams;
    const [whatsAppLate] = await thirdWhatsApp;
    expect(teamsLate! - Math.min(...teams)).toBeGreaterThanOrEqual(1_000);
    expect(whatsAppLate! - Math.min(...whatsApp)).toBeGreaterThanOrEqual(1_000);
  });

  it('lets every waiting caller through, in the order they came', async () => {
    const rate = { max: 2, perMs: 100 };
    const [one] = make(byChannel({ webchat: rate }));
    const order: number[] = [];
    const starts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await one.acquire('webchat');
        order.push(i);
        return performance.now();
      }),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(overfullWindows(starts, rate)).toEqual([]);
  });
}

describe('RedisChannelRateLimiter', () => {
  const clients: RedisClient[] = [createClient({ url: REDIS_URL }), createClient({ url: REDIS_URL })];
  let prefixes: string[] = [];

  beforeAll(() => Promise.all(clients.map((c) => c.connect())));
  afterEach(async () => {
    await Promise.all(prefixes.map((p) => deleteByPrefix(p)));
    prefixes = [];
  });
  afterAll(() => Promise.all(clients.map((c) => c.close())));

  const limiters: MakeLimiters = (rates) => {
    const keyPrefix = uniquePrefix('rate-limiter');
    prefixes.push(keyPrefix);
    const [a, b] = clients as [RedisClient, RedisClient];
    return [
      new RedisChannelRateLimiter(a, { keyPrefix, rates }),
      new RedisChannelRateLimiter(b, { keyPrefix, rates }),
    ];
  };

  describeChannelRateLimiter(limiters);

  it('keeps the window in one sorted set that expires with the window', async () => {
    const rate = { max: 10, perMs: 2_000 };
    const [one] = limiters(byChannel({ msteams: rate }));
    await hammer(one, 'msteams', 4);
    const key = `${prefixes[0]}rate:msteams`;
    expect(await clients[0]!.zCard(key)).toBe(4);
    const ttl = await clients[0]!.pTTL(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(guardedWindowMs(rate));
  });

  it('counts places from when a busy process read its grant, not from when Redis gave it', async () => {
    const client = clients[0] as RedisClient;
    let stalled = false;
    // The first answer is read 150 ms late, as by a process busy with other jobs or in a GC pause.
    const readsLate = new Proxy(client, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (prop !== 'sendCommand') return typeof value === 'function' ? value.bind(target) : value;
        return async (args: string[]) => {
          const reply: unknown = await target.sendCommand(args);
          if (!stalled) {
            stalled = true;
            await sleep(150);
          }
          return reply;
        };
      },
    });
    const keyPrefix = uniquePrefix('rate-limiter');
    prefixes.push(keyPrefix);
    const limiter = new RedisChannelRateLimiter(readsLate, { keyPrefix, rates: byChannel({}) });
    const [seconds, micros] = await client.sendCommand<[string, string]>(['TIME']);
    const asked = Number(seconds) * 1_000 + Number(micros) / 1_000;
    await limiter.acquire('msteams');
    const [place] = await client.zRangeWithScores(`${keyPrefix}rate:msteams`, 0, -1);
    expect(place!.score - asked).toBeGreaterThanOrEqual(140);
  });

  it('fails waiting callers when Redis cannot be asked, rather than holding them', async () => {
    const closed: RedisClient = createClient({ url: REDIS_URL });
    await closed.connect();
    await closed.close();
    const keyPrefix = uniquePrefix('rate-limiter');
    const limiter = new RedisChannelRateLimiter(closed, { keyPrefix, rates: byChannel({}) });
    await expect(Promise.all([limiter.acquire('msteams'), limiter.acquire('msteams')])).rejects.toThrow();
  });
});

describe('InProcessChannelRateLimiter', () => {
  describeChannelRateLimiter((rates) => {
    const limiter = new InProcessChannelRateLimiter({ rates });
    return [limiter, limiter];
  });
});
