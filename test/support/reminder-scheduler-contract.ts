import { setTimeout as sleep } from 'node:timers/promises';
import type { JobType } from 'bullmq';
import type { RedisClientType } from 'redis';
import {
  BullMqReminderScheduler,
  type BullMqReminderSchedulerOptions,
} from '../../src/reminders/bullmq-scheduler';
import { InProcessReminderScheduler } from '../../src/reminders/in-process-scheduler';
import { reminderJobIds } from '../../src/reminders/job-id';
import type { ReminderKind } from '../../src/domain/reminders/reminder-kinds';
import {
  UnrecoverableReminderError,
  type DueReminder,
  type ReminderDeliveryOptions,
  type ReminderHandler,
  type ReminderScheduler,
} from '../../src/reminders/reminder-scheduler';

/** A scheduler under test plus a look into its storage. */
export interface SchedulerUnderTest {
  readonly scheduler: ReminderScheduler;
  /** What the storage still holds for (case, kind): Redis keys and set members; nothing for in-memory. */
  leftovers(caseId: string, kind: ReminderKind): Promise<string[]>;
  /** Jobs stored in any state (pending, running, kept after finishing). */
  storedJobs(): Promise<number>;
}

export type MakeScheduler = (options: ReminderDeliveryOptions) => Promise<SchedulerUnderTest>;

export interface Firing extends DueReminder {
  readonly firedAt: number;
}

/** Records every handler call; `behaviour` decides per call whether it succeeds. */
export function recorder(
  behaviour: (due: DueReminder, call: number) => Promise<void> = async () => undefined,
) {
  const calls: Firing[] = [];
  const delivered: Firing[] = [];
  const handler: ReminderHandler = async (due) => {
    const firing = { ...due, firedAt: Date.now() };
    calls.push(firing);
    await behaviour(due, calls.length);
    delivered.push(firing);
  };
  return { handler, calls, delivered };
}

/** Polls until `check` holds; fails after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const CASE = 'msteams:19:abc@thread.v2;messageid=1'; // real conversation ids contain ':'
const KIND: ReminderKind = 'awaiting_iys_code';
const FAST_RETRY: ReminderDeliveryOptions = { deliveryTries: 3, retryBackoffMs: 50 };
/** Generous: these tests show "never early, not much late", the benchmark measures p99 lateness. */
const LATE_BOUND_MS = 1_500;

