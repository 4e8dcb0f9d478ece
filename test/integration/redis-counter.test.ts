import { createClient } from 'redis';
import { RedisCounter } from '../../bench/redis-counter';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

describe("the bench's counting relay in front of Redis", () => {
  const prefix = uniquePrefix('counter');
  afterAll(() => deleteByPrefix(prefix));

  it('counts round trips (requests after a reply) and commands, large payloads in many chunks included', async () => {
    const upstream = new URL(REDIS_URL);
    const counter = new RedisCounter(upstream.hostname, Number(upstream.port || 6379));
    const client = createClient({ url: await counter.start() });
    await client.connect();
    try {
      counter.reset();
      // A payload far larger than one TCP chunk, holding text that looks like RESP headers.
      await client.set(`${prefix}a`, '*3\r\n$3\r\n'.repeat(40_000));
      // Issued in one tick: node-redis sends them in one write.
      await Promise.all([client.get(`${prefix}a`), client.get(`${prefix}b`), client.del(`${prefix}a`)]);
      await client.multi().set(`${prefix}c`, '1').del(`${prefix}c`).exec();
      expect(counter.commands).toBe(1 + 3 + 4); // MULTI, SET, DEL, EXEC
      // The large value arrives in several chunks but is one request; the three GET/DEL go in one write.
      expect(counter.roundTrips).toBe(3);
    } finally {
      await client.close();
      await counter.stop();
    }
  });
});
