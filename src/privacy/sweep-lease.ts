import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../state/redis-client';

/** Releases a lease taken with `SweepLease.acquire`. */
export type ReleaseLease = () => Promise<void>;

/** One retention sweep at a time: the release when this process may sweep now, undefined when another does. */
export interface SweepLease {
  acquire(): Promise<ReleaseLease | undefined>;
}

const LEASE_MS = 600_000;

/** Across processes: `SET <prefix>retention:lease token NX PX`, released only by its holder. */
export class RedisSweepLease implements SweepLease {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async acquire(): Promise<ReleaseLease | undefined> {
    const key = `${this.keyPrefix}retention:lease`;
    const token = randomUUID();
    const ok = await this.client.set(key, token, {
      condition: 'NX',
      expiration: { type: 'PX', value: LEASE_MS },
    });
    if (ok !== 'OK') return undefined;
    return async () => {
      if ((await this.client.get(key)) === token) await this.client.del(key);
    };
  }
}

/** The embedded mode has one process, whose sweep already runs one at a time: always granted. */
export class InProcessSweepLease implements SweepLease {
  async acquire(): Promise<ReleaseLease> {
    return async () => undefined;
  }
}
