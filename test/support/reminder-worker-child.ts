/**
 * A reminder worker process for test/integration/reminder-crash.test.ts: the real BullMQ scheduler and
 * ReminderWorker on the real Redis (cases, delivery markers and the queue under KEY_PREFIX), sending to a
 * fake channel over HTTP (CHANNEL_URL) so the test sees every delivery and escalation.
 *
 * Test-only crash points (CRASH_AT, on the first job whose attempt is CRASH_ATTEMPT), by wrapping the
 * delivery store and the messenger, never in production code; the process SIGKILLs itself:
 * - `before-send`: the job is running, nothing is marked or sent yet;
 * - `after-accept`: the channel accepted the message, `sent` is not written (the duplicate window);
 * - `after-sent`: `sent` is written; nothing is recorded, escalated or scheduled yet.
 * SIGTERM closes gracefully, or with SHUTDOWN=force as a shutdown deadline would (`close({ force })`),
 * then lets the abandoned handlers run on until they end and exits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createClient } from 'redis';
import { CaseRepository } from '../../src/cases/case-repository';
import type { ChannelAddress } from '../../src/domain/case';
import { parseReminderPolicyConfig } from '../../src/domain/reminders';
import { createLogger } from '../../src/observability/logger';
import { BullMqReminderScheduler } from '../../src/reminders/bullmq-scheduler';
import { RedisDeliveryStore, type DeliveryStore } from '../../src/reminders/delivery-store';
import type { ProactiveMessenger, SendOutcome } from '../../src/channels/proactive-messenger';
import type { DueReminder } from '../../src/reminders/reminder-scheduler';
import { ReminderWorker } from '../../src/reminders/reminder-worker';
import { RedisStorage } from '../../src/state/redis-storage';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const redisUrl = env('REDIS_URL');
const keyPrefix = env('KEY_PREFIX');
const channelUrl = env('CHANNEL_URL');
const crashAt = process.env.CRASH_AT;
const crashAttempt = Number(env('CRASH_ATTEMPT', '0'));

const logger = createLogger('info');
const running = new AsyncLocalStorage<DueReminder>();
const inFlight = new Set<Promise<unknown>>();

function crashIf(point: string): void {
  if (crashAt !== point || running.getStore()?.attempt !== crashAttempt) return;
  process.kill(process.pid, 'SIGKILL');
}

async function post(path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${channelUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake channel answered ${res.status}`);
  return res;
}

/** Sends the job's ids (never the text) to the fake channel, which holds or accepts it. */
const messenger: ProactiveMessenger = {
  async send(_address: ChannelAddress): Promise<SendOutcome> {
    const due = running.getStore();
    await post('/send', { caseId: due?.caseId, attempt: due?.attempt, deliveryKey: due?.deliveryKey });
    crashIf('after-accept');
    return 'sent';
  },
};

function withCrashPoints(inner: DeliveryStore): DeliveryStore {
  return {
    progress: (key) => inner.progress(key),
    begin: async (key, runId) => {
      if (!key.endsWith(':escalation')) crashIf('before-send');
      return inner.begin(key, runId);
    },
    markSent: async (key) => {
      await inner.markSent(key);
      if (!key.endsWith(':escalation')) crashIf('after-sent');
    },
    markDone: (key) => inner.markDone(key),
    abandon: (key, runId) => inner.abandon(key, runId),
  };
}

async function main(): Promise<void> {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  const scheduler = new BullMqReminderScheduler({
    redisUrl,
    keyPrefix,
    queueName: env('QUEUE_NAME'),
    concurrency: Number(env('CONCURRENCY', '10')),
    lockDurationMs: Number(env('LOCK_MS', '2000')),
    stalledIntervalMs: Number(env('STALLED_MS', '500')),
    deliveryTries: 5,
    retryBackoffMs: 100,
    onError: (err) => logger.warn({ err }, 'scheduler error'),
  });
  const worker = new ReminderWorker({
    cases: new CaseRepository(new RedisStorage(redis, { keyPrefix })),
    schedule: (caseId, kind, at, attempt) => scheduler.schedule(caseId, kind, at, attempt),
    messenger,
    deliveries: withCrashPoints(new RedisDeliveryStore(redis, keyPrefix)),
    escalation: { escalate: async (caseId) => void (await post('/escalate', { caseId })) },
    policy: parseReminderPolicyConfig(JSON.parse(env('POLICY'))),
    logger,
  });
  scheduler.start(async (due) => {
    const run = running.run(due, () => worker.handle(due));
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  });
  process.on('SIGTERM', () => {
    const force = process.env.SHUTDOWN === 'force';
    void scheduler.close({ force }).then(async () => {
      logger.info({ force }, 'child closed');
      await Promise.allSettled([...inFlight]);
      await redis.close();
      process.exit(0);
    });
  });
  logger.info('child ready');
}

main().catch((err: unknown) => {
  logger.error({ err }, 'child failed');
  process.exit(1);
});
