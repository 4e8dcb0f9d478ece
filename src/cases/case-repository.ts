import type { Storage } from 'botbuilder';
import type { Case } from '../domain/case';
import { ETagConflictError } from '../errors';
import { caseStorageKey } from './case-keys';
import { isEmptyRecord, readCaseRecord } from './case-record';

/**
 * Cases outside a conversation turn (workers, agents, the admin API, tests), in the same Storage and under
 * the same eTag rules as the turn state, so a change made here and a turn running at the same moment can
 * never overwrite each other: the loser re-reads and re-applies its change.
 */
export class CaseRepository {
  constructor(private readonly storage: Storage) {}

  async get(caseId: string): Promise<Case | undefined> {
    const key = caseStorageKey(caseId);
    const raw = (await this.storage.read([key]))[key] as Record<string, unknown> | undefined;
    return raw && !isEmptyRecord(raw) ? readCaseRecord(caseId, raw) : undefined;
  }

  /** Writes a case unconditionally (creation, seeding, restore). */
  async put(record: Case): Promise<void> {
    await this.storage.write({ [caseStorageKey(record.id)]: { ...record, eTag: '*' } });
  }

  /**
   * Applies `change` to the stored case with compare-and-set, retrying on a concurrent write.
   * `change` returns the new case, or undefined to leave it as it is. Resolves with the stored result.
   */
  async update(
    caseId: string,
    change: (current: Case) => Case | undefined,
    attempts = 5,
  ): Promise<Case | undefined> {
    const key = caseStorageKey(caseId);
    for (let attempt = 1; ; attempt++) {
      const raw = (await this.storage.read([key]))[key] as Record<string, unknown> | undefined;
      if (!raw || isEmptyRecord(raw)) return undefined;
      const current = readCaseRecord(caseId, raw);
      const next = change(current);
      if (!next) return current;
      try {
        await this.storage.write({ [key]: { ...next, eTag: raw.eTag } });
        return next;
      } catch (err) {
        if (!(err instanceof ETagConflictError) || attempt >= attempts) throw err;
      }
    }
  }
}
