import type { Config } from '../config';
import { InMemoryHandoffStore } from '../handoff/handoff-store';
import { InMemoryTranscriptStore } from '../handoff/transcript-store';
import { InMemoryRateLimiter } from '../http/rate-limiter';
import { InMemoryErasureLog } from '../privacy/erasure-log';
import { InProcessSweepLease } from '../privacy/sweep-lease';
import { channelRates, InProcessChannelRateLimiter } from '../reminders/channel-rate-limiter';
import { InMemoryDeliveryStore } from '../reminders/delivery-store';
import { InProcessReminderScheduler } from '../reminders/in-process-scheduler';
import { InMemoryStorage } from '../state/in-memory-storage';
import { InProcessTurnLock } from '../state/turn-lock';
import { InMemoryDeliveryStatusStore } from '../channels/whatsapp/delivery-status';
import { InMemoryConversationWindowStore, InMemoryMessageDedupe } from '../channels/whatsapp/inbox';
import { InMemoryInboxQueue } from '../channels/whatsapp/inbox-queue';
import type { MemoryBackend } from './backend';
import { cipherOf } from './cipher';

/** The embedded mode: the Redis kit's twin, member for member, in this process's memory. */
export function createMemoryBackend(config: Config): MemoryBackend {
  const whatsAppDedupe = new InMemoryMessageDedupe();
  return {
    mode: 'embedded',
    storage: new InMemoryStorage({ ttlSeconds: config.state.ttlSeconds, ...cipherOf(config) }),
    lock: new InProcessTurnLock(),
    handoffs: new InMemoryHandoffStore(),
    transcripts: new InMemoryTranscriptStore(),
    reminderDeliveries: new InMemoryDeliveryStore(),
    channelLimiter: new InProcessChannelRateLimiter({ rates: channelRates(config.reminders) }),
    requestLimiter: new InMemoryRateLimiter(),
    whatsAppWindows: new InMemoryConversationWindowStore(),
    whatsAppStatuses: new InMemoryDeliveryStatusStore(),
    whatsAppDedupe,
    erasures: new InMemoryErasureLog(),
    retentionLease: new InProcessSweepLease(),
    createReminderScheduler: (options) => new InProcessReminderScheduler(options),
    createWhatsAppInbox: (logger) => new InMemoryInboxQueue(whatsAppDedupe, { logger }),
    readiness: async () => ({ ready: true }),
    connect: () => undefined,
    close: async () => undefined,
  };
}
