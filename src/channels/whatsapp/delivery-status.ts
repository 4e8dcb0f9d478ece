import { z } from 'zod/v4';
import type { RedisClient } from '../../state/redis-client';
import { messageIdHash } from './inbox';
import type { WaStatus } from './types';

/** What WhatsApp last reported for a message the bot sent. */
export interface DeliveryState {
  readonly status: WaStatus['status'];
  readonly at: string;
  readonly errorCodes: readonly number[];
}

/**
 * Delivery state per sent message (sent → delivered → read, or failed), kept a week for diagnosing a
 * delivery by its message id; failures are also logged and every report is counted in /metrics. Reports arrive out of
 * order and more than once, so a state never moves backwards; `failed` always wins.
 */
export interface DeliveryStatusStore {
  record(status: WaStatus): Promise<void>;
  get(messageId: string): Promise<DeliveryState | undefined>;
}

const DeliveryStateSchema = z.object({
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  at: z.string(),
  errorCodes: z.array(z.number()),
});

const RANK: Record<WaStatus['status'], number> = { sent: 1, delivered: 2, read: 3, failed: 4 };
const TTL_SECONDS = 7 * 24 * 3600;

function toState(status: WaStatus): DeliveryState {
  return { status: status.status, at: status.timestamp.toISOString(), errorCodes: [...status.errorCodes] };
}

function moves(before: DeliveryState | undefined, next: WaStatus): boolean {
  return !before || RANK[next.status] > RANK[before.status];
}

export class RedisDeliveryStatusStore implements DeliveryStatusStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async record(status: WaStatus): Promise<void> {
    const key = this.key(status.messageId);
    // Read-then-write is enough here: reports of one message arrive seconds apart, and a lost race only
    // keeps the lower of two states for a moment until the next report.
    const before = await this.get(status.messageId);
    if (!moves(before, status)) return;
    await this.client.set(key, JSON.stringify(toState(status)), {
      expiration: { type: 'EX', value: TTL_SECONDS },
    });
  }

  async get(messageId: string): Promise<DeliveryState | undefined> {
    const raw = await this.client.get(this.key(messageId));
    if (!raw) return undefined;
    try {
      const parsed = DeliveryStateSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private key(messageId: string): string {
    return `${this.keyPrefix}wa:status:${messageIdHash(messageId)}`;
  }
}

export class InMemoryDeliveryStatusStore implements DeliveryStatusStore {
  private readonly states = new Map<string, DeliveryState>();

  constructor(private readonly maxEntries = 50_000) {}

  async record(status: WaStatus): Promise<void> {
    const key = messageIdHash(status.messageId);
    if (!moves(this.states.get(key), status)) return;
    this.states.delete(key);
    this.states.set(key, toState(status));
    if (this.states.size > this.maxEntries) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }

  async get(messageId: string): Promise<DeliveryState | undefined> {
    return this.states.get(messageIdHash(messageId));
  }
}