/** The behaviour every `ReminderScheduler` promises; each test opens its own scheduler. */
export function describeReminderSchedulerContract(make: MakeScheduler): void {
  let opened: SchedulerUnderTest[] = [];
  const open = async (options: ReminderDeliveryOptions = FAST_RETRY) => {
    const sut = await make(options);
    opened.push(sut);
    return sut;
  };
  afterEach(async () => {
    await Promise.all(opened.map((s) => s.scheduler.close()));
    opened = [];
  });

  it('schedules, lists one pending reminder per (case, kind), replaces and cancels', async () => {
    const { scheduler } = await open();
    const at = new Date(Date.now() + 60_000);
    await scheduler.schedule(CASE, KIND, at);
    await scheduler.schedule(CASE, 'payment_pending', new Date(at.getTime() + 1_000), 2);
    await scheduler.schedule('other-case', KIND, at);
    expect(await scheduler.pending(CASE)).toEqual([
      { caseId: CASE, kind: KIND, at, attempt: 0 },
      { caseId: CASE, kind: 'payment_pending', at: new Date(at.getTime() + 1_000), attempt: 2 },
    ]);
    const later = new Date(at.getTime() + 5_000);
    await scheduler.schedule(CASE, KIND, later, 1);
    await scheduler.cancel(CASE, 'payment_pending');
    await scheduler.cancel(CASE, 'form_abandoned'); // nothing to cancel: a no-op
    expect(await scheduler.pending(CASE)).toEqual([{ caseId: CASE, kind: KIND, at: later, attempt: 1 }]);
    expect(await scheduler.pending('unknown-case')).toEqual([]);
  });

  it('rescheduling 1,000 times leaves exactly one pending reminder, which fires once', async () => {
    const sut = await open();
    const rec = recorder();
    sut.scheduler.start(rec.handler);
    const far = Date.now() + 120_000;
    for (let i = 0; i < 999; i += 1) await sut.scheduler.schedule(CASE, KIND, new Date(far + i), i);
    const at = new Date(Date.now() + 300);
    await sut.scheduler.schedule(CASE, KIND, at, 999);
    expect(await sut.scheduler.pending(CASE)).toEqual([{ caseId: CASE, kind: KIND, at, attempt: 999 }]);
    expect(await sut.storedJobs()).toBe(1);
    await waitUntil(() => rec.delivered.length > 0, 5_000, 'the reminder');
    await sleep(500);
    expect(rec.calls.map((c) => c.attempt)).toEqual([999]);
    expect(await sut.scheduler.pending(CASE)).toEqual([]);
  });

  it('cancel leaves nothing behind', async () => {
    const sut = await open();
    await sut.scheduler.schedule(CASE, KIND, new Date(Date.now() + 60_000));
    await sut.scheduler.schedule(CASE, KIND, new Date(Date.now() + 30_000), 1);
    await sut.scheduler.cancel(CASE, KIND);
    expect(await sut.leftovers(CASE, KIND)).toEqual([]);
    expect(await sut.storedJobs()).toBe(0);
    expect(await sut.scheduler.pending(CASE)).toEqual([]);
  });

  it('never fires early, and fires soon after its time', async () => {
    const { scheduler } = await open();
    const rec = recorder();
    scheduler.start(rec.handler);
    const start = Date.now();
    const delays = [200, 350, 500];
    await Promise.all(delays.map((d, i) => scheduler.schedule(`case-${i}`, KIND, new Date(start + d))));
    await waitUntil(() => rec.delivered.length === 3, 5_000, 'three reminders');
    for (const firing of rec.delivered) {
      expect(firing.firedAt).toBeGreaterThanOrEqual(firing.scheduledFor.getTime());
      expect(firing.firedAt - firing.scheduledFor.getTime()).toBeLessThan(LATE_BOUND_MS);
    }
  });

  it('retries a failing handler with backoff and delivers once, with the same delivery key', async () => {
    const failures: boolean[] = [];
    const { scheduler } = await open({
      ...FAST_RETRY,
      onDeliveryFailed: (_d, _e, retry) => failures.push(retry),
    });
    const rec = recorder(async (_due, call) => {
      if (call === 1) throw new Error('channel said 503 for +90 555 000 00 00');
    });
    scheduler.start(rec.handler);
    await scheduler.schedule(CASE, KIND, new Date(Date.now() + 100), 3);
    await waitUntil(() => rec.delivered.length === 1, 5_000, 'the retried delivery');
    await sleep(300);
    expect(rec.calls).toHaveLength(2);
    expect(rec.delivered).toHaveLength(1);
    expect(rec.calls[1]?.deliveryKey).toBe(rec.calls[0]?.deliveryKey);
    expect(rec.calls[1]?.attempt).toBe(3);
    expect(failures).toEqual([true]);
  });

  it('does not retry an UnrecoverableReminderError', async () => {
    const failures: boolean[] = [];
    const { scheduler } = await open({
      ...FAST_RETRY,
      onDeliveryFailed: (_d, _e, retry) => failures.push(retry),
    });
    const rec = recorder(async () => {
      throw new UnrecoverableReminderError('case erased');
    });
    scheduler.start(rec.handler);
    await scheduler.schedule(CASE, KIND, new Date(Date.now() + 100));
    await waitUntil(() => failures.length === 1, 5_000, 'the failure');
    await sleep(400);
    expect(rec.calls).toHaveLength(1);
    expect(failures).toEqual([false]);
    expect(await scheduler.pending(CASE)).toEqual([]);
  });

  it('close() waits for a running handler', async () => {
    const { scheduler } = await open();
    let finished = false;
    const rec = recorder(async () => {
      await sleep(400);
      finished = true;
    });
    scheduler.start(rec.handler);
    await scheduler.schedule(CASE, KIND, new Date(Date.now() + 50));
    await waitUntil(() => rec.calls.length === 1, 5_000, 'the handler to start');
    await scheduler.close();
    expect(finished).toBe(true);
  });

  it('a handler can schedule the next reminder of its own (case, kind)', async () => {
    const { scheduler } = await open();
    const seenWhileRunning: number[][] = [];
    const rec = recorder(async (due) => {
      if (due.attempt > 0) return;
      await scheduler.schedule(due.caseId, due.kind, new Date(Date.now() + 200), 1);
      seenWhileRunning.push((await scheduler.pending(due.caseId)).map((p) => p.attempt));
    });
    scheduler.start(rec.handler);
    await scheduler.schedule(CASE, KIND, new Date(Date.now() + 50));
    await waitUntil(() => rec.delivered.length === 2, 5_000, 'two reminders');
    expect(rec.delivered.map((d) => d.attempt)).toEqual([0, 1]);
    expect(seenWhileRunning).toEqual([[1]]);
    expect(new Set(rec.delivered.map((d) => d.deliveryKey)).size).toBe(2);
  });
}

