import type { Storage } from 'botbuilder';
import { caseStorageKey } from '../cases/case-keys';
import type { CaseRepository } from '../cases/case-repository';
import type { Actor, Case, ChannelAddress } from '../domain/case';
import type { Logger } from '../observability/logger';
import { REMINDER_KINDS } from '../domain/reminders/reminder-kinds';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import type { TurnLock } from '../state/turn-lock';
import { caseIdHash, type ErasureLog } from './erasure-log';
import { conversationLockKeyOf, stateKeysOf } from './state-keys';

export type Address = Pick<ChannelAddress, 'channelId' | 'botId' | 'conversationId' | 'userId'>;

export interface CaseEraserDeps {
  readonly storage: Storage;
  readonly repository: CaseRepository;
  readonly reminders: Pick<ReminderScheduler, 'cancel'>;
  readonly transcripts?: { delete(caseId: string): Promise<void> };
  readonly handoffs?: { delete(caseId: string): Promise<void> };
  /** Per-customer records outside the state storage (the WhatsApp service-window time). */
  readonly forgetUser?: (address: Address) => Promise<void>;
  /** The turn lock: an erasure from outside a turn waits for the customer's running turn to save first. */
  readonly lock?: TurnLock;
  readonly log: ErasureLog;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

export interface ErasureResult {
  readonly caseId: string;
  /** Whether a case was stored under the id. */
  readonly found: boolean;
  /** State keys deleted (case, conversations, users). */
  readonly stateKeys: number;
}

/**
 * Erases everything of one case (KVKK deletion on request): the case record, the conversation and user
 * state of every channel address it knows, its transcript and handoff record, its pending reminders and
 * the per-customer WhatsApp record, then appends an anonymous entry to the erasure log.
 */
export class CaseEraser {
  constructor(private readonly deps: CaseEraserDeps) {}

  /** From outside a turn (admin API): holds the case's conversation locks so no turn re-saves its state. */
  async erase(caseId: string, actor: Actor): Promise<ErasureResult> {
    const before = await this.readCase(caseId);
    const lockKeys = [...new Set((before?.channels ?? []).map(conversationLockKeyOf))].sort();
    return this.withLocks(lockKeys, () => this.eraseNow(caseId, actor, []));
  }

  /**
   * From inside the customer's own turn, after its state was saved (the turn already holds the lock).
   * `current` is the address of the turn, erased even if the case never recorded it.
   */
  eraseInTurn(caseId: string, actor: Actor, current: Address): Promise<ErasureResult> {
    return this.eraseNow(caseId, actor, [current]);
  }

  /**
   * Removes what surrounds a case outside its record: state of its addresses, reminders, transcript,
   * handoff, per-customer records. Returns the number of state keys deleted.
   */
  async forgetTraces(
    caseId: string,
    addresses: readonly Address[],
    alsoKeys: string[] = [],
  ): Promise<number> {
    const keys = [...new Set([...alsoKeys, ...addresses.flatMap(stateKeysOf)])];
    await Promise.all(REMINDER_KINDS.map((kind) => this.deps.reminders.cancel(caseId, kind)));
    await this.deps.storage.delete(keys);
    await Promise.all([
      this.deps.transcripts?.delete(caseId),
      this.deps.handoffs?.delete(caseId),
      ...addresses.map((a) => this.deps.forgetUser?.(a)),
    ]);
    return keys.length;
  }

  private async eraseNow(caseId: string, actor: Actor, extra: readonly Address[]): Promise<ErasureResult> {
    const stored = await this.readCase(caseId);
    const addresses = [...(stored?.channels ?? []), ...extra];
    const stateKeys = await this.forgetTraces(caseId, addresses, [caseStorageKey(caseId)]);
    const at = (this.deps.now ?? (() => new Date()))().toISOString();
    await this.deps.log.record({
      caseIdHash: caseIdHash(caseId),
      at,
      actorKind: actor.kind,
      action: 'erased',
      found: stored !== undefined,
    });
    this.deps.logger?.info({ caseId, actorKind: actor.kind, stateKeys }, 'case erased');
    return { caseId, found: stored !== undefined, stateKeys };
  }

  /** The stored case; one that cannot be read (or decrypted) is still erased, by its id alone. */
  private async readCase(caseId: string): Promise<Case | undefined> {
    try {
      return await this.deps.repository.get(caseId);
    } catch (err) {
      this.deps.logger?.warn(
        { caseId, err: { message: (err as Error).message } },
        'erasing an unreadable case',
      );
      return undefined;
    }
  }

  private withLocks<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const [first, ...rest] = keys;
    if (!this.deps.lock || first === undefined) return fn();
    return this.deps.lock.runExclusive(first, () => this.withLocks(rest, fn));
  }
}
