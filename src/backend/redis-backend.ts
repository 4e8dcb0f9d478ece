import type { Config } from '../config';
import { RedisHandoffStore } from '../handoff/redis-handoff-store';
import { RedisTranscriptStore } from '../handoff/transcript-store';
import type { Readiness } from '../http/health-routes';
import { RedisRateLimiter } from '../http/rate-limiter';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { RedisErasureLog } from '../privacy/erasure-log';
import { RedisSweepLease } from '../privacy/sweep-lease';
import { BullMqReminderScheduler } from '../reminders/bullmq-scheduler';
import { channelRates, RedisChannelRateLimiter } from '../reminders/channel-rate-limiter';
import { RedisDeliveryStore } from '../reminders/delivery-store';
import {
  closeRedisClient,
  connectInBackground,
  createRedisClient,
  type RedisClient,
} from '../state/redis-client';
import { RedisStorage } from '../state/redis-storage';
import { RedisTurnLock } from '../state/redis-turn-lock';
import { RedisDeliveryStatusStore } from '../channels/whatsapp/delivery-status';
import { RedisConversationWindowStore } from '../channels/whatsapp/inbox';
import { RedisInboxQueue } from '../channels/whatsapp/redis-inbox-queue';
import type { RedisBackend } from './backend';
import { cipherOf } from './cipher';

/** Everything on one Redis client, under REDIS_KEY_PREFIX; the kit owns the client and closes it. */
export function createRedisBackend(
  config: Config,
  redisConfig: NonNullable<Config['redis']>,
  logger: Logger,
  metrics: Metrics,
): RedisBackend {
  const client = createRedisClient(redisConfig.url, logger);
  const { url, keyPrefix } = redisConfig;
  const cipher = cipherOf(config);
  return {
    mode: 'redis',
    redis: { client, url, keyPrefix },
    storage: new RedisStorage(client, {
      keyPrefix,
      ttlSeconds: config.state.ttlSeconds,
      onRoundTrip: (op) => metrics.stateRoundTrips.inc({ op }),
      ...cipher,
    }),
    lock: new RedisTurnLock(client, {
      keyPrefix,
      leaseMs: config.state.lockLeaseMs,
      waitMs: config.state.lockWaitMs,
    }),
    handoffs: new RedisHandoffStore(client, keyPrefix),
    transcripts: new RedisTranscriptStore(client, keyPrefix, cipher.cipher),
    reminderDeliveries: new RedisDeliveryStore(client, keyPrefix),
    channelLimiter: new RedisChannelRateLimiter(client, { keyPrefix, rates: channelRates(config.reminders) }),
    requestLimiter: new RedisRateLimiter(client, keyPrefix),
    whatsAppWindows: new RedisConversationWindowStore(client, keyPrefix),
    whatsAppStatuses: new RedisDeliveryStatusStore(client, keyPrefix),
    erasures: new RedisErasureLog(client, keyPrefix),
    retentionLease: new RedisSweepLease(client, keyPrefix),
    // BullMQ opens (and closes) connections of its own from the URL.
    createReminderScheduler: (options) =>
      new BullMqReminderScheduler({
        redisUrl: url,
        keyPrefix,
        queueName: config.reminders.queueName,
        ...options,
      }),
    createWhatsAppInbox: (inboxLogger) =>
      new RedisInboxQueue(client, { keyPrefix, logger: inboxLogger, ...cipher }),
    readiness: () => redisReadiness(client),
    connect: () => void connectInBackground(client, logger),
    close: () => closeRedisClient(client),
  };
}

async function redisReadiness(redis: RedisClient): Promise<Readiness> {
  if (!redis.isReady) return { ready: false, reason: 'redis: not connected' };
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000).unref()),
    ]);
    return { ready: true };
  } catch (err) {
    return { ready: false, reason: `redis: ${(err as Error).message}` };
  }
}