/** Where a BullMQ job id can still appear: its hash and side keys, and the queue's state sets and lists. */
const JOB_KEY_SUFFIXES = ['', ':lock', ':logs'];
const STATE_ZSETS = ['delayed', 'prioritized', 'completed', 'failed'] as const;
const STATE_LISTS = ['wait', 'active', 'paused'] as const;

/** The BullMQ scheduler on a fresh queue under `keyPrefix`, with a node-redis client to look at its keys. */
export function bullMqUnderTest(
  redis: RedisClientType,
  base: Omit<BullMqReminderSchedulerOptions, 'queueName'>,
  queueName: string,
) {
  return (options: ReminderDeliveryOptions): SchedulerUnderTest & { scheduler: BullMqReminderScheduler } => {
    const scheduler = new BullMqReminderScheduler({ ...base, ...options, queueName });
    const queueKey = (type: string) => `${base.keyPrefix}${queueName}:${type}`;
    return {
      scheduler,
      async leftovers(caseId, kind) {
        const found: string[] = [];
        for (const id of reminderJobIds(caseId, kind)) {
          for (const s of JOB_KEY_SUFFIXES) if (await redis.exists(queueKey(id + s))) found.push(id + s);
          for (const z of STATE_ZSETS)
            if ((await redis.zScore(queueKey(z), id)) !== null) found.push(`${z}:${id}`);
          for (const l of STATE_LISTS)
            if ((await redis.lPos(queueKey(l), id)) !== null) found.push(`${l}:${id}`);
        }
        return found;
      },
      async storedJobs() {
        const counts = await scheduler.queue.getJobCounts(...([...STATE_ZSETS, ...STATE_LISTS] as JobType[]));
        return Object.values(counts).reduce((a, b) => a + b, 0);
      },
    };
  };
}

export function inProcessUnderTest(options: ReminderDeliveryOptions): SchedulerUnderTest {
  const scheduler = new InProcessReminderScheduler(options);
  const caseIds = new Set<string>();
  const schedule = scheduler.schedule.bind(scheduler);
  // Counts what it holds through its own port: it keeps nothing anywhere else.
  scheduler.schedule = (caseId, ...rest) => {
    caseIds.add(caseId);
    return schedule(caseId, ...rest);
  };
  return {
    scheduler,
    leftovers: async () => [],
    async storedJobs() {
      const lists = await Promise.all([...caseIds].map((c) => scheduler.pending(c)));
      return lists.reduce((n, l) => n + l.length, 0);
    },
  };
}
