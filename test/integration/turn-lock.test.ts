import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { TemporarilyUnavailableError } from '../../src/errors';
import { RedisTurnLock } from '../../src/state/redis-turn-lock';
import { InProcessTurnLock, type TurnLock } from '../../src/state/turn-lock';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

/** Runs `count` jobs on one key that each read, pause and write a shared counter: a race loses updates. */
async function raceOnOneKey(locks: TurnLock[], count: number): Promise<{ counter: number; order: number[] }> {
  let counter = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      (locks[i % locks.length] as TurnLock).runExclusive('conv-1', async () => {
        const seen = counter;
        await sleep(2);
        counter = seen + 1;
        order.push(i);
      }),
    ),
  );
  return { counter, order };
}

describe('InProcessTurnLock', () => {
  it('runs turns of one key one at a time, in arrival order', async () => {
    const lock = new InProcessTurnLock();
    const { counter, order } = await raceOnOneKey([lock], 20);
    expect(counter).toBe(20);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(lock.activeKeys).toBe(0);
  });

  it('lets different keys run in parallel and survives a failing turn', async () => {
    const lock = new InProcessTurnLock();
    let running = 0;
    let peak = 0;
    const job = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(10);
      running -= 1;
    };
    await Promise.all([lock.runExclusive('a', job), lock.runExclusive('b', job)]);
    expect(peak).toBe(2);
    await expect(lock.runExclusive('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(lock.runExclusive('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('RedisTurnLock', () => {
  const prefix = uniquePrefix('lock');
  const clients = [createClient({ url: REDIS_URL }), createClient({ url: REDIS_URL })];
  beforeAll(async () => Promise.all(clients.map((c) => c.connect())));
  afterAll(async () => {
    await deleteByPrefix(prefix);
    await Promise.all(clients.map((c) => c.close()));
  });

  const lockOn = (i: number, leaseMs = 5_000, waitMs = 10_000) =>
    new RedisTurnLock(clients[i] as (typeof clients)[number], { keyPrefix: prefix, leaseMs, waitMs });

  it('excludes across two processes (two clients, two lock instances) and loses no update', async () => {
    const { counter } = await raceOnOneKey([lockOn(0), lockOn(1)], 30);
    expect(counter).toBe(30);
    expect(await clients[0]?.exists(`${prefix}lock:conv-1`)).toBe(0);
  });

  it('renews the lease while a long turn runs', async () => {
    const a = lockOn(0, 1_000);
    const b = lockOn(1, 1_000);
    const events: string[] = [];
    const long = a.runExclusive('long', async () => {
      events.push('a-start');
      await sleep(1_800); // longer than the lease: only renewal keeps b out
      events.push('a-end');
    });
    await sleep(50);
    await b.runExclusive('long', async () => {
      events.push('b');
    });
    await long;
    expect(events).toEqual(['a-start', 'a-end', 'b']);
  });

  it('lets the next turn in after a crashed holder’s lease expires', async () => {
    await clients[0]?.set(`${prefix}lock:crashed`, 'dead-process-token', {
      expiration: { type: 'PX', value: 300 },
    });
    const started = Date.now();
    await lockOn(1).runExclusive('crashed', async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('gives up with TemporarilyUnavailableError when the wait is too long', async () => {
    await clients[0]?.set(`${prefix}lock:stuck`, 'other', { expiration: { type: 'PX', value: 5_000 } });
    await expect(lockOn(1, 5_000, 1_000).runExclusive('stuck', async () => 'never')).rejects.toBeInstanceOf(
      TemporarilyUnavailableError,
    );
  });
});
