import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client';

/**
 * A Lua script called by its SHA1 (EVALSHA), loaded on first use and again after a Redis restart
 * (NOSCRIPT), so each call is one small round trip.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /**
   * `onReload` is told when the script had to be sent again (NOSCRIPT): the call then took a second round
   * trip, after any command pipelined behind the first.
   */
  async run<T>(
    client: RedisClient,
    keys: readonly string[],
    args: readonly string[],
    onReload?: () => void,
  ): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand<T>(['EVALSHA', this.sha, ...tail]);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      onReload?.();
      return client.sendCommand<T>(['EVAL', this.source, ...tail]);
    }
  }
}
