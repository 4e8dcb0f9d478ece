import type { Storage } from 'botbuilder';
import type { Config } from './config';
import type { Readiness } from './http/health-routes';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';
import type { KeyScanner } from './privacy';
import { InMemoryStorage } from './state/in-memory-storage';
import { createRedisClient, type RedisClient } from './state/redis-client';
import { RedisStorage } from './state/redis-storage';
import { RedisTurnLock } from './state/redis-turn-lock';
import { InProcessTurnLock, type TurnLock } from './state/turn-lock';
import { ValueCipher } from './state/value-cipher';

/** Where turns keep their state and how they are serialised: Redis, or memory in the embedded mode. */
export interface StateLayer {
  readonly storage: Storage & KeyScanner;
  readonly lock: TurnLock;
  readonly redis?: RedisClient;
  readiness(): Promise<Readiness>;
}

export function createStateLayer(config: Config, logger: Logger, metrics: Metrics): StateLayer {
  if (!config.redis) {
    return {
      storage: new InMemoryStorage({ ttlSeconds: config.state.ttlSeconds, ...cipherOf(config) }),
      lock: new InProcessTurnLock(),
      readiness: async () => ({ ready: true }),
    };
  }
  const redis = createRedisClient(config.redis.url, logger);
  const keyPrefix = config.redis.keyPrefix;
  return {
    redis,
    storage: new RedisStorage(redis, {
      keyPrefix,
      ttlSeconds: config.state.ttlSeconds,
      onRoundTrip: (op) => metrics.stateRoundTrips.inc({ op }),
      ...cipherOf(config),
    }),
    lock: new RedisTurnLock(redis, {
      keyPrefix,
      leaseMs: config.state.lockLeaseMs,
      waitMs: config.state.lockWaitMs,
    }),
    readiness: () => redisReadiness(redis),
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

/** Every stored state document is encrypted when ENCRYPTION_KEYS is set (always in production). */
export function cipherOf(config: Config): { cipher?: ValueCipher } {
  return config.encryption ? { cipher: new ValueCipher(config.encryption.keys) } : {};
}
