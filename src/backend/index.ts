import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Backend } from './backend';
import { createMemoryBackend } from './memory-backend';
import { createRedisBackend } from './redis-backend';

export type { Backend, MemoryBackend, RedisBackend } from './backend';
export { createMemoryBackend } from './memory-backend';
export { createRedisBackend } from './redis-backend';

/** The one place that decides: Redis when REDIS_URL is set, else the embedded mode's memory. */
export function createBackend(config: Config, logger: Logger, metrics: Metrics): Backend {
  return config.redis
    ? createRedisBackend(config, config.redis, logger, metrics)
    : createMemoryBackend(config);
}
