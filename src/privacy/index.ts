import type { ConversationWindowStore } from '../whatsapp/types';
import type { Storage } from 'botbuilder';
import type { CaseRepository } from '../cases/case-repository';
import type { Actor, RetentionPolicy } from '../domain/case';
import type { Logger } from '../observability/logger';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import type { RedisClient } from '../state/redis-client';
import type { TurnLock } from '../state/turn-lock';
import { CaseEraser, type Address, type ErasureResult } from './case-eraser';
import { InMemoryErasureLog, RedisErasureLog, type ErasureLog } from './erasure-log';
import { RetentionSweep, type KeyScanner } from './retention-sweep';

export { CaseEraser, type Address, type ErasureResult } from './case-eraser';
export { caseIdHash, type ErasureLog, type ErasureRecord } from './erasure-log';
export { RetentionSweep, type KeyScanner, type SweepCounts } from './retention-sweep';

export interface Privacy {
  /** Erases a case and everything around it (admin API: DELETE /api/admin/cases/:id). */
  erase(caseId: string, actor: Actor): Promise<ErasureResult>;
  readonly eraser: CaseEraser;
  readonly retention: RetentionSweep;
  readonly log: ErasureLog;
}

export interface PrivacyDeps {
  readonly storage: Storage & KeyScanner;
  readonly repository: CaseRepository;
  readonly reminders: Pick<ReminderScheduler, 'cancel'>;
  readonly transcripts?: { delete(caseId: string): Promise<void> };
  readonly handoffs?: { delete(caseId: string): Promise<void> };
  /**
   * The WhatsApp service-window records: only a time each, but keyed by the customer's id, so they go with
   * the rest (forgotten for every address; a missing one costs nothing).
   */
  readonly windows?: Pick<ConversationWindowStore, 'forget'>;
  readonly lock?: TurnLock;
  readonly redis?: RedisClient;
  readonly keyPrefix: string;
  readonly policy: RetentionPolicy;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

/** KVKK: erasure on request and anonymisation on the retention schedule. */
export function createPrivacy(deps: PrivacyDeps): Privacy {
  const { redis, keyPrefix } = deps;
  const log = redis ? new RedisErasureLog(redis, keyPrefix) : new InMemoryErasureLog();
  const logger = deps.logger?.child({ component: 'privacy' });
  const eraser = new CaseEraser({
    storage: deps.storage,
    repository: deps.repository,
    reminders: deps.reminders,
    ...(deps.transcripts ? { transcripts: deps.transcripts } : {}),
    ...(deps.handoffs ? { handoffs: deps.handoffs } : {}),
    ...(deps.windows ? { forgetUser: (address: Address) => deps.windows!.forget(address.userId) } : {}),
    ...(deps.lock ? { lock: deps.lock } : {}),
    log,
    ...(deps.now ? { now: deps.now } : {}),
    ...(logger ? { logger } : {}),
  });
  const retention = new RetentionSweep({
    keys: deps.storage,
    repository: deps.repository,
    eraser,
    log,
    policy: deps.policy,
    ...(deps.now ? { now: deps.now } : {}),
    ...(redis ? { redis: { client: redis, keyPrefix } } : {}),
    ...(logger ? { logger } : {}),
  });
  return { erase: (caseId, actor) => eraser.erase(caseId, actor), eraser, retention, log };
}
