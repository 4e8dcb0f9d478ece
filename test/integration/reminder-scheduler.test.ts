import { createClient, type RedisClientType } from 'redis';
import { InProcessReminderScheduler, type ReminderClock } from '../../src/reminders/in-process-scheduler';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import {
  bullMqUnderTest,
  describeReminderSchedulerContract,
  inProcessUnderTest,
  type MakeScheduler,
} from '../support/reminder-scheduler-contract';

const keyPrefix = uniquePrefix('reminders');
const redis: RedisClientType = createClient({ url: REDIS_URL });
let queues = 0;

beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  await deleteByPrefix(keyPrefix);
  await redis.close();
});

const implementations: [string, MakeScheduler][] = [
  ['InProcessReminderScheduler', async (options) => inProcessUnderTest(options)],
  [
    'BullMqReminderScheduler',
    // A queue per test, all under this file's prefix, so tests never see each other's jobs.
    async (options) => {
      queues += 1;
      return bullMqUnderTest(redis, { redisUrl: REDIS_URL, keyPrefix }, `reminders${queues}`)(options);
    },
  ],
];

describe.each(implementations)('%s', (_name, make) => {
  describeReminderSchedulerContract(make);
});

/** Timers that fire only when the test moves time, optionally a little early as real timers may. */
class FakeClock implements ReminderClock {
  private timers: { id: number; due: number; fn: () => void }[] = [];
  private nextId = 0;
  current = Date.parse('2026-03-02T09:00:00+03:00');

  constructor(private readonly wakeEarlyMs = 0) {}

  now(): number {
    return this.current;
  }
  setTimer(fn: () => void, ms: number): unknown {
    this.nextId += 1;
    const early = ms > 1 ? Math.min(this.wakeEarlyMs, ms - 1) : 0;
    this.timers.push({ id: this.nextId, due: this.current + ms - early, fn });
    return this.nextId;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Moves time forward, firing due timers in order and letting their handlers run. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0];
      if (!next || next.due > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.due);
      next.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.current = end;
  }
}

describe('InProcessReminderScheduler with a fake clock', () => {
  it('does not fire early even when timers wake early, and waits out delays beyond 24.8 days', async () => {
    const clock = new FakeClock(5);
    const scheduler = new InProcessReminderScheduler({ clock });
    const fired: number[] = [];
    scheduler.start(async (due) => {
      fired.push(clock.now() - due.scheduledFor.getTime());
    });
    await scheduler.schedule('c1', 'payment_pending', new Date(clock.now() + 1_000));
    await scheduler.schedule('c2', 'payment_pending', new Date(clock.now() + 40 * 24 * 3600_000));
    await clock.advance(999);
    expect(fired).toEqual([]);
    await clock.advance(1);
    expect(fired).toEqual([0]);
    await clock.advance(40 * 24 * 3600_000 - 1_001);
    expect(fired).toEqual([0]);
    await clock.advance(1);
    expect(fired).toEqual([0, 0]);
    await scheduler.close();
  });

  it('backs off exponentially between tries and gives up after deliveryTries', async () => {
    const clock = new FakeClock();
    const tries: number[] = [];
    const gaveUp: boolean[] = [];
    const scheduler = new InProcessReminderScheduler({
      clock,
      deliveryTries: 3,
      retryBackoffMs: 1_000,
      onDeliveryFailed: (_due, _err, willRetry) => gaveUp.push(!willRetry),
    });
    scheduler.start(async () => {
      tries.push(clock.now());
      throw new Error('channel down');
    });
    const start = clock.now();
    await scheduler.schedule('c1', 'awaiting_partner_confirmation', new Date(start));
    await clock.advance(10_000);
    const gaps = tries.slice(1).map((t, i) => t - (tries[i] as number));
    expect(tries).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(500); // 1 s with up to 50 % jitter
    expect(gaps[0]).toBeLessThanOrEqual(1_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_000); // 2 s with jitter
    expect(gaps[1]).toBeLessThanOrEqual(2_000);
    expect(gaveUp).toEqual([false, false, true]);
    expect(await scheduler.pending('c1')).toEqual([]);
    await scheduler.close();
  });
});
