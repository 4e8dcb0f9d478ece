import type { RedisClient } from '../state/redis-client';

/**
 * Remembers proactive deliveries by key so a retried job does not message the customer twice.
 * A key is `sending` while one attempt runs (a short lease) and `sent` afterwards (kept for weeks). If a
 * worker dies mid-send, the lease runs out and the next attempt sends: the only duplicate possible is a
 * crash after the channel accepted the message and before `sent` was written.
 */
export interface DeliveryStore {
  /** True when this attempt may send now; false when it was sent already or another attempt is sending. */
  begin(key: string): Promise<boolean>;
  markSent(key: string): Promise<void>;
  /** The attempt failed before anything was sent: let a retry send. */
  abandon(key: string): Promise<void>;
}

const SENDING_LEASE_MS = 120_000;
const SENT_TTL_S = 45 * 24 * 3600;

export class RedisDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async begin(key: string): Promise<boolean> {
    const set = await this.client.set(this.key(key), 'sending', {
      condition: 'NX',
      expiration: { type: 'PX', value: SENDING_LEASE_MS },
    });
    return set === 'OK';
  }

  async markSent(key: string): Promise<void> {
    await this.client.set(this.key(key), 'sent', { expiration: { type: 'EX', value: SENT_TTL_S } });
  }

  async abandon(key: string): Promise<void> {
    await this.client.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.keyPrefix}delivery:${key}`;
  }
}

export class InMemoryDeliveryStore implements DeliveryStore {
  private readonly entries = new Map<string, { state: 'sending' | 'sent'; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async begin(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return false;
    this.entries.set(key, { state: 'sending', until: this.now() + SENDING_LEASE_MS });
    return true;
  }

  async markSent(key: string): Promise<void> {
    this.entries.set(key, { state: 'sent', until: this.now() + SENT_TTL_S * 1000 });
  }

  async abandon(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
