import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TemporarilyUnavailableError } from '../errors';
import type { RedisClient } from './redis-client';
import { RedisScript } from './redis-script';
import { InProcessTurnLock, type TurnLock } from './turn-lock';

const RELEASE = new RedisScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
);
const EXTEND = new RedisScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`,
);

export interface RedisTurnLockOptions {
  readonly keyPrefix: string;
  /** How long a lease lives without renewal; a crashed process blocks a conversation at most this long. */
  readonly leaseMs: number;
  /** How long a turn waits for the lease before giving up with "temporarily unavailable". */
  readonly waitMs: number;
}

/**
 * A lease per conversation in Redis (SET NX PX with a random token, renewed while the turn runs, released
 * only by its owner), behind an in-process FIFO so a process never competes with itself.
 * The storage's eTag check remains the last line of defence if a lease ever expires mid-turn.
 */
export class RedisTurnLock implements TurnLock {
  private readonly local = new InProcessTurnLock();

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisTurnLockOptions,
  ) {}

  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.local.runExclusive(key, async () => {
      const redisKey = `${this.options.keyPrefix}lock:${key}`;
      const token = randomUUID();
      await this.acquire(redisKey, token);
      const renewal = setInterval(
        () => {
          EXTEND.run(this.client, [redisKey], [token, String(this.options.leaseMs)]).catch(() => undefined);
        },
        Math.floor(this.options.leaseMs / 3),
      );
      renewal.unref();
      try {
        return await fn();
      } finally {
        clearInterval(renewal);
        // If Redis is gone the lease simply expires; the turn itself already finished.
        await RELEASE.run(this.client, [redisKey], [token]).catch(() => undefined);
      }
    });
  }

  private async acquire(redisKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    let backoff = 2;
    for (;;) {
      let acquired: string | null;
      try {
        acquired = await this.client.set(redisKey, token, {
          condition: 'NX',
          expiration: { type: 'PX', value: this.options.leaseMs },
        });
      } catch (err) {
        throw new TemporarilyUnavailableError('turn lock: Redis unavailable', { cause: err });
      }
      if (acquired === 'OK') return;
      if (Date.now() >= deadline) throw new TemporarilyUnavailableError('turn lock: timed out waiting');
      await sleep(backoff + Math.random() * backoff);
      backoff = Math.min(backoff * 2, 50);
    }
  }
}
