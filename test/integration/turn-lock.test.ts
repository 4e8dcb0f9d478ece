import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { TemporarilyUnavailableError } from '../../src/errors';
import { RedisTurnLock } from '../../src/state/redis-turn-lock';
import { ClaimSet, InProcessTurnLock, type TurnLock } from '../../src/state/turn-lock';
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

describe('runOnce (duplicate activities), in process', () => {
  it('runs a claim once, even when the duplicates arrive together, and gives a failed claim back', async () => {
    const lock = new InProcessTurnLock();
    let runs = 0;
    const job = async () => {
      runs += 1;
      await sleep(5);
      return runs;
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => lock.runOnce('conv', 'conv/act-1', job)),
    );
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, value: 1 }]);
    expect(runs).toBe(1);

    await expect(
      lock.runOnce('conv', 'conv/act-2', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(lock.runOnce('conv', 'conv/act-2', async () => 'redelivered')).resolves.toEqual({
      ran: true,
      value: 'redelivered',
    });
  });

  it('remembers a bounded number of claims, each for a limited time', () => {
    let now = 0;
    const claims = new ClaimSet(3, 1_000, () => now);
    expect(['a', 'b', 'c', 'd'].map((id) => claims.claim(id))).toEqual([true, true, true, true]);
    expect(claims.size).toBe(3);
    expect(claims.claim('a')).toBe(true); // the oldest was forgotten first
    expect(claims.claim('d')).toBe(false);
    now = 1_001;
    expect(claims.claim('d')).toBe(true);
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

  it('claims an activity in the lease call: one run across two processes, duplicates do not wait', async () => {
    const locks = [lockOn(0), lockOn(1)];
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (locks[i % 2] as TurnLock).runOnce('dup', 'emulator/dup/act-1', async () => {
          runs += 1;
          await sleep(20);
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    // A later redelivery is still a duplicate; a new activity runs.
    expect(await lockOn(1).runOnce('dup', 'emulator/dup/act-1', async () => 'again')).toEqual({ ran: false });
    expect(await lockOn(0).runOnce('dup', 'emulator/dup/act-2', async () => 'new')).toEqual({
      ran: true,
      value: 'new',
    });
    const seen: string[] = [];
    for await (const batch of clients[0]!.scanIterator({ MATCH: `${prefix}seen:*` })) seen.push(...batch);
    expect(seen).toHaveLength(2);
    expect(await clients[0]?.ttl(seen[0] as string)).toBeGreaterThan(3_000);
  });

  it('gives the claim back when the turn fails, so a redelivery is served', async () => {
    await expect(
      lockOn(0).runOnce('fail', 'emulator/fail/act-1', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await lockOn(1).runOnce('fail', 'emulator/fail/act-1', async () => 'served')).toEqual({
      ran: true,
      value: 'served',
    });
  });

  it('serves a redelivery of an activity whose turn died with its process (claim held, lease lapsed)', async () => {
    const claim = 'emulator/killed/act-1';
    // What a process killed mid-turn leaves: its token on the claim and on a lease that then runs out.
    const claimKey = `${prefix}seen:${createHash('sha256').update(claim).digest('base64url')}`;
    await clients[0]?.set(claimKey, 'dead-process-token', { expiration: { type: 'EX', value: 3_600 } });
    await clients[0]?.set(`${prefix}lock:killed`, 'dead-process-token', {
      expiration: { type: 'PX', value: 300 },
    });
    // While the dead turn's lease lives, the same activity counts as running elsewhere.
    expect(await lockOn(1).runOnce('killed', claim, async () => 'too early')).toEqual({ ran: false });
    await sleep(400);
    expect(await lockOn(1).runOnce('killed', claim, async () => 'served')).toEqual({
      ran: true,
      value: 'served',
    });
    expect(await clients[0]?.get(claimKey)).toBe('done');
    expect(await lockOn(0).runOnce('killed', claim, async () => 'twice')).toEqual({ ran: false });
  });

  it('takes a lapsed lease back on renewal when nobody else took it', async () => {
    const a = lockOn(0, 1_000);
    await a.runExclusive('lapsed', async () => {
      // Redis lost the lease (e.g. evicted, or a renewal came too late): the next renewal restores it.
      await clients[1]?.del(`${prefix}lock:lapsed`);
      await sleep(400);
      expect(await clients[1]?.pTTL(`${prefix}lock:lapsed`)).toBeGreaterThan(500);
    });
    expect(await clients[0]?.exists(`${prefix}lock:lapsed`)).toBe(0);
  });

  it('gives up with TemporarilyUnavailableError when the wait is too long', async () => {
    await clients[0]?.set(`${prefix}lock:stuck`, 'other', { expiration: { type: 'PX', value: 5_000 } });
    await expect(lockOn(1, 5_000, 1_000).runExclusive('stuck', async () => 'never')).rejects.toBeInstanceOf(
      TemporarilyUnavailableError,
    );
  });
});
