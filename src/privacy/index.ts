import type { ConversationWindowStore } from '../channels/whatsapp/types';
import type { Storage } from 'botbuilder';
import type { CaseRepository } from '../cases/case-repository';
import type { Actor, RetentionPolicy } from '../domain/case';
import type { Logger } from '../observability/logger';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import type { TurnLock } from '../state/turn-lock';
import { CaseEraser, type Address, type ErasureResult } from './case-eraser';
import type { ErasureLog } from './erasure-log';
import { RetentionSweep, type KeyScanner } from './retention-sweep';
import type { SweepLease } from './sweep-lease';

export { CaseEraser, type Address, type ErasureResult } from './case-eraser';
export { caseIdHash, type ErasureLog, type ErasureRecord } from './erasure-log';
export { RetentionSweep, type KeyScanner, type SweepCounts } from './retention-sweep';
export { InProcessSweepLease, RedisSweepLease, type SweepLease } from './sweep-lease';

export interface Privacy {
  /** Erases a case and everything around it (admin API: DELETE /api/admin/cases/:id). */
  erase(caseId: string, actor: Actor): Promise<ErasureResult>;
  readonly eraser: CaseEraser;
  readonly retention: RetentionSweep;
  readonly log: ErasureLog;
}

/**
 * The stores erasure and retention work on, as the backend kit (src/backend) has them, Redis or memory.
 * The handoff and WhatsApp stores are optional so a test can leave out what it does not look at.
 */
export interface PrivacyStores {
  readonly storage: Storage & KeyScanner;
  readonly erasures: ErasureLog;
  readonly retentionLease: SweepLease;
  readonly lock?: TurnLock;
  readonly transcripts?: { delete(caseId: string): Promise<void> };
  readonly handoffs?: { delete(caseId: string): Promise<void> };
  /**
   * The WhatsApp service-window records: only a time each, but keyed by the customer's id, so they go with
   * the rest (forgotten for every address; a missing one costs nothing).
   */
  readonly whatsAppWindows?: Pick<ConversationWindowStore, 'forget'>;
}

export interface PrivacyDeps {
  readonly backend: PrivacyStores;
  readonly repository: CaseRepository;
  readonly reminders: Pick<ReminderScheduler, 'cancel'>;
  readonly policy: RetentionPolicy;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

/** KVKK: erasure on request and anonymisation on the retention schedule. */
export function createPrivacy(deps: PrivacyDeps): Privacy {
  const { backend } = deps;
  const log = backend.erasures;
  const windows = backend.whatsAppWindows;
  const logger = deps.logger?.child({ component: 'privacy' });
  const eraser = new CaseEraser({
    storage: backend.storage,
    repository: deps.repository,
    reminders: deps.reminders,
    ...(backend.transcripts ? { transcripts: backend.transcripts } : {}),
    ...(backend.handoffs ? { handoffs: backend.handoffs } : {}),
    ...(windows ? { forgetUser: (address: Address) => windows.forget(address.userId) } : {}),
    ...(backend.lock ? { lock: backend.lock } : {}),
    log,
    ...(deps.now ? { now: deps.now } : {}),
    ...(logger ? { logger } : {}),
  });
  const retention = new RetentionSweep({
    keys: backend.storage,
    repository: deps.repository,
    eraser,
    log,
    policy: deps.policy,
    lease: backend.retentionLease,
    ...(deps.now ? { now: deps.now } : {}),
    ...(logger ? { logger } : {}),
  });
  return { erase: (caseId, actor) => eraser.erase(caseId, actor), eraser, retention, log };
}
