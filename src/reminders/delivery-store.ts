import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';

/**
 * How far one delivery (a reminder message, or an escalation) got, across every run that tried it:
 * - `new`: no run began it;
 * - `sending`: a run began it and did not finish (it is running, or it died: the channel may or may not
 *   have accepted the message);
 * - `sent`: the message went out; what follows it (recording, escalating, the next reminder) may not have;
 * - `done`: all of it is finished.
 */
export type DeliveryProgress = 'new' | 'sending' | 'sent' | 'done';

/**
 * What `begin` found: `fresh` (nothing was sent: send), `interrupted` (an earlier run began and never
 * finished: send again, the one window in which a customer can get a message twice), or `sent`/`done`
 * (do not send; finish what is left).
 */
export type DeliveryClaim = 'fresh' | 'interrupted' | 'sent' | 'done';

/**
 * Remembers proactive deliveries by key so a redelivered job neither sends twice nor drops what follows a
 * send. The marker names the run that began sending (`sending:<runId>`), not a lease: the scheduler gives
 * a job to one live run at a time (BullMQ's job lock), so a new run that finds another run's marker knows
 * that run is gone. TTLs only collect garbage.
 */
export interface DeliveryStore {
  /** Reads the progress without changing it. */
  progress(key: string): Promise<DeliveryProgress>;
  /** Atomically: claims the key for `runId` unless it was sent, and says what an earlier run left. */
  begin(key: string, runId: string): Promise<DeliveryClaim>;
  markSent(key: string): Promise<void>;
  /** Everything that follows the send is finished: a later run does nothing. */
  markDone(key: string): Promise<void>;
  /** The run failed before anything was sent: a retry starts fresh. Only `runId`'s own claim is dropped. */
  abandon(key: string, runId: string): Promise<void>;
}

/** Garbage collection only: far beyond any retry or redelivery of the job. */
const SENDING_TTL_S = 7 * 24 * 3600;
const SENT_TTL_S = 45 * 24 * 3600;

const SENDING = 'sending:';

/** KEYS[1] the marker; ARGV: run id, TTL seconds. Returns the claim. */
const BEGIN_SCRIPT = new RedisScript(`
local v = redis.call('GET', KEYS[1])
if v == 'sent' or v == 'done' then return v end
redis.call('SET', KEYS[1], '${SENDING}' .. ARGV[1], 'EX', ARGV[2])
if not v or v == '${SENDING}' .. ARGV[1] then return 'fresh' end
return 'interrupted'
`);

/** KEYS[1] the marker; ARGV[1] the run id. Deletes the marker only while it is that run's claim. */
const ABANDON_SCRIPT = new RedisScript(`
if redis.call('GET', KEYS[1]) == '${SENDING}' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

function toProgress(value: string | null | undefined): DeliveryProgress {
  if (value === 'sent' || value === 'done') return value;
  return value ? 'sending' : 'new';
}

export class RedisDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async progress(key: string): Promise<DeliveryProgress> {
    return toProgress(await this.client.get(this.key(key)));
  }

  async begin(key: string, runId: string): Promise<DeliveryClaim> {
    return BEGIN_SCRIPT.run<DeliveryClaim>(this.client, [this.key(key)], [runId, String(SENDING_TTL_S)]);
  }

  async markSent(key: string): Promise<void> {
    await this.client.set(this.key(key), 'sent', { expiration: { type: 'EX', value: SENT_TTL_S } });
  }

  async markDone(key: string): Promise<void> {
    await this.client.set(this.key(key), 'done', { expiration: { type: 'EX', value: SENT_TTL_S } });
  }

  async abandon(key: string, runId: string): Promise<void> {
    await ABANDON_SCRIPT.run<number>(this.client, [this.key(key)], [runId]);
  }

  private key(key: string): string {
    return `${this.keyPrefix}delivery:${key}`;
  }
}

/** The embedded mode's store: the same states and answers as the Redis one, in this process. */
export class InMemoryDeliveryStore implements DeliveryStore {
  private readonly entries = new Map<string, { value: string; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async progress(key: string): Promise<DeliveryProgress> {
    return toProgress(this.get(key));
  }

  async begin(key: string, runId: string): Promise<DeliveryClaim> {
    const value = this.get(key);
    if (value === 'sent' || value === 'done') return value;
    this.set(key, SENDING + runId, SENDING_TTL_S);
    return value === undefined || value === SENDING + runId ? 'fresh' : 'interrupted';
  }

  async markSent(key: string): Promise<void> {
    this.set(key, 'sent', SENT_TTL_S);
  }

  async markDone(key: string): Promise<void> {
    this.set(key, 'done', SENT_TTL_S);
  }

  async abandon(key: string, runId: string): Promise<void> {
    if (this.get(key) === SENDING + runId) this.entries.delete(key);
  }

  private get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  private set(key: string, value: string, ttlSeconds: number): void {
    this.entries.set(key, { value, until: this.now() + ttlSeconds * 1000 });
  }
}
