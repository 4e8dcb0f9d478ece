import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../observability/logger';
import { closeRedisClient, createRedisClient } from '../state/redis-client';
import { ValueCipher } from '../state/value-cipher';
import { reencryptAll } from './reencrypt';

/**
 * `npm run kvkk:reencrypt`: rewrites every stored state value under the newest ENCRYPTION_KEYS key and
 * prints the counts as one JSON line. Exits 1 when values could not be decrypted or kept changing.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.redis) throw new ConfigError(['REDIS_URL: required to re-encrypt stored values']);
  if (!config.encryption) throw new ConfigError(['ENCRYPTION_KEYS: required to re-encrypt stored values']);
  const logger = createLogger(config.logLevel);
  const client = createRedisClient(config.redis.url, logger);
  await client.connect();
  try {
    const counts = await reencryptAll(
      client,
      config.redis.keyPrefix,
      new ValueCipher(config.encryption.keys),
    );
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return counts.failed > 0 || counts.conflicts > 0 ? 1 : 0;
  } finally {
    await closeRedisClient(client);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`kvkk:reencrypt failed. ${(err as Error).message}\n`);
    process.exit(1);
  },
);
