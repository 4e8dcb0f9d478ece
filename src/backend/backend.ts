import type { Storage } from 'botbuilder';
import type { HandoffStore } from '../handoff/handoff-store';
import type { TranscriptStore } from '../handoff/transcript-store';
import type { Readiness } from '../http/health-routes';
import type { RateLimiter } from '../http/rate-limiter';
import type { Logger } from '../observability/logger';
import type { ErasureLog, KeyScanner, SweepLease } from '../privacy';
import type { ChannelRateLimiter } from '../reminders/channel-rate-limiter';
import type { DeliveryStore } from '../reminders/delivery-store';
import type { ReminderDeliveryOptions, ReminderScheduler } from '../reminders/reminder-scheduler';
import type { RedisClient } from '../state/redis-client';
import type { TurnLock } from '../state/turn-lock';
import type { DeliveryStatusStore } from '../channels/whatsapp/delivery-status';
import type { MessageDedupe } from '../channels/whatsapp/inbox';
import type { InboxQueue } from '../channels/whatsapp/inbox-queue';
import type { ConversationWindowStore } from '../channels/whatsapp/types';

/**
 * Where the bot keeps what outlives a turn, built once per process: in Redis (shared by every process)
 * or, in the embedded mode (no REDIS_URL), in this process's memory. Both kits have the same members, so
 * features take the kit (or the part of it they use) and never ask which one it is.
 */
export interface Backend {
  readonly mode: 'redis' | 'embedded';
  /** Turn state and cases: botbuilder Storage that can also list its keys (retention, the admin list). */
  readonly storage: Storage & KeyScanner;
  /** One turn at a time per conversation. */
  readonly lock: TurnLock;
  /** Agent takeover records, and the chat transcripts agents see (encrypted at rest with keys set). */
  readonly handoffs: HandoffStore;
  readonly transcripts: TranscriptStore;
  /** Which reminder sends went out, so a retried job sends no duplicate. */
  readonly reminderDeliveries: DeliveryStore;
  /** Each channel's proactive send rate (across workers with Redis). */
  readonly channelLimiter: ChannelRateLimiter;
  /** The counters behind the per-IP and per-user HTTP budgets. */
  readonly requestLimiter: RateLimiter;
  /** WhatsApp: each customer's last inbound time (the 24-hour window) and the delivery reports. */
  readonly whatsAppWindows: ConversationWindowStore;
  readonly whatsAppStatuses: DeliveryStatusStore;
  /** KVKK: the erasure log, and the lease that keeps retention sweeps one at a time. */
  readonly erasures: ErasureLog;
  readonly retentionLease: SweepLease;
  /** Reminder jobs: a BullMQ queue (it opens connections of its own from the URL), or in-process timers. */
  createReminderScheduler(options: ReminderDeliveryOptions): ReminderScheduler;
  /** Accepted WhatsApp messages: a Redis stream (deduplicated by its script), or a queue in memory. */
  createWhatsAppInbox(logger: Logger): InboxQueue;
  /** For /readyz. */
  readiness(): Promise<Readiness>;
  /** Starts connecting without waiting (the process starts, not ready, while Redis is away). */
  connect(): void;
  close(): Promise<void>;
}

/** With REDIS_URL: the client and where it points, for what needs Redis beyond the stores above. */
export interface RedisBackend extends Backend {
  readonly mode: 'redis';
  readonly redis: { readonly client: RedisClient; readonly url: string; readonly keyPrefix: string };
}

/** Without: one process; the WhatsApp message dedupe is the one the in-memory inbox uses. */
export interface MemoryBackend extends Backend {
  readonly mode: 'embedded';
  readonly whatsAppDedupe: MessageDedupe;
}
