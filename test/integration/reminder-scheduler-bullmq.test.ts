import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type RedisClientType } from 'redis';
import type { BullMqReminderScheduler } from '../../src/reminders/bullmq-scheduler';
import { reminderJobIds } from '../../src/reminders/job-id';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { PrivateRedis } from '../support/redis-server';
import { bullMqUnderTest, recorder, waitUntil } from '../support/reminder-scheduler-contract';

const keyPrefix = uniquePrefix('reminders-bullmq');
const redis: RedisClientType = createClient({ url: REDIS_URL });
const opened: BullMqReminderScheduler[] = [];
const FAST_RETRY = { deliveryTries: 3, retryBackoffMs: 50 };
/** Short locks so an abandoned job comes back in about a second rather than the production 30 s. */
const SHORT_LOCKS = { lockDurationMs: 1_000, stalledIntervalMs: 250 };

function underTest(queueName: string, extra: Record<string, unknown> = {}, url = REDIS_URL) {
  const sut = bullMqUnderTest(redis, { redisUrl: url, keyPrefix, ...extra }, queueName)(FAST_RETRY);
  opened.push(sut.scheduler);
  return sut;
}

beforeAll(async () => {
  await redis.connect();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await deleteByPrefix(keyPrefix);
  await redis.close();
});

describe('BullMqReminderScheduler only', () => {
  it('a worker killed mid-handler: the job runs again after restart with the same delivery key', async () => {
    const first = underTest('killed', SHORT_LOCKS);
    const stuck = recorder(() => new Promise<void>(() => undefined)); // never finishes: the process "dies"
    first.scheduler.start(stuck.handler);
    await first.scheduler.schedule('case-killed', 'payment_pending', new Date(Date.now() + 50), 2);
    await waitUntil(() => stuck.calls.length === 1, 5_000, 'the first handler');
    await first.scheduler.close({ force: true }); // no waiting, no lock release: like a SIGKILL

    const second = underTest('killed', SHORT_LOCKS);
    const rec = recorder();
    second.scheduler.start(rec.handler);
    await waitUntil(() => rec.delivered.length === 1, 8_000, 'the redelivery');
    expect(rec.delivered[0]?.deliveryKey).toBe(stuck.calls[0]?.deliveryKey);
    expect(rec.delivered[0]?.attempt).toBe(2);
  });

  it('delayed jobs survive a Redis restart (AOF) and fire', async () => {
    const durable = new PrivateRedis({ durable: true });
    await durable.start();
    try {
      const sut = underTest('restart', { onError: () => undefined }, durable.url);
      const rec = recorder();
      sut.scheduler.start(rec.handler);
      const at = Date.now() + 1_200;
      const cases = Array.from({ length: 20 }, (_, i) => `case-${i}`);
      await Promise.all(cases.map((c) => sut.scheduler.schedule(c, 'form_abandoned', new Date(at))));
      await durable.stop();
      await sleep(300);
      await durable.start();
      await waitUntil(() => rec.delivered.length === cases.length, 10_000, 'all reminders after restart');
      await sleep(300);
      expect(rec.delivered.map((d) => d.caseId).sort()).toEqual([...cases].sort());
      for (const d of rec.delivered) {
        expect(d.firedAt).toBeGreaterThanOrEqual(at);
        // Without the wake-up after reconnecting, BullMQ's worker would sleep up to 10 s here.
        expect(d.firedAt - at).toBeLessThan(3_000);
      }
    } finally {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await durable.destroy();
    }
  });

  it('uses at most 2,048 bytes of Redis per pending reminder', async () => {
    const queueName = 'memory';
    const { scheduler } = underTest(queueName);
    const count = 1_000;
    const caseId = (i: number) => `msteams:19:${i.toString().padStart(6, '0')}@thread.v2`;
    const at = Date.now() + 3_600_000;
    for (let i = 0; i < count; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) => i + j);
      await Promise.all(
        batch.map((n) => scheduler.schedule(caseId(n), 'awaiting_iys_code', new Date(at + n))),
      );
    }
    const usage = (key: string) => redis.sendCommand<number | null>(['MEMORY', 'USAGE', key, 'SAMPLES', '0']);
    let hashes = 0;
    for (let i = 0; i < count; i += 1) {
      const [slotA] = reminderJobIds(caseId(i), 'awaiting_iys_code');
      hashes += (await usage(`${keyPrefix}${queueName}:${slotA}`)) ?? 0;
    }
    const delayed = (await usage(`${keyPrefix}${queueName}:delayed`)) ?? 0;
    const perJob = (hashes + delayed) / count;
    let queueTotal = 0;
    for await (const keys of redis.scanIterator({ MATCH: `${keyPrefix}${queueName}:*`, COUNT: 500 })) {
      for (const key of keys) queueTotal += (await usage(key)) ?? 0;
    }
    console.log(
      `bytes per pending reminder: job hash + delayed share ${perJob.toFixed(0)}, ` +
        `whole queue ${(queueTotal / count).toFixed(0)}`,
    );
    expect(perJob).toBeLessThanOrEqual(2_048);
    expect((await scheduler.pending(caseId(7))).map((p) => p.kind)).toEqual(['awaiting_iys_code']);
  });
});
