import { createClient } from 'redis';
import { InMemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../src/http/rate-limiter';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const WINDOW = 60_000;

/** Both limiters, at a clock the test moves: 10 s into a window. */
function contract(name: string, make: (now: () => number) => Promise<RateLimiter>) {
  describe(name, () => {
    let clock = 1_000 * WINDOW + 10_000;
    let limiter: RateLimiter;
    beforeEach(async () => {
      clock = Math.ceil(clock / WINDOW) * WINDOW + 10_000;
      limiter = await make(() => clock);
    });

    it('allows up to the limit in a window, then refuses with the time to the next window', async () => {
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push((await limiter.hit([{ key: 'ip:a', limit: 3 }], WINDOW))[0]);
      expect(decisions.map((d) => d?.allowed)).toEqual([true, true, true, false]);
      expect(decisions.map((d) => d?.remaining)).toEqual([2, 1, 0, 0]);
      expect(decisions[3]?.resetMs).toBe(50_000);
    });

    it('counts keys separately and several keys in one call', async () => {
      await limiter.hit([{ key: 'ip:b', limit: 1 }], WINDOW);
      const [ip, user] = await limiter.hit(
        [
          { key: 'ip:b', limit: 1 },
          { key: 'user:b', limit: 1 },
        ],
        WINDOW,
      );
      expect(ip?.allowed).toBe(false);
      expect(user?.allowed).toBe(true);
    });

    it('starts over in the next window', async () => {
      await limiter.hit([{ key: 'ip:c', limit: 1 }], WINDOW);
      expect((await limiter.hit([{ key: 'ip:c', limit: 1 }], WINDOW))[0]?.allowed).toBe(false);
      clock += WINDOW;
      expect((await limiter.hit([{ key: 'ip:c', limit: 1 }], WINDOW))[0]?.allowed).toBe(true);
    });
  });
}

const prefix = uniquePrefix('rate');
const client = createClient({ url: REDIS_URL });

beforeAll(() => client.connect());
afterAll(async () => {
  await deleteByPrefix(prefix);
  await client.close();
});

contract('RedisRateLimiter', async (now) => new RedisRateLimiter(client, `${prefix}${Math.random()}:`, now));
contract('InMemoryRateLimiter', async (now) => new InMemoryRateLimiter(now));

describe('InMemoryRateLimiter memory', () => {
  it('forgets past windows when it reaches its key cap', async () => {
    let clock = 0;
    const limiter = new InMemoryRateLimiter(() => clock, 3);
    for (const key of ['a', 'b', 'c']) await limiter.hit([{ key, limit: 1 }], WINDOW);
    clock += WINDOW;
    await limiter.hit([{ key: 'd', limit: 1 }], WINDOW);
    // 'a' was forgotten with its window, so a new window starts fresh for it too.
    expect((await limiter.hit([{ key: 'a', limit: 1 }], WINDOW))[0]?.allowed).toBe(true);
  });
});
