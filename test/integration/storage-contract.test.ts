import { randomBytes } from 'node:crypto';
import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { createClient } from 'redis';
import { RedisStorage, type StateOperation } from '../../src/state/redis-storage';
import { ValueCipher } from '../../src/state/value-cipher';
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

const cipher = new ValueCipher([{ id: 'k1', key: randomBytes(32) }]);

function redisStorage(ttlSeconds = 3600, encrypted = false): RedisStorage {
  // Each test gets its own prefix under the suite's, so tests never see each other's keys.
  storageCount += 1;
  return new RedisStorage(client, {
    keyPrefix: `${prefix}${storageCount}:`,
    ttlSeconds,
    onRoundTrip: (op) => roundTrips.push(op),
    ...(encrypted ? { cipher } : {}),
  });
}

describeStorageContract('RedisStorage', async () => redisStorage());
describeStorageContract('InMemoryStorage', async () => new InMemoryStorage());
describeStorageContract('RedisStorage, encrypted', async () => redisStorage(3600, true));
describeStorageContract('InMemoryStorage, encrypted', async () => new InMemoryStorage({ cipher }));

describe('RedisStorage with encryption', () => {
  it('stores the eTag in front and the document encrypted, and still reads plaintext written before', async () => {
    const storage = redisStorage(3600, true);
    await storage.write({ secret: { tckn: '17291716060' } });
    const raw = (await client.get(`${prefix}${storageCount}:state:secret`)) ?? '';
    expect(raw).toMatch(/^.{16}\nenc:v1:k1:/);
    expect(raw).not.toContain('17291716060');
    await client.set(`${prefix}${storageCount}:state:old`, 'abcdefghijklmnop\n{"v":1}');
    const read = await storage.read(['secret', 'old']);
    expect(read.secret.tckn).toBe('17291716060');
    expect(read.old).toEqual({ v: 1, eTag: 'abcdefghijklmnop' });
    // The compare-and-set still sees the eTag: a stale write loses.
    await storage.write({ secret: { ...read.secret, n: 1 } });
    await expect(storage.write({ secret: { ...read.secret, n: 2 } })).rejects.toThrow(/eTag conflict/);
  });
});

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
