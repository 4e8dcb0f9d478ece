import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * Builds a node-redis client that fails fast while Redis is away (no offline queue, so a turn gets a polite
 * "temporary problem" instead of hanging) and reconnects on its own with capped back-off.
 * Connecting is not awaited here: the service starts and reports "not ready" until Redis answers.
 */
export function createRedisClient(url: string, logger: Logger): RedisClient {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 5), 2_000),
    },
  });
  let lastLogged = 0;
  client.on('error', (err: Error) => {
    // A down Redis emits an error per reconnect attempt; one line every 10 s is enough.
    const now = Date.now();
    if (now - lastLogged > 10_000) {
      lastLogged = now;
      logger.warn({ err: { message: err.message } }, 'redis connection problem');
    }
  });
  client.on('ready', () => logger.info('redis ready'));
  return client;
}

export async function connectInBackground(client: RedisClient, logger: Logger): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    logger.warn({ err: { message: (err as Error).message } }, 'redis not reachable at start; retrying');
  }
}

export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  try {
    await client.close();
  } catch {
    client.destroy();
  }
}
