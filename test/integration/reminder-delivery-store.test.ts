import { createClient } from 'redis';
import {
  InMemoryDeliveryStore,
  RedisDeliveryStore,
  type DeliveryStore,
} from '../../src/reminders/delivery-store';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const prefix = uniquePrefix('reminder-delivery');
const client = createClient({ url: REDIS_URL });
beforeAll(() => client.connect());
afterAll(async () => {
  await deleteByPrefix(prefix);
  await client.close();
});

let clock = 0;
const stores: [string, () => DeliveryStore][] = [
  ['InMemoryDeliveryStore', () => new InMemoryDeliveryStore(() => clock)],
  ['RedisDeliveryStore', () => new RedisDeliveryStore(client, prefix)],
];

describe.each(stores)('%s', (_name, make) => {
  let n = 0;
  /** A key no other test touched. */
  const key = () => `case-${(n += 1)}:awaiting_iys_code:0`;

  it('a first run sends; the same run asking again is still fresh', async () => {
    const store = make();
    const k = key();
    expect(await store.progress(k)).toBe('new');
    expect(await store.begin(k, 'run-1')).toBe('fresh');
    expect(await store.progress(k)).toBe('sending');
    expect(await store.begin(k, 'run-1')).toBe('fresh');
  });

  it('a run that finds another run’s unfinished send is told it was interrupted, at once', async () => {
    const store = make();
    const k = key();
    await store.begin(k, 'run-1'); // then the worker dies
    expect(await store.begin(k, 'run-2')).toBe('interrupted');
    expect(await store.progress(k)).toBe('sending');
    // The claim is now run-2's: a third run (run-2 died too) is interrupted again, run-2 itself is not.
    expect(await store.begin(k, 'run-2')).toBe('fresh');
    expect(await store.begin(k, 'run-3')).toBe('interrupted');
  });

  it('sent and done stop every later run from sending', async () => {
    const store = make();
    const k = key();
    await store.begin(k, 'run-1');
    await store.markSent(k);
    expect(await store.progress(k)).toBe('sent');
    expect(await store.begin(k, 'run-2')).toBe('sent');
    expect(await store.progress(k)).toBe('sent'); // begin does not overwrite it
    await store.markDone(k);
    expect(await store.progress(k)).toBe('done');
    expect(await store.begin(k, 'run-3')).toBe('done');
  });

  it('abandon frees only its own claim, so a retry starts fresh', async () => {
    const store = make();
    const k = key();
    await store.begin(k, 'run-1');
    await store.abandon(k, 'run-1');
    expect(await store.progress(k)).toBe('new');
    expect(await store.begin(k, 'run-2')).toBe('fresh');
    await store.abandon(k, 'run-1'); // a stale run's abandon leaves run-2's claim alone
    expect(await store.begin(k, 'run-3')).toBe('interrupted');
    await store.markSent(k);
    await store.abandon(k, 'run-3');
    expect(await store.progress(k)).toBe('sent');
  });

  it('keys are independent', async () => {
    const store = make();
    const [a, b] = [key(), key()];
    await store.begin(a, 'run-1');
    await store.markSent(a);
    expect(await store.begin(b, 'run-1')).toBe('fresh');
  });
});

describe('delivery marker lifetimes', () => {
  it('on Redis every marker expires (garbage collection), far later than any redelivery', async () => {
    const store = new RedisDeliveryStore(client, prefix);
    const redisKey = (k: string) => `${prefix}delivery:${k}`;
    await store.begin('ttl:sending', 'run-1');
    expect(await client.ttl(redisKey('ttl:sending'))).toBeGreaterThan(24 * 3600);
    await store.begin('ttl:sent', 'run-1');
    await store.markSent('ttl:sent');
    expect(await client.ttl(redisKey('ttl:sent'))).toBeGreaterThan(30 * 24 * 3600);
    await store.markDone('ttl:sent');
    expect(await client.ttl(redisKey('ttl:sent'))).toBeGreaterThan(30 * 24 * 3600);
  });

  it('in memory a marker is forgotten once its lifetime is over, not minutes after a crash', async () => {
    clock = 0;
    const store = new InMemoryDeliveryStore(() => clock);
    await store.begin('k', 'run-1');
    clock += 60 * 60_000; // an hour later the dead run's claim still says "interrupted"
    expect(await store.begin('k', 'run-2')).toBe('interrupted');
    await store.markSent('k');
    clock += 30 * 24 * 3600_000;
    expect(await store.progress('k')).toBe('sent');
    clock += 20 * 24 * 3600_000;
    expect(await store.progress('k')).toBe('new');
  });
});
