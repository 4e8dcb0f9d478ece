import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { createClient } from 'redis';
import { RedisStorage, type StateOperation } from '../../src/state/redis-storage';
import { describeStorageContract } from '../support/storage-contract';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const prefix = uniquePrefix('storage');
const client = createClient({ url: REDIS_URL });
const roundTrips: StateOperation[] = [];
let storageCount = 0;

beforeAll(async () => {
  await client.connect();
});
afterAll(async () => {
  await deleteByPrefix(prefix);
  await client.close();
});

function redisStorage(ttlSeconds = 3600): RedisStorage {
  // Each test gets its own prefix under the suite's, so tests never see each other's keys.
  storageCount += 1;
  return new RedisStorage(client, {
    keyPrefix: `${prefix}${storageCount}:`,
    ttlSeconds,
    onRoundTrip: (op) => roundTrips.push(op),
  });
}

describeStorageContract('RedisStorage', async () => redisStorage());
describeStorageContract('InMemoryStorage', async () => new InMemoryStorage());

describe('RedisStorage specifics', () => {
  beforeEach(() => {
    roundTrips.length = 0;
  });

  it('reads all keys of a turn in one round trip and writes them in one', async () => {
    const storage = redisStorage();
    await storage.write({ conversation: { a: 1 }, user: { b: 2 } });
    const read = await storage.read(['conversation', 'user', 'missing']);
    await storage.write({ conversation: { ...read.conversation, a: 2 }, user: { ...read.user, b: 3 } });
    expect(roundTrips).toEqual(['write', 'read', 'write']);
  });

  it('sets the configured TTL on every written key', async () => {
    const storage = redisStorage(120);
    await storage.write({ k1: { v: 1 }, 'k2/ş': { v: 2 } });
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}${storageCount}:*` }))
      keys.push(...batch);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    }
  });

  it('supports a TTL chosen per key', async () => {
    storageCount += 1;
    const keyPrefix = `${prefix}${storageCount}:`;
    const storage = new RedisStorage(client, {
      keyPrefix,
      ttlSeconds: (key) => (key.startsWith('short') ? 10 : 0),
    });
    await storage.write({ short1: { v: 1 }, forever: { v: 2 } });
    expect(await client.ttl(`${keyPrefix}state:short1`)).toBeGreaterThan(0);
    expect(await client.ttl(`${keyPrefix}state:forever`)).toBe(-1);
  });

  it('keeps concurrent writers honest: exactly one of two writes with the same eTag wins', async () => {
    const storage = redisStorage();
    await storage.write({ race: { n: 0 } });
    const { race } = await storage.read(['race']);
    const results = await Promise.allSettled([
      storage.write({ race: { ...race, n: 1 } }),
      storage.write({ race: { ...race, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});

describe('InMemoryStorage specifics', () => {
  it('expires keys after the TTL', async () => {
    let now = 1_000_000;
    const storage = new InMemoryStorage({ ttlSeconds: 60, now: () => now });
    await storage.write({ k: { v: 1 } });
    now += 59_000;
    expect((await storage.read(['k'])).k).toBeDefined();
    now += 2_000;
    expect((await storage.read(['k'])).k).toBeUndefined();
  });
});
