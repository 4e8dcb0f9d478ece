import { createHash } from 'node:crypto';
import type { RedisClient } from '../../state/redis-client';
import { RedisScript } from '../../state/redis-script';
import type { ConversationWindowStore } from './types';

/** Meta retries a webhook for up to about a day; three days leaves room for a long outage on our side. */
export const DEFAULT_DEDUPE_TTL_SECONDS = 3 * 24 * 3600;
/** The window is 24 hours; the record is kept longer so a late reminder can still tell it is closed. */
export const WINDOW_TTL_SECONDS = 8 * 24 * 3600;

/** Remembers which WhatsApp messages were taken on, so each is processed once however often Meta sends it. */
export interface MessageDedupe {
  /** True the first time a message id is claimed, false for every later claim within the TTL. */
  claim(messageId: string): Promise<boolean>;
  /** Forgets a claim whose message was not processed after all (the webhook answered 503). */
  release?(messageId: string): Promise<void>;
}

/**
 * Message ids (wamid.…) embed the customer's phone number, so only their hash is used as a key or logged.
 */
export function messageIdHash(messageId: string): string {
  return createHash('sha256').update(messageId).digest('base64url');
}

/** One `SET key 1 NX EX ttl` per message: atomic across processes, no read-then-write race. */
export class RedisMessageDedupe implements MessageDedupe {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly ttlSeconds = DEFAULT_DEDUPE_TTL_SECONDS,
  ) {}

  async claim(messageId: string): Promise<boolean> {
    const reply = await this.client.set(this.key(messageId), '1', {
      condition: 'NX',
      expiration: { type: 'EX', value: this.ttlSeconds },
    });
    return reply === 'OK';
  }

  async release(messageId: string): Promise<void> {
    await this.client.del(this.key(messageId));
  }

  private key(messageId: string): string {
    return `${this.keyPrefix}wa:seen:${messageIdHash(messageId)}`;
  }
}

/** The embedded-mode twin: one process, bounded memory (the oldest claims go first). */
export class InMemoryMessageDedupe implements MessageDedupe {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlSeconds = DEFAULT_DEDUPE_TTL_SECONDS,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(messageId: string): Promise<boolean> {
    const key = messageIdHash(messageId);
    const now = this.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + this.ttlSeconds * 1000);
    this.evict(now);
    return true;
  }

  async release(messageId: string): Promise<void> {
    this.expiries.delete(messageIdHash(messageId));
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Insertion order is claim order and the TTL is constant, so the first entries expire first. */
  private evict(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now && this.expiries.size <= this.maxEntries) break;
      this.expiries.delete(key);
    }
  }
}

/*
 * Moves the last-inbound time forward only: a retried webhook carries an older timestamp than a message
 * processed since, and must not shorten the customer-service window. ARGV: epoch ms, ttl seconds.
 * Returns 1 when the time moved, 0 when the stored one was already as late.
 */
const RECORD_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]))
local at = tonumber(ARGV[1])
if current and current >= at then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return 1
`;
const recordScript = new RedisScript(RECORD_SCRIPT);

export class RedisConversationWindowStore implements ConversationWindowStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly ttlSeconds = WINDOW_TTL_SECONDS,
  ) {}

  async recordInbound(userId: string, at: Date): Promise<void> {
    const ms = at.getTime();
    if (!Number.isFinite(ms)) return;
    await recordScript.run<number>(this.client, [this.key(userId)], [String(ms), String(this.ttlSeconds)]);
  }

  async lastInbound(userId: string): Promise<Date | undefined> {
    const raw = await this.client.get(this.key(userId));
    const ms = raw === null ? NaN : Number(raw);
    return Number.isFinite(ms) ? new Date(ms) : undefined;
  }

  async forget(userId: string): Promise<void> {
    await this.client.del(this.key(userId));
  }

  private key(userId: string): string {
    return `${this.keyPrefix}wa:window:${userId}`;
  }
}

/** The embedded-mode twin: forward-only, expiring, bounded (the least recently written go first). */
export class InMemoryConversationWindowStore implements ConversationWindowStore {
  private readonly times = new Map<string, { at: number; expires: number }>();

  constructor(
    private readonly ttlSeconds = WINDOW_TTL_SECONDS,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async recordInbound(userId: string, at: Date): Promise<void> {
    const ms = at.getTime();
    if (!Number.isFinite(ms)) return;
    const current = this.current(userId);
    if (current !== undefined && current >= ms) return;
    this.times.delete(userId);
    this.times.set(userId, { at: ms, expires: this.now() + this.ttlSeconds * 1000 });
    if (this.times.size > this.maxEntries) {
      const oldest = this.times.keys().next();
      if (!oldest.done) this.times.delete(oldest.value);
    }
  }

  async lastInbound(userId: string): Promise<Date | undefined> {
    const current = this.current(userId);
    return current === undefined ? undefined : new Date(current);
  }

  async forget(userId: string): Promise<void> {
    this.times.delete(userId);
  }

  private current(userId: string): number | undefined {
    const entry = this.times.get(userId);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.times.delete(userId);
      return undefined;
    }
    return entry.at;
  }
}
